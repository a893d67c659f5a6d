"""The table over any period and its breakdowns by event kind, resident group and sector: the season of
tests/test_reports.py recomputed in raw SQL over a custom range and by kind, counted by hand by group and by
sector; the breakdowns' rows add up to the area's total for the additive figures; the page, the downloads
and the CLI."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone

import pytest
from flask_babel import force_locale
from openpyxl import load_workbook
from sqlalchemy import bindparam, text

from caravan.labels import EVENT_KINDS, GROUPS, SECTORS
from caravan.models.base import UTCDateTime
from caravan.models import Sector
from caravan.services.report_breakdowns import ADDITIVE, BREAKDOWNS, EMPTY, breakdown
from caravan.services.report_records import all_records, records_page
from caravan.services.reports import KEYS, TOTAL, date_bounds, quarter_bounds, quarterly_table
from tests import test_reports
from tests.test_reports import (EXPECTED, QUARTER, YEAR, ZONE, _figures, add_course_interests, build_season,
                                independent_row)


def _all_ids(season) -> list[str]:
    return [season[k].id for k in ("county", "a", "b", "a1", "b1")]


def test_a_quarter_is_one_case_of_a_date_range():
    assert quarter_bounds(2026, 3, ZONE) == date_bounds(date(2026, 7, 1), date(2026, 9, 30), ZONE)
    assert date_bounds(date(2026, 2, 28), date(2026, 2, 28), ZONE)[1] - date_bounds(
        date(2026, 2, 28), date(2026, 2, 28), ZONE)[0] == quarter_bounds(2026, 1, ZONE)[0] - quarter_bounds(
        2025, 4, ZONE)[1] + (date_bounds(date(2026, 3, 1), date(2026, 3, 1), ZONE)[1]
                             - date_bounds(date(2026, 3, 1), date(2026, 3, 1), ZONE)[0])


def test_independent_recomputation_over_a_custom_range(app, db, build):
    """30 June to 15 August (local): e5 at 23:50 on 30 June and e2 on 15 August come in, e3 and e7 stay out;
    the whole table recomputed in raw SQL equals the report, by area and in total."""
    season = build_season(build, db)
    start, end = date_bounds(date(2026, 6, 30), date(2026, 8, 15), ZONE)
    a, b, a1, b1, county = (season[k] for k in ("a", "b", "a1", "b1", "county"))
    rows = {a.code: ([a.id, a1.id], False), b.code: ([b.id, b1.id], False), county.code: ([county.id], True),
            TOTAL: (_all_ids(season), True)}
    recomputed = {code: independent_row(db, ids, start, end, no_village) for code, (ids, no_village) in rows.items()}
    table = quarterly_table(county, start, end)
    assert table.figures() == recomputed
    assert recomputed[TOTAL]["events"] == 3  # e5, e1, e2
    custom = breakdown(county, start, end, "area", "en")
    assert custom.total == recomputed[TOTAL]
    assert {row.key: row.figures for row in custom.rows} == {code: recomputed[code] for code in rows if code != TOTAL}


def test_independent_recomputation_by_event_kind(app, db, build, monkeypatch):
    """Each kind's row recomputed in raw SQL over the held events of that kind; referral steps are empty."""
    season = build_season(build, db)
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    table = breakdown(season["county"], start, end, "kind", "en")
    original = dict(test_reports.INDEPENDENT)
    for row in table.rows:
        monkeypatch.setattr(test_reports, "INDEPENDENT", {
            name: sql.replace("AND e.area_id IN :areas", f"AND e.area_id IN :areas AND e.kind = '{row.key}'")
            for name, sql in original.items()})
        expected = independent_row(db, _all_ids(season), start, end, True)
        expected.update(referred=None, hired=None)
        assert row.figures == expected, row.key
    assert table.total == EXPECTED[TOTAL]
    assert [row.figures["events"] for row in table.rows] == [1, 1, 1, 1]  # bazaar, village, campus, job fair


@pytest.mark.parametrize("courses", [False, True], ids=["", "with course interests"])
def test_by_group_as_counted_by_hand(app, db, build, courses):
    """The living record's group: d3's visits, interest and service count with r3 (other). Interests in training
    courses count in no column (interests / referred / hired are job interests). Services given to a resident
    count in their group (r1's job information, r2's training information, d3's policy advice); tallied ones
    and the one given at e3 without a resident in none, so the rows add up to less than the total."""
    season = build_season(build, db)
    if courses:
        add_course_interests(build, db)
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    table = breakdown(season["county"], start, end, "group", "en")
    empty = dict.fromkeys(EMPTY["group"])
    assert {row.key: row.figures for row in table.rows} == {
        "rural_worker": _figures(people=2, visits=4, registrations=2, rural_worker=2, job_info=1, interests=1,
                                 referred=2, hired=1) | empty,
        "graduate": _figures(people=2, visits=3, registrations=1, graduate=1, training_info=1, interests=1,
                             referred=1) | empty,
        "other": _figures(people=1, visits=3, registrations=1, other=1, policy_advice=1, interests=1,
                          referred=1) | empty,
    }
    assert table.footnote
    assert not ADDITIVE["group"] & {"job_info", "training_info", "policy_advice"}
    assert {kind: (sum(row.figures[kind] for row in table.rows), table.total[kind])
            for kind in ("job_info", "training_info", "policy_advice")} == \
        {"job_info": (1, 4), "training_info": (1, 1), "policy_advice": (1, 2)}


