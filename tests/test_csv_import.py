"""Importing postings from CSV: good and bad rows side by side, encodings, limits, headers."""
import codecs
import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from caravan.models import AuditEntry, Employer, Posting, PublishStatus
from caravan.services.catalogue import csv_import
from caravan.services.catalogue.texts import local_today

HEADER = ["employer", "sector", "openings", "wage_min", "wage_max", "wage_unit", "area_code", "housing", "meals",
          "transport", "valid_until", "status", "title_zh", "description_zh", "title_ug", "title_en"]


def csv_bytes(rows, header=HEADER, encoding="utf-8", bom=False):
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode(encoding)
    return (codecs.BOM_UTF8 + data) if bom else data


@pytest.fixture
def county(build):
    county = build.county()
    build.employer(name_zh="博斯坦村服装加工车间", area=county)
    return county


def row(title="缝纫工", employer="博斯坦村服装加工车间", openings="5", wage_min="3000", wage_max="4000",
        area="T", status="draft", valid_days=30, ug="تىكىمچى", en="Sewing worker"):
    until = (local_today() + timedelta(days=valid_days)).isoformat()
    return [employer, "manufacturing", openings, wage_min, wage_max, "month", area, "是", "否", "no", until, status,
            title, "车间工作", ug, en]


def count(db, model=Posting):
    return db.session.scalar(select(func.count()).select_from(model))


def test_good_rows_are_saved_and_bad_rows_reported(app, db, county, build):
    user = build.user("office")
    data = csv_bytes([
        row("缝纫工"),
        row("熨烫工", openings="0"),                      # row 3: openings
        row("包装工", wage_min="5000", wage_max="4000"),  # row 4: wage
        row("质检员", status="published"),
        row("搬运工", employer="不存在的公司"),             # row 6: unknown employer
        row("裁剪工", area="XX-99", valid_days=-3, status="published"),  # row 7: area
        row("", ug="", en=""),                             # row 8: no title
    ])
    result = csv_import.import_postings(data, county, by=user)
    db.session.commit()
    assert [p.text("zh").title for p in result.created] == ["缝纫工", "质检员"]
    assert result.failed_rows == [3, 4, 6, 7, 8]
    assert {(e.row, e.column) for e in result.errors} == {
        (3, "openings"), (4, "wage_max"), (6, "employer"), (7, "area_code"), (8, "title_zh")}
    assert count(db) == 2
    published = db.session.scalar(select(Posting).where(Posting.status == PublishStatus.published))
    assert published.text("zh").title == "质检员" and published.housing and not published.meals
    assert {t.lang for t in published.translations} == {"zh", "ug", "en"}
    audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "posting.import"))
    assert audit.detail == {"rows": 7, "created": 2, "skipped": 0, "failed": 5}
    creates = db.session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "posting.create")).all()
    assert len(creates) == 2 and all(d["via"] == "import" for d in creates)


def test_uploading_the_same_file_again_skips_the_saved_rows(app, db, county):
    data = csv_bytes([row("缝纫工"), row("熨烫工", openings="0")])
    first = csv_import.import_postings(data, county)
    fixed = csv_bytes([row("缝纫工"), row("熨烫工")])
    second = csv_import.import_postings(fixed, county)
    assert len(first.created) == 1 and [p.text("zh").title for p in second.created] == ["熨烫工"]
    assert second.skipped == [(2, first.created[0].code)]
    assert count(db) == 2


def test_an_expired_published_row_is_refused(app, db, county):
    result = csv_import.import_postings(csv_bytes([row(status="published", valid_days=-1)]), county)
    assert [(e.row, e.column) for e in result.errors] == [(2, "valid_until")] and count(db) == 0


