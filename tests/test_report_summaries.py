"""Half-year and annual summaries: the table's figures over the period (recomputed independently), last
year's beside them, the office's texts (limited, audited by section name only, kept as typed when refused),
the page, PDF and XLSX downloads and the CLI."""
from __future__ import annotations

import csv
import html
import io
import re
from datetime import date, datetime, timezone

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from flask import render_template
from flask_babel import force_locale

from caravan.i18n import paragraph_direction
from caravan.models import AuditEntry, ReportNarrative
from caravan.report_files import summary_bytes, text_paragraphs
from caravan.services import report_summaries
from caravan.services.report_summaries import MAX_CHARS, NarrativeError, period_dates, save_texts, summary
from caravan.services.reports import COLUMNS, KEYS, TOTAL, date_bounds
from tests.test_reports import ZONE, build_season, independent_row


def test_periods_are_local_half_and_whole_years():
    assert period_dates(2026, "half") == (date(2026, 1, 1), date(2026, 6, 30))
    assert period_dates(2026, "year") == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_annual_figures_agree_with_the_independent_recomputation_and_last_year(app, db, build):
    """The whole of 2026 (e5 of June and e4 of October come in) in raw SQL equals the summary's total; the
    2027 summary shows 2026 as last year; the half-year holds e5 only."""
    season = build_season(build, db)
    ids = [season[k].id for k in ("county", "a", "b", "a1", "b1")]
    found = summary(season["county"], 2026, "year")
    assert found.table.total.figures == independent_row(db, ids, *date_bounds(date(2026, 1, 1), date(2026, 12, 31),
                                                                              ZONE), True)
    assert found.last_year == dict.fromkeys(KEYS, 0)
    assert summary(season["county"], 2027, "year").last_year == found.table.total.figures
    half = summary(season["county"], 2026, "half").table.total.figures
    assert half["events"] == 1 and half["visits"] == 1


def test_texts_are_kept_limited_and_audited_by_section_name(app, db, build):
    season = build_season(build, db)
    user = build.user("office")
    county = season["county"]
    save_texts(county, 2026, "half", {"work_done": "  Twelve bazaar days.\r\nSecret: Aygül  ", "plans": "More"}, user)
    db.session.commit()
    kept = db.session.query(ReportNarrative).one()
    assert (kept.work_done, kept.problems, kept.plans) == ("Twelve bazaar days.\nSecret: Aygül", "", "More")
    entry = db.session.query(AuditEntry).filter_by(action="report.narrative").one()
    assert entry.detail["fields"] == ["work_done", "plans"] and "Aygül" not in str(entry.detail)
    with pytest.raises(NarrativeError) as refused:
        save_texts(county, 2026, "half", {"work_done": "x", "problems": "y" * (MAX_CHARS + 1)}, user)
    assert list(refused.value.errors) == ["problems"]
    db.session.rollback()
    assert db.session.query(ReportNarrative).one().work_done == "Twelve bazaar days.\nSecret: Aygül"
    save_texts(county, 2026, "half", {"work_done": "Twelve bazaar days.\nSecret: Aygül", "plans": "More"}, user)
    assert db.session.query(AuditEntry).filter_by(action="report.narrative").count() == 1  # nothing changed
    assert summary(county, 2026, "half").texts["plans"] == "More"
    assert summary(county, 2026, "year").texts["plans"] == ""  # per period


