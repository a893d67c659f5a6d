"""Importing the employer register from CSV: preview, whole or nothing, updates instead of doubles."""
import codecs
import csv
import io

import pytest
from sqlalchemy import func, select

from caravan.models import AuditEntry, Employer, Sector
from caravan.services.catalogue import employer_import

HEADER = ["name_zh", "name_ug", "name_en", "sector", "area_code", "contact_name", "contact_phone"]


def csv_bytes(rows, header=HEADER, encoding="utf-8"):
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


@pytest.fixture
def areas(build, db):
    county = build.county()
    east = build.area("township", name_zh="东乡")
    west = build.area("township", name_zh="西乡")
    build.employer(name_zh="东乡轧花厂", area=east, contact_name="旧联系人", sector=Sector.other)
    build.employer(name_zh="西乡物流", area=west)
    db.session.commit()
    return {"county": county, "east": east, "west": west}


def employers(db):
    return {e.name_zh: e for e in db.session.scalars(select(Employer))}


def test_a_good_register_adds_and_updates_without_doubling(app, db, areas, build):
    user = build.user("office")
    e = areas["east"].code
    data = csv_bytes([["东乡轧花厂", "", "", "manufacturing", e, "王经理", "0997-1234567"],  # held: updated
                      ["东乡合作社", "", "Co-op", "agriculture", e, "", ""],
                      ["西乡物流", "", "", "", areas["west"].code, "", ""]])             # held, same: unchanged
    preview = employer_import.read_register(data, areas["county"])
    assert ([n for n, _v in preview.to_add], [n for n, *_r in preview.to_update], [n for n, _e in preview.unchanged]) \
        == ([3], [2], [4])
    assert preview.to_update[0][3] == ["sector", "contact_name", "contact_phone"]
    db.session.rollback()
    assert len(employers(db)) == 2 and employers(db)["东乡轧花厂"].contact_name == "旧联系人"
    plan = employer_import.import_register(data, areas["county"], by=user)
    db.session.commit()
    assert plan.saved and not plan.errors
    held = employers(db)
    assert sorted(held) == ["东乡合作社", "东乡轧花厂", "西乡物流"]
    assert (held["东乡轧花厂"].contact_name, held["东乡轧花厂"].sector) == ("王经理", Sector.manufacturing)
    assert held["东乡合作社"].area_id == areas["east"].id
    # The same file again changes nothing and adds nothing.
    again = employer_import.import_register(data, areas["county"], by=user)
    db.session.commit()
    assert (len(again.to_add), len(again.to_update), len(again.unchanged)) == (0, 0, 3)
    assert len(employers(db)) == 3
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "employer.import")) == 2


def test_one_bad_row_and_nothing_is_saved(app, db, areas):
    e = areas["east"].code
    data = csv_bytes([["东乡新厂", "", "", "", e, "", ""],
                      ["", "", "", "", e, "", ""],                         # row 3: no name
                      ["东乡二厂", "", "", "mining", "XX-9", "", "call"],  # row 4: sector, area, phone
                      ["东乡新厂", "", "", "", e, "", ""],                 # row 5: the name of row 2 again
                      ["西乡物流", "", "", "", e, "", ""],                 # row 6: held in another area
                      ["东乡三厂", "", "", "", e, "", "", "extra"]])       # row 7: a cell too many
    plan = employer_import.import_register(data, areas["county"])
    assert not plan.saved
    assert {(r.row, r.column) for r in plan.errors} == {
        (3, "name_zh"), (4, "sector"), (4, "area_code"), (4, "contact_phone"), (5, "name_zh"), (6, "name_zh"),
        (7, "")}
    db.session.rollback()
    assert sorted(employers(db)) == ["东乡轧花厂", "西乡物流"]


def test_a_township_clerk_imports_only_into_their_township(app, db, areas):
    plan = employer_import.import_register(csv_bytes([["西乡新厂", "", "", "", areas["west"].code, "", ""]]),
                                           areas["east"])
    assert [(r.row, r.column) for r in plan.errors] == [(2, "area_code")]


@pytest.mark.parametrize("data, words", [
    (b"", "空"), (b"name_zh,colour\r\nx,y\r\n", "colour"), (b"PK\x03\x04\x00\x00", "CSV"),
    (csv_bytes([["x", "y"]], header=["name_zh", "sector"]), "area_code")])
def test_file_problems(app, areas, data, words):
    plan = employer_import.read_register(data, areas["county"])
    assert plan.file_errors and words in " ".join(plan.file_errors)


def test_the_page_previews_then_imports_and_speaks_the_users_language(client, login_as, areas, db):
    login_as("office", area=areas["county"])
    page = client.get("/office/employers/import").get_data(as_text=True)
    assert ",".join(HEADER) in page  # the heading to copy
    template = client.get("/office/employers/import/template.csv").get_data()
    assert template.startswith(codecs.BOM_UTF8) and template.decode("utf-8-sig").startswith(",".join(HEADER))
    data = csv_bytes([["东乡新厂", "", "", "", areas["east"].code, "", ""]], encoding="gb18030")
    response = client.post("/office/employers/import", data={"file": (io.BytesIO(data), "r.csv"),
                                                             "action": "preview"})
    assert response.status_code == 200 and "东乡新厂" in response.get_data(as_text=True)
    assert "东乡新厂" not in employers(db)
    response = client.post("/office/employers/import", data={"file": (io.BytesIO(data), "r.csv"),
                                                             "action": "import"})
    assert response.status_code == 303
    assert "东乡新厂" in employers(db)
    client.get("/lang/ug")
    bad = csv_bytes([["", "", "", "", areas["east"].code, "", ""]])
    response = client.post("/office/employers/import", data={"file": (io.BytesIO(bad), "r.csv"), "action": "import"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Please fill this in." not in page and "<td data-label" in page
    assert client.post("/office/employers/import", data={"action": "import"}).status_code == 422