def test_gb18030_as_excel_in_china_saves_it(app, db, county):
    data = csv_bytes([row("缝纫工", ug="", en="")], encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = csv_import.import_postings(data, county)
    assert not result.errors and result.created[0].text("zh").title == "缝纫工"
    assert result.created[0].employer.name_zh == "博斯坦村服装加工车间"


def test_utf8_with_a_bom_and_semicolons(app, db, county):
    data = csv_bytes([row("缝纫工")], bom=True).replace(b",", b";")
    result = csv_import.import_postings(data, county)
    assert not result.file_errors and not result.errors and len(result.created) == 1
    assert result.created[0].text("ug").title == "تىكىمچى"


def test_wrong_header_is_refused_as_a_whole(app, db, county):
    header = [h if h != "openings" else "opening" for h in HEADER]
    result = csv_import.import_postings(csv_bytes([row()], header=header), county)
    assert any("opening" in m for m in result.file_errors)
    assert any("openings" in m for m in result.file_errors)  # the missing required column is named
    assert not result.created and count(db) == 0


def test_too_large_too_many_rows_empty_and_binary(app, db, county):
    big = csv_bytes([row(f"工{i}", en="x" * 2000) for i in range(600)])
    assert len(big) > csv_import.MAX_BYTES
    assert "KB" in csv_import.import_postings(big, county).file_errors[0]
    many = csv_bytes([row(f"工{i}") for i in range(csv_import.MAX_ROWS + 1)])
    assert len(many) < csv_import.MAX_BYTES
    assert "1000" in csv_import.import_postings(many, county).file_errors[0]
    assert csv_import.import_postings(b"", county).file_errors
    assert csv_import.import_postings(b"PK\x03\x04\x00\x00binary", county).file_errors
    assert count(db) == 0


def test_unknown_employers_are_added_only_when_asked(app, db, county):
    data = csv_bytes([row("司机", employer="驼铃物流"), row("装卸工", employer="驼铃物流"),
                      row("坏行", employer="新公司", openings="x")])
    refused = csv_import.import_postings(data, county)
    assert [e.column for e in refused.errors] == ["employer", "employer", "employer", "openings"]
    result = csv_import.import_postings(data, county, new_employers=True)
    assert len(result.created) == 2 and result.failed_rows == [4]
    # One new employer for both rows; none for the bad row.
    assert db.session.scalars(select(Employer.name_zh).order_by(Employer.name_zh)).all() == \
        sorted(["博斯坦村服装加工车间", "驼铃物流"])


def test_the_template_reads_back(app, db, build):
    data = csv_import.template_csv()
    assert data.startswith(codecs.BOM_UTF8) and b"\r\n" in data
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == csv_import.COLUMN_NAMES


def test_the_import_page(client, login_as, build, db):
    login_as("office")
    build.employer(name_zh="博斯坦村服装加工车间")
    page = client.get("/office/postings/import").get_data(as_text=True)
    assert "title_zh" in page and "/office/postings/import/template.csv" in page
    data = csv_bytes([row("缝纫工"), row("熨烫工", openings="0")], encoding="gb18030")
    response = client.post("/office/postings/import", data={"file": (io.BytesIO(data), "岗位.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<td data-label" in html and ">3</td>" in html and "openings" in html
    assert count(db) == 1
    template = client.get("/office/postings/import/template.csv")
    assert template.mimetype == "text/csv" and "attachment" in template.headers["Content-Disposition"]
    wrong = client.post("/office/postings/import", data={"file": (io.BytesIO(b"a,b\n1,2\n"), "x.csv")},
                        content_type="multipart/form-data")
    assert wrong.status_code == 422


def test_an_upload_beyond_the_request_limit_gets_the_same_clear_message(client, login_as, app):
    login_as("office")
    # A small request limit keeps the test client's body in memory (larger ones go to a temporary file).
    app.config["MAX_CONTENT_LENGTH"] = 100 * 1024
    data = b"x" * (101 * 1024)
    response = client.post("/office/postings/import", data={"file": (io.BytesIO(data), "big.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 422 and "100 KB" in response.get_data(as_text=True)