def test_page_saves_texts_keeps_them_when_refused_and_downloads(client, login_as, build, db):
    build_season(build, db)
    login_as("office")
    en = {"Accept-Language": "en"}
    page = client.get("/office/reports/summary?year=2026&period=year", headers=en)
    assert page.status_code == 200 and 'id="comparison"' in page.get_data(as_text=True)
    saved = client.post("/office/reports/summary?year=2026&period=year",
                        data={"work_done": "Bazaar days in every township.", "problems": "", "plans": "Two fairs."})
    assert saved.status_code == 303
    refused = client.post("/office/reports/summary?year=2026&period=year", headers=en,
                          data={"work_done": "Changed.", "problems": "p" * (MAX_CHARS + 1), "plans": ""})
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "At most 4000 characters" in body and "Changed." in body
    assert db.session.query(ReportNarrative).one().work_done == "Bazaar days in every township."
    pdf = client.get("/office/reports/summary.pdf?year=2026&period=year", headers={"Accept-Language": "ug"})
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    book = load_workbook(io.BytesIO(client.get("/office/reports/summary.xlsx?year=2026&period=year",
                                               headers=en).data))
    compare, table, texts = book.worksheets
    assert [c.value for c in compare[1]] == ["Figure", "2026", "2025", "Difference"]
    assert compare[2][1].value == 6 and compare[2][2].value == 0  # events of 2026 (all but the cancelled), of 2025
    assert [c.value for c in table[table.max_row]][0] == "Total"
    assert texts[2][1].value == "Bazaar days in every township."
    word = Document(io.BytesIO(client.get("/office/reports/summary.docx?year=2026&period=year",
                                          headers={"Accept-Language": "ug"}).data))
    assert word.paragraphs[0]._p.pPr.find(qn("w:bidi")) is not None  # right to left in Uyghur
    assert "Bazaar days in every township." in [p.text for p in word.paragraphs]
    compare_ug = word.tables[0]
    assert compare_ug.rows[1].cells[1].text == "6" and compare_ug.rows[1].cells[3].text == "+6"
    assert len(word.tables[1].columns) == 1 + len(KEYS)
    assert client.get("/office/reports/summary?year=2026&period=quarter").status_code == 404
    assert client.get("/office/reports/summary?year=1999").status_code == 404


def test_cli_writes_half_year_and_annual(app, db, build, tmp_path):
    build_season(build, db)
    runner = app.test_cli_runner()
    for command, name in (("half-year", "h.pdf"), ("annual", "a.xlsx"), ("annual", "a.pdf"), ("annual", "a.docx")):
        out = tmp_path / name
        result = runner.invoke(args=["report", command, "--year", "2026", "--lang", "ug", "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    bad = runner.invoke(args=["report", "annual", "--year", "2026", "-o", str(tmp_path / "a.doc")])
    assert bad.exit_code != 0


#: Figures whose lists hold tallies (a row per event, counting many) or sum the postings' openings: their
#: counts add up to the figure, the number of rows need not.
SUMMED = {"people", "visitors", "job_info", "training_info", "policy_advice", "openings"}


def test_every_summary_figure_opens_the_records_that_make_it(client, login_as, build, db, monkeypatch):
    """Both columns of the comparison (2027, and 2026 as last year; then 2026, and 2025) link to their
    records; each list, as exported, adds up to the figure and has that many rows (one per person, visit,
    event... when no tally is in it)."""
    season = build_season(build, db)
    monkeypatch.setattr("caravan.office.reports.utcnow", lambda: datetime(2027, 3, 1, tzinfo=timezone.utc))
    login_as("office")
    checked = 0
    for year in (2027, 2026):
        found = summary(season["county"], year, "year")
        page = client.get(f"/office/reports/summary?year={year}&period=year").get_data(as_text=True)
        comparison = page[page.index('id="comparison"'):page.index("</table>", page.index('id="comparison"'))]
        links = [html.unescape(href) for href in re.findall(r'href="([^"]+)"', comparison)]
        assert len(links) == 2 * len(KEYS)
        for href, (key, figure) in zip(links, [(key, column[key]) for key in KEYS
                                               for column in (found.table.total.figures, found.last_year)]):
            assert f"figure={key}" in href and f"area={season['county'].code}" in href
            assert client.get(href).status_code == 200
            export = client.get(href.replace("/records?", "/records.csv?"))
            rows = list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))[1:]
            assert sum(int(row[-1]) for row in rows) == figure, (year, href)
            if key not in SUMMED:
                assert len(rows) == figure, (year, href)
            checked += figure
    assert checked > 0 and found.table.total.figures["people"] > 0
    first = client.get("/office/reports/summary?year=2024&period=half").get_data(as_text=True)
    assert client.get(html.unescape(re.search(r'href="([^"]*from=2023-01-01[^"]*)"', first).group(1))).status_code == 200


MIXED = "يىل بويى 62 قېتىم بازار كۈنى ئۆتكۈزۈلدى.\n全年共举办集市日活动62场。\n\n2027-يىلى ھەر ئايدا.\n2026: 14 employers.\n— 62 —"