def test_by_group_services_recomputed_independently(app, db, build):
    """Each group's services given, recomputed in raw SQL: the services given at the held events to a
    resident whose living record is of the group (no tallies, no anonymous service)."""
    season = build_season(build, db)
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    table = breakdown(season["county"], start, end, "group", "en")
    sql = ("SELECT COUNT(*) FROM services_given s, attendees a, attendees r WHERE s.kind = :kind "
           "AND a.id = s.attendee_id AND r.id = COALESCE(a.merged_into_id, a.id) AND r.\"group\" = :grp "
           f"AND s.event_id IN ({test_reports.HELD})")
    statement = text(sql).bindparams(bindparam("areas", expanding=True), bindparam("start", type_=UTCDateTime),
                                     bindparam("end", type_=UTCDateTime), bindparam("now", type_=UTCDateTime))
    params = {"areas": _all_ids(season), "start": start, "end": end, "now": datetime.now(timezone.utc)}
    counted = 0
    for row in table.rows:
        for kind in ("job_info", "training_info", "policy_advice"):
            expected = db.session.execute(statement, params | {"kind": kind, "grp": row.key}).scalar()
            assert row.figures[kind] == expected, (row.key, kind)
            counted += expected
    assert counted == 3


def test_by_sector_as_counted_by_hand(app, db, build):
    season = build_season(build, db)
    from caravan.models import Posting
    for posting in db.session.query(Posting):
        posting.sector = Sector.construction if posting.openings in (10, 40) else Sector.agriculture
    db.session.commit()
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    table = breakdown(season["county"], start, end, "sector", "en")
    empty = dict.fromkeys(EMPTY["sector"])
    rows = {row.key: row.figures for row in table.rows}
    assert rows["agriculture"] == _figures(employers=1, postings=2, openings=8, interests=2, referred=3,
                                           hired=1) | empty
    assert rows["construction"] == _figures(employers=1, postings=1, openings=10, interests=1, referred=1) | empty
    assert rows["retail"] == _figures() | empty  # every sector has its row, counting or not


def test_every_breakdown_adds_up_to_the_total_for_additive_figures(app, db, build):
    season = build_season(build, db)
    for first, last in ((date(2026, 7, 1), date(2026, 9, 30)), (date(2026, 6, 30), date(2026, 8, 15))):
        start, end = date_bounds(first, last, ZONE)
        total = quarterly_table(season["county"], start, end).total.figures
        for by in BREAKDOWNS:
            table = breakdown(season["county"], start, end, by, "zh")
            assert table.total == total
            for key in ADDITIVE[by]:
                assert sum(row.figures[key] for row in table.rows) == total[key], (by, key, first)
            for key in EMPTY[by]:
                assert all(row.figures[key] is None for row in table.rows), (by, key)
    # By group, the people reached are the residents: the total less the anonymous visitors.
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    table = breakdown(season["county"], start, end, "group", "zh")
    assert sum(row.figures["people"] for row in table.rows) == table.total["people"] - table.total["visitors"]


def test_custom_page_links_figures_and_downloads_numbers(client, login_as, build, db):
    season = build_season(build, db)
    login_as("office")
    args = "from=2026-07-01&to=2026-09-30"
    page = client.get(f"/office/reports/custom?{args}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert page.count("/office/reports/records?") == len(KEYS) * 3  # townships A and B, and the total
    assert 'value="2026-07-01"' in page
    records = client.get(f"/office/reports/records?{args}&area={season['a'].code}&figure=visits")
    assert records.status_code == 200 and "2026-07-01 – 2026-09-30" in records.get_data(as_text=True)
    export = client.get(f"/office/reports/records.csv?{args}&figure=visits")
    assert len(list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))) == 1 + 10
    by_kind = client.get(f"/office/reports/custom?{args}&by=kind", headers={"Accept-Language": "en"})
    assert "no event kind" in by_kind.get_data(as_text=True)
    book = load_workbook(io.BytesIO(client.get(f"/office/reports/custom.xlsx?{args}&by=group",
                                               headers={"Accept-Language": "en"}).data))
    sheet = book.active
    assert [c.value for c in sheet[1]][:3] == ["resident group", "events", "bazaar-day events"]
    assert [c.value for c in sheet[sheet.max_row]][1:] == [EXPECTED[TOTAL][k] for k in KEYS]
    rural = [c.value for c in sheet[2]]
    assert rural[0] == "Rural worker" and rural[1] is None and rural[1 + KEYS.index("visits")] == 4


