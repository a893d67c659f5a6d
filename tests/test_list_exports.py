"""The catalogue's list pages as CSV and XLSX: the list's filters, the user's language, safe cells."""
import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from caravan.models import AuditEntry, NoticeTranslation, PostingTranslation


def _csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def _xlsx_rows(response) -> list[list]:
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    return [list(row) for row in load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True)]


@pytest.fixture
def catalogue(build, login_as):
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    user = login_as("office", area=town)
    employer = build.employer(name_zh="棉花合作社", name_ug="پاختا كوپېراتىپى", name_en="Cotton Co-op", area=town,
                              contact_name="=HYPERLINK(\"https://example.org\")")
    sewing = build.posting(employer=employer, area=town, sector="manufacturing", wage_min=3000, wage_max=4500,
                           housing=True, translations=[PostingTranslation(lang="zh", title="缝纫工"),
                                                       PostingTranslation(lang="ug", title="تىككۈچى"),
                                                       PostingTranslation(lang="en", title="Sewing worker")])
    formula = build.posting(employer=employer, area=town, status="draft",
                            translations=[PostingTranslation(lang="zh", title="=1+2")])
    other = build.posting(title="别处的岗位", area=build.area("township"))
    return user, town, employer, sewing, formula, other


def test_postings_export_follows_the_filters_and_the_language(client, catalogue, db):
    user, town, employer, sewing, formula, other = catalogue
    rows = _csv_rows(client.get("/office/postings/export.csv?status=published&area=" + town.code,
                                headers={"Accept-Language": "en"}))
    assert rows[0][:3] == ["Code", "Title", "Employer"]
    assert [r[0] for r in rows[1:]] == [sewing.code]
    assert rows[1][1:5] == ["Sewing worker", "Cotton Co-op", "Manufacturing", "Aq Town"]
    zh = _csv_rows(client.get("/office/postings/export.csv?q=" + sewing.code, headers={"Accept-Language": "zh"}))
    assert zh[0][0] == "编号" and zh[1][1] == "缝纫工" and zh[1][2] == "棉花合作社"
    # Every posting of the user's area, none of another area; a formula stays text.
    everything = _csv_rows(client.get("/office/postings/export.csv"))
    assert {r[0] for r in everything[1:]} == {sewing.code, formula.code}
    assert ["'=1+2"] == [r[1] for r in everything[1:] if r[0] == formula.code]
    sheet = _xlsx_rows(client.get("/office/postings/export.xlsx?status=draft", headers={"Accept-Language": "ug"}))
    assert len(sheet) == 2 and sheet[1][0] == formula.code and sheet[1][1] == "'=1+2"
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "posting.export")).all()
    assert [(e.detail["format"], e.detail["rows"]) for e in entries] == [("csv", 1), ("csv", 1), ("csv", 2),
                                                                         ("xlsx", 1)]
    assert entries[0].detail["filters"] == ["area", "status"]


def test_employers_events_and_notices_export_what_their_lists_show(client, catalogue, build, db):
    user, town, employer, sewing, formula, other = catalogue
    build.event(area=town, place_zh="阿克镇巴扎", place_en="Aq bazaar", postings=[sewing])
    build.event(area=town, place_zh="上周巴扎", starts_in_hours=-200)
    build.notice(translations=[NoticeTranslation(lang="zh", title="缝纫技能培训"),
                               NoticeTranslation(lang="en", title="Sewing course")])
    en = {"Accept-Language": "en"}
    rows = _csv_rows(client.get("/office/employers/export.csv?q=Cotton", headers=en))
    assert [r[0] for r in rows[1:]] == ["Cotton Co-op"] and rows[1][4] == "'=HYPERLINK(\"https://example.org\")"
    upcoming = _csv_rows(client.get("/office/events/export.csv", headers=en))
    assert [r[3] for r in upcoming[1:]] == ["Aq bazaar"] and upcoming[1][6] == "1"
    past = _xlsx_rows(client.get("/office/events/export.xlsx?when=past", headers={"Accept-Language": "zh"}))
    assert [r[3] for r in past[1:]] == ["上周巴扎"]
    notices = _csv_rows(client.get("/office/notices/export.csv?q=缝纫", headers=en))
    assert [r[1] for r in notices[1:]] == ["Sewing course"]
    assert not _csv_rows(client.get("/office/notices/export.csv?q=nothing-like-it"))[1:]


def test_each_list_page_links_its_exports_with_its_filters(client, catalogue, build):
    user, town, employer, sewing, formula, other = catalogue
    build.notice()
    html = client.get("/office/postings/?status=draft", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'href="/office/postings/export.csv?q=&amp;status=draft' in html
    assert 'href="/office/postings/export.xlsx?q=&amp;status=draft' in html
    assert "/office/employers/export.csv" in client.get("/office/employers/").get_data(as_text=True)
    assert "/office/notices/export.xlsx" in client.get("/office/notices/").get_data(as_text=True)
    assert "/office/events/export.csv" not in client.get("/office/events/").get_data(as_text=True)  # none