def test_paragraph_direction_follows_the_first_letter():
    assert [paragraph_direction(text) for text in ("全年62场", "يىل", "2027-يىلى", "2026: 14 fairs", "— 62 —")] == \
        ["ltr", "rtl", "rtl", "ltr", "ltr"]
    assert paragraph_direction("— 62 —", "rtl") == "rtl"
    assert text_paragraphs(MIXED, "rtl") == [("rtl", MIXED.split("\n")[0]), ("ltr", "全年共举办集市日活动62场。"),
                                            ("rtl", "2027-يىلى ھەر ئايدا."), ("ltr", "2026: 14 employers."),
                                            ("rtl", "— 62 —")]


def test_each_paragraph_of_the_texts_runs_its_own_way_in_pdf_and_word(app, db, build, monkeypatch):
    """A Chinese paragraph in the Uyghur summary runs left to right and a Uyghur one in the Chinese summary
    right to left, in the PDF (WeasyPrint ignores dir="auto", so the server sets it) and in Word."""
    season = build_season(build, db)
    save_texts(season["county"], 2026, "year", {"work_done": MIXED}, None)
    found = summary(season["county"], 2026, "year")

    def html(template, locale=None, **context):
        with force_locale(locale):
            return render_template(f"pdf/{template}", **context).encode()
    monkeypatch.setattr("caravan.report_files.render_pdf", html)
    with app.test_request_context():
        ug = summary_bytes(found, "pdf", "ug").decode()
        zh = summary_bytes(found, "pdf", "zh").decode()
    assert '<p dir="ltr">全年共举办集市日活动62场。</p>' in ug and '<p dir="rtl">2027-يىلى ھەر ئايدا.</p>' in ug
    assert '<p dir="rtl">2027-يىلى ھەر ئايدا.</p>' in zh and '<p dir="ltr">2026: 14 employers.</p>' in zh
    assert 'dir="auto"' not in ug
    for locale, expected in (("ug", [True, False, True, False, True]), ("zh", [True, False, True, False, False])):
        word = Document(io.BytesIO(summary_bytes(found, "docx", locale)))
        paragraphs = [p for p in word.paragraphs if p.text and p.text in MIXED.split("\n")]
        assert [p.text for p in paragraphs] == [line for line in MIXED.split("\n") if line]
        assert [p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in paragraphs] == expected


def test_the_pdf_charts_speak_the_language_asked_for(app, db, build, monkeypatch):
    """The CLI runs in the default language (Chinese): the charts of an English or Uyghur summary are titled
    in that language all the same."""
    season = build_season(build, db)
    found = summary(season["county"], 2026, "year")

    def html(template, locale=None, **context):
        with force_locale(locale):
            return render_template(f"pdf/{template}", **context).encode()
    monkeypatch.setattr("caravan.report_files.render_pdf", html)
    english = summary_bytes(found, "pdf", "en").decode()
    assert 'aria-label="people reached"' in english and 'aria-label="visits"' in english
    with force_locale("ug"):
        people = str(COLUMNS[[key for key, _h in COLUMNS].index("people")][1])
    assert f'aria-label="{people}"' in summary_bytes(found, "pdf", "ug").decode()


def test_uyghur_workbooks_run_right_to_left(client, login_as, build, db, tmp_path):
    """Every sheet of a Uyghur summary, quarterly or custom table (download or CLI) runs right to left, the
    first column at the right; a Chinese one does not."""
    build_season(build, db)
    login_as("office")
    ug, zh = {"Accept-Language": "ug"}, {"Accept-Language": "zh"}
    for url in ("/office/reports/summary.xlsx?year=2026&period=year", "/office/reports/quarterly.xlsx?year=2026&quarter=3",
                "/office/reports/custom.xlsx?from=2026-07-01&to=2026-09-30&by=kind",
                "/office/reports/records.xlsx?from=2026-07-01&to=2026-09-30&figure=visits"):
        uyghur = load_workbook(io.BytesIO(client.get(url, headers=ug).data))
        assert all(sheet.sheet_view.rightToLeft for sheet in uyghur.worksheets), url
        chinese = load_workbook(io.BytesIO(client.get(url, headers=zh).data))
        assert not any(sheet.sheet_view.rightToLeft for sheet in chinese.worksheets), url
    out = tmp_path / "custom.xlsx"
    result = client.application.test_cli_runner().invoke(args=[
        "report", "custom", "--from", "2026-07-01", "--to", "2026-09-30", "--lang", "ug", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load_workbook(out).active.sheet_view.rightToLeft