def test_custom_page_says_what_is_wrong_and_keeps_the_dates(client, login_as, build):
    login_as("office")
    en = {"Accept-Language": "en"}
    backwards = client.get("/office/reports/custom?from=2026-09-30&to=2026-07-01", headers=en)
    assert backwards.status_code == 400
    body = backwards.get_data(as_text=True)
    assert "The last day comes before the first." in body and 'value="2026-09-30"' in body
    nonsense = client.get("/office/reports/custom?from=2026-13-01&to=yesterday", headers=en)
    assert nonsense.status_code == 400 and 'value="yesterday"' in nonsense.get_data(as_text=True)
    assert client.get("/office/reports/custom?from=2014-01-01&to=2026-01-01", headers=en).status_code == 400
    assert client.get("/office/reports/custom?from=2026-01-01&to=2026-02-01&by=colour").status_code == 404
    assert client.get("/office/reports/custom.csv?from=2026-09-30&to=2026-07-01").status_code == 400
    assert client.get("/office/reports/custom").status_code == 302


def test_cli_writes_a_custom_breakdown(app, db, build, tmp_path):
    build_season(build, db)
    runner = app.test_cli_runner()
    out = tmp_path / "by-sector.csv"
    result = runner.invoke(args=["report", "custom", "--from", "2026-07-01", "--to", "2026-09-30", "--by", "sector",
                                 "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[0][0] == "sector" and rows[-1][0] == "Total" and len(rows) == 1 + len(Sector) + 1
    bad = runner.invoke(args=["report", "custom", "--from", "2026-09-30", "--to", "2026-07-01", "-o",
                              str(tmp_path / "x.csv")])
    assert bad.exit_code != 0 and "before" in bad.output


@pytest.mark.parametrize("by", ["kind", "group", "sector"])
def test_each_figure_of_a_row_opens_the_records_that_make_it(client, login_as, build, db, by):
    """By event kind, resident group or sector, every figure that is not empty links to the list of its row's
    records: the counts add up to the figure, and a list without tallies or openings has as many rows; the
    page links each; an empty figure or an unknown row has no list."""
    season = build_season(build, db)
    start, end = date_bounds(date(2026, 7, 1), date(2026, 9, 30), ZONE)
    table = breakdown(season["county"], start, end, by, "en")
    checked = 0
    for row in table.rows:
        for key in KEYS:
            if row.figures[key] is None:
                continue
            rows = all_records(key, season["county"], start, end, "en", by=by, key=row.key)
            page = records_page(key, season["county"], start, end, "en", per_page=1000, by=by, key=row.key)
            assert page.total == sum(r.n for r in rows) == row.figures[key], (row.key, key)
            # By group, people reached and services given have no tallies: one record per row.
            by_group = by == "group" and key in ("people", "job_info", "training_info", "policy_advice")
            if by_group or key not in ("people", "visitors", "job_info", "training_info", "policy_advice",
                                       "openings"):
                assert page.rows == len(rows) == row.figures[key], (row.key, key)
                assert all(r.n == 1 for r in rows) and not (by_group and page.summed), (row.key, key)
            checked += row.figures[key]
    assert checked > 0
    login_as("office")
    args = f"from=2026-07-01&to=2026-09-30&by={by}"
    page = client.get(f"/office/reports/custom?{args}").get_data(as_text=True)
    assert page.count("/office/reports/records?") == len(table.rows) * (len(KEYS) - len(EMPTY[by])) + len(KEYS)
    row = next(r for r in table.rows if r.figures["interests"])
    listed = client.get(f"/office/reports/records?{args}&row={row.key}&figure=interests",
                        headers={"Accept-Language": "en"})
    with force_locale("en"):
        label = str({"kind": EVENT_KINDS, "group": GROUPS, "sector": SECTORS}[by][row.key])
    assert listed.status_code == 200 and label in listed.get_data(as_text=True)
    assert f"by={by}" in listed.get_data(as_text=True).split('class="crumbs"')[1].split("</p>")[0]  # back to the rows
    export = client.get(f"/office/reports/records.csv?{args}&row={row.key}&figure=interests")
    assert len(list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))) == \
        1 + row.figures["interests"]
    empty = sorted(EMPTY[by])[0]
    assert client.get(f"/office/reports/records?{args}&row={row.key}&figure={empty}").status_code == 404
    assert client.get(f"/office/reports/records?{args}&row=circus&figure=interests").status_code == 404
    assert client.get(f"/office/reports/records?year=2026&quarter=3&row={row.key}&figure=interests").status_code \
        == 404
