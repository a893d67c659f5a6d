"""The quarterly statistics table: each figure over a season built to touch every column and edge, checked
against hand counts and against a recomputation in raw SQL written apart from the report code; the
drill-down lists add up to the figures; the page, the downloads and the CLI."""
from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import bindparam, select, text

from caravan.models import (Area, Attendee, AttendeeGroup, AuditEntry, CheckIn, CheckInMethod, Event, EventKind,
                            EventStatus, Interest, Posting, ReferralStatus, ReferralStep, ServiceGiven, ServiceKind, Tally, TallyKind)
from caravan.models.base import UTCDateTime
from caravan.models.event import event_postings
from caravan.services.report_records import all_records, records_page
from caravan.services.reports import KEYS, TOTAL, quarter_bounds, quarterly_table
from tests.builders import counting

ZONE = ZoneInfo("Asia/Urumqi")  # UTC+6, the test configuration's zone
YEAR, QUARTER = 2026, 3


def _id() -> str:
    return str(uuid.uuid4())


def local(*args) -> datetime:
    """A local wall-clock time in the county, as UTC."""
    return datetime(*args, tzinfo=ZONE).astimezone(timezone.utc)


def build_season(build, db) -> dict:
    """A county T with townships A and B (villages A1, B1) and the third quarter of 2026, built so that every
    column and every edge has something to count or to leave out:

    - e1 bazaar in A1 at 00:30 local on 1 July (18:30 UTC on 30 June: inside locally, outside in UTC);
      e2 job fair in A; e3 village visit in B1 at 23:30 local on 30 September; e7 campus visit in T itself;
    - left out: e4 in B1 at 00:10 local on 1 October (still September in UTC), e5 in A1 at 23:50 local on
      30 June, e6 cancelled in B1 (with a check-in);
    - residents r1, r2 (A1), r3 and its duplicate d3 merged into it (B1), r4 erased (B1), r5 without village;
    - tallies of each kind, one cancelled; services with and without a resident; postings shown at several
      events; interests at events and one from a phone; referral steps inside and outside the quarter.
    """
    county = build.county()
    a, b = build.area("township"), build.area("township")
    a1, b1 = build.area("village", parent=a), build.area("village", parent=b)

    def event(area, kind, start, status=EventStatus.planned):
        e = build.event(area=area, kind=kind, status=status)
        e.starts_at, e.ends_at = start, start + timedelta(hours=3)
        return e
    e1 = event(a1, EventKind.bazaar, local(2026, 7, 1, 0, 30))
    e2 = event(a, EventKind.job_fair, local(2026, 8, 15, 10))
    e3 = event(b1, EventKind.village, local(2026, 9, 30, 23, 30))
    e4 = event(b1, EventKind.bazaar, local(2026, 10, 1, 0, 10))
    e5 = event(a1, EventKind.bazaar, local(2026, 6, 30, 23, 50))
    e6 = event(b1, EventKind.bazaar, local(2026, 8, 1, 10), status=EventStatus.cancelled)
    e7 = event(county, EventKind.campus, local(2026, 9, 1, 10))
    r1 = build.attendee(village_id=a1.id, group=AttendeeGroup.rural_worker)
    r2 = build.attendee(village_id=a1.id, group=AttendeeGroup.graduate)
    r3 = build.attendee(village_id=b1.id, group=AttendeeGroup.other)
    d3 = build.attendee(village_id=b1.id, group=AttendeeGroup.other, merged_into_id=r3.id)
    r4 = build.attendee(village_id=b1.id, group=AttendeeGroup.rural_worker, erased_at=local(2026, 9, 2, 9))
    r5 = build.attendee(group=AttendeeGroup.graduate)

    def checkin(e, person, method=CheckInMethod.scan):
        db.session.add(CheckIn(id=_id(), event_id=e.id, attendee_id=person.id, method=method,
                               device_at=e.starts_at))
    reg = CheckInMethod.register
    for e, person, method in ((e1, r1, reg), (e1, r1, None), (e1, r2, None), (e1, d3, reg), (e1, r4, reg),
                              (e2, r1, None), (e2, r2, reg), (e2, r3, None), (e2, d3, None),
                              (e3, r3, reg), (e3, r5, None), (e4, r1, None), (e5, r2, None), (e6, r2, None),
                              (e7, r1, None)):
        checkin(e, person, method or CheckInMethod.scan)
    undone = Tally(id=_id(), event_id=e1.id, kind=TallyKind.visitor, count=3)
    db.session.add(undone)
    db.session.flush()
    db.session.add_all([
        Tally(id=_id(), event_id=e1.id, kind=TallyKind.visitor, count=10),
        Tally(id=_id(), event_id=e1.id, kind=TallyKind.visitor, count=-3, cancels_id=undone.id),
        Tally(id=_id(), event_id=e1.id, kind=TallyKind.job_info, count=2),
        Tally(id=_id(), event_id=e3.id, kind=TallyKind.visitor, count=4),
        Tally(id=_id(), event_id=e3.id, kind=TallyKind.policy_advice, count=1),
        Tally(id=_id(), event_id=e4.id, kind=TallyKind.visitor, count=50),
        Tally(id=_id(), event_id=e6.id, kind=TallyKind.training_info, count=9),
        ServiceGiven(id=_id(), event_id=e1.id, attendee_id=r1.id, kind=ServiceKind.job_info),
        ServiceGiven(id=_id(), event_id=e1.id, attendee_id=r2.id, kind=ServiceKind.training_info),
        ServiceGiven(id=_id(), event_id=e2.id, attendee_id=d3.id, kind=ServiceKind.policy_advice),
        ServiceGiven(id=_id(), event_id=e3.id, kind=ServiceKind.job_info),
        ServiceGiven(id=_id(), event_id=e5.id, kind=ServiceKind.job_info),
    ])
    e1_emp, e2_emp = build.employer(), build.employer()
    p1 = build.posting(employer=e1_emp, openings=5)
    p2 = build.posting(employer=e1_emp, openings=3)
    p3 = build.posting(employer=e2_emp, openings=10)
    p4 = build.posting(openings=40)  # shown only at e4, outside the quarter
    db.session.execute(event_postings.insert(), [
        {"event_id": e.id, "posting_id": p.id}
        for e, p in ((e1, p1), (e1, p2), (e2, p1), (e2, p3), (e3, p3), (e4, p2), (e4, p4), (e6, p4))])

    def interest(person, posting, e=None, status=ReferralStatus.interested):
        i = Interest(id=_id(), attendee_id=person.id, posting_id=posting.id, event_id=e.id if e else None,
                     status=status, device_at=e.starts_at if e else local(2026, 8, 3, 12))
        db.session.add(i)
        return i
    i_r1p1 = interest(r1, p1, e1, ReferralStatus.hired)
    i_d3p1 = interest(d3, p1, e1, ReferralStatus.referred)
    i_r3p1 = interest(r3, p1, e2, ReferralStatus.referred)
    i_r2p3 = interest(r2, p3, e2, ReferralStatus.referred)
    i_r1p3 = interest(r1, p3, None, ReferralStatus.referred)  # from the resident's phone
    i_r5p2 = interest(r5, p2, None, ReferralStatus.referred)
    interest(r4, p3, e4)
    db.session.flush()
    for i, status, at in ((i_r1p1, ReferralStatus.referred, local(2026, 7, 10, 9)),
                          (i_r1p1, ReferralStatus.hired, local(2026, 9, 30, 23, 59)),
                          (i_d3p1, ReferralStatus.referred, local(2026, 7, 11, 9)),
                          (i_r3p1, ReferralStatus.referred, local(2026, 8, 20, 9)),
                          (i_r2p3, ReferralStatus.referred, local(2026, 10, 1, 0, 30)),  # Q4 locally
                          (i_r1p3, ReferralStatus.referred, local(2026, 8, 4, 9)),
                          (i_r5p2, ReferralStatus.referred, local(2026, 8, 5, 9)),
                          (i_r5p2, ReferralStatus.referred, local(2026, 6, 30, 23))):  # Q2 locally
        db.session.add(ReferralStep(interest_id=i.id, status=status, at=at))
    db.session.commit()
    return {"county": county, "a": a, "b": b, "a1": a1, "b1": b1}


def _figures(**given) -> dict[str, int]:
    figures = dict.fromkeys(KEYS, 0)
    figures.update(given)
    return figures


#: The season's figures, counted by hand from build_season's docstring.
EXPECTED = {
    "a": _figures(events=2, bazaar=1, job_fair=1, people=4 + 10, visits=4 + 3, visitors=10, registrations=3,
                  rural_worker=2, graduate=1, job_info=1 + 2, training_info=1, policy_advice=1, employers=2,
                  postings=3, openings=18, interests=3, referred=2, hired=1),
    "b": _figures(events=1, people=2 + 4, visits=2, visitors=4, registrations=1, other=1, job_info=1,
                  policy_advice=1, employers=1, postings=1, openings=10, referred=1),
    "county": _figures(events=1, people=1, visits=1, referred=1),  # the campus visit; r5 has no village
    TOTAL: _figures(events=4, bazaar=1, job_fair=1, people=5 + 14, visits=10, visitors=14, registrations=4,
                    rural_worker=2, graduate=1, other=1, job_info=4, training_info=1, policy_advice=2,
                    employers=2, postings=3, openings=18, interests=3, referred=4, hired=1),
}


def _table(season):
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    return quarterly_table(season["county"], start, end)


def test_quarter_bounds_are_local_midnights():
    assert quarter_bounds(2026, 3, ZONE) == (datetime(2026, 6, 30, 18, tzinfo=timezone.utc),
                                            datetime(2026, 9, 30, 18, tzinfo=timezone.utc))
    assert quarter_bounds(2026, 4, ZONE)[1] == datetime(2026, 12, 31, 18, tzinfo=timezone.utc)
    with pytest.raises(ValueError):
        quarter_bounds(2026, 5, ZONE)


def test_each_figure_as_counted_by_hand(app, db, build):
    season = build_season(build, db)
    figures = _table(season).figures()
    assert figures == {season["a"].code: EXPECTED["a"], season["b"].code: EXPECTED["b"],
                       season["county"].code: EXPECTED["county"], TOTAL: EXPECTED[TOTAL]}


def test_the_table_takes_a_fixed_number_of_statements(app, db, build):
    season = build_season(build, db)
    for _more in range(3):  # more townships and villages add no statement
        build.area("village", parent=build.area("township"))
    db.session.expire_all()
    with counting(db.engine) as statements:
        _table(season)
    assert len(statements) <= 15, len(statements)  # 14, and the county itself reloaded after expire_all


# The recomputation: hand-written SQL, row by row over explicit lists of area ids (no recursive query, no
# CASE, no shared subquery), each figure its own statement with EXISTS and correlated subqueries.
HELD = ("SELECT e.id FROM events e WHERE e.status <> 'cancelled' AND e.starts_at >= :start "
        "AND e.starts_at < :end AND e.starts_at <= :now AND e.area_id IN :areas")
INDEPENDENT = {
    "events": f"SELECT COUNT(*) FROM ({HELD}) x",
    "bazaar": f"SELECT COUNT(*) FROM events WHERE kind = 'bazaar' AND id IN ({HELD})",
    "job_fair": f"SELECT COUNT(*) FROM events WHERE kind = 'job_fair' AND id IN ({HELD})",
    "visits": "SELECT COUNT(*) FROM (SELECT DISTINCT c.event_id, COALESCE(a.merged_into_id, a.id) AS p "
              f"FROM checkins c, attendees a WHERE a.id = c.attendee_id AND c.event_id IN ({HELD})) x",
    "residents": "SELECT COUNT(*) FROM attendees r WHERE r.merged_into_id IS NULL AND EXISTS ("
                 "SELECT 1 FROM checkins c, attendees a WHERE a.id = c.attendee_id AND "
                 f"COALESCE(a.merged_into_id, a.id) = r.id AND c.event_id IN ({HELD}))",
    "visitors": f"SELECT COALESCE(SUM(count), 0) FROM tallies WHERE kind = 'visitor' AND event_id IN ({HELD})",
    "group": "SELECT COUNT(*) FROM attendees r WHERE r.merged_into_id IS NULL AND r.grp_filter AND EXISTS ("
             f"SELECT 1 FROM checkins c WHERE c.attendee_id = r.id AND c.method = 'register' AND c.event_id IN ({HELD}))",
    "service": f"SELECT (SELECT COUNT(*) FROM services_given WHERE kind = :kind AND event_id IN ({HELD})) + "
               f"(SELECT COALESCE(SUM(count), 0) FROM tallies WHERE kind = :kind AND event_id IN ({HELD}))",
    "employers": "SELECT COUNT(*) FROM employers m WHERE EXISTS (SELECT 1 FROM postings p, event_postings ep "
                 f"WHERE p.employer_id = m.id AND ep.posting_id = p.id AND ep.event_id IN ({HELD}))",
    "postings": "SELECT COUNT(*) FROM postings p WHERE EXISTS (SELECT 1 FROM event_postings ep "
                f"WHERE ep.posting_id = p.id AND ep.event_id IN ({HELD}))",
    "openings": "SELECT COALESCE(SUM(p.openings), 0) FROM postings p WHERE EXISTS (SELECT 1 FROM event_postings ep "
                f"WHERE ep.posting_id = p.id AND ep.event_id IN ({HELD}))",
    "interests": "SELECT COUNT(*) FROM (SELECT DISTINCT COALESCE(a.merged_into_id, a.id) AS p, i.posting_id "
                 f"FROM interests i, attendees a WHERE a.id = i.attendee_id AND i.event_id IN ({HELD}) "
                 "AND i.posting_id IS NOT NULL) x",  # job interests only: training courses are not counted
    "steps": "SELECT COUNT(*) FROM (SELECT DISTINCT r.id, i.posting_id FROM referral_steps s, interests i, "
             "attendees a, attendees r WHERE i.id = s.interest_id AND a.id = i.attendee_id AND "
             "r.id = COALESCE(a.merged_into_id, a.id) AND s.status = :kind AND s.at >= :start AND s.at < :end "
             "AND village_filter) x",
}


def independent_row(db, areas: list[str], start, end, with_no_village: bool) -> dict[str, int]:
    """Every figure of one row, recomputed from raw SQL over the area ids ``areas``, as of now (an event that
    has not started yet is not held)."""
    now = datetime.now(timezone.utc)
    def run(name, sql=None, **params):
        sql = (sql or INDEPENDENT[name])
        held = {"now": now} if ":now" in sql else {}  # referral steps are not at events
        statement = text(sql).bindparams(bindparam("areas", expanding=True), bindparam("start", type_=UTCDateTime),
                                         bindparam("end", type_=UTCDateTime),
                                         *(bindparam(name, type_=UTCDateTime) for name in held))
        return int(db.session.execute(statement, {"areas": areas, "start": start, "end": end, **held,
                                                  **params}).scalar())
    out = {name: run(name) for name in ("events", "bazaar", "job_fair", "visits", "visitors", "employers",
                                        "postings", "openings", "interests")}
    out["people"] = run("residents") + out["visitors"]
    for group in ("rural_worker", "graduate", "other"):
        out[group] = run("group", INDEPENDENT["group"].replace("r.grp_filter", f"r.\"group\" = '{group}'"))
    out["registrations"] = out["rural_worker"] + out["graduate"] + out["other"]
    for kind in ("job_info", "training_info", "policy_advice"):
        out[kind] = run("service", kind=kind)
    village = "(r.village_id IN :areas OR r.village_id IS NULL)" if with_no_village else "r.village_id IN :areas"
    for status in ("referred", "hired"):
        out[status] = run("steps", INDEPENDENT["steps"].replace("village_filter", village), kind=status)
    return out


def test_independent_recomputation_agrees(app, db, build):
    """The whole table recomputed in raw SQL (rows over explicit id lists) equals the report, and both equal
    the hand counts."""
    season = build_season(build, db)
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    a, b, a1, b1, county = (season[k] for k in ("a", "b", "a1", "b1", "county"))
    rows = {a.code: ([a.id, a1.id], False), b.code: ([b.id, b1.id], False), county.code: ([county.id], True),
            TOTAL: ([county.id, a.id, b.id, a1.id, b1.id], True)}
    recomputed = {code: independent_row(db, ids, start, end, no_village) for code, (ids, no_village) in rows.items()}
    assert _table(season).figures() == recomputed
    assert recomputed[TOTAL] == EXPECTED[TOTAL]


def test_an_event_still_to_come_counts_nothing(app, db, build):
    """In the current quarter, an event that has not started yet is not held: it adds to no figure and to no
    drill-down, though it has check-ins (a tablet's rehearsal), tallies and postings; one under way counts.
    The independent recomputation agrees."""
    now = datetime.now(timezone.utc)
    today = now.astimezone(ZONE)
    start, end = quarter_bounds(today.year, (today.month - 1) // 3 + 1, ZONE)
    county = build.county()
    village = build.area("village", parent=build.area("township"))
    under_way = build.event(area=village, kind=EventKind.job_fair)
    under_way.starts_at = max(start, now - timedelta(hours=1))
    to_come = build.event(area=village, kind=EventKind.bazaar)
    to_come.starts_at = now + (end - now) / 2  # later today at the earliest, within the quarter
    person, other = build.attendee(village_id=village.id), build.attendee(village_id=village.id)
    posting = build.posting(openings=7)
    for event, who in ((under_way, person), (to_come, person), (to_come, other)):
        db.session.add(CheckIn(id=_id(), event_id=event.id, attendee_id=who.id, method=CheckInMethod.register,
                               device_at=now))
    db.session.add_all([Tally(id=_id(), event_id=to_come.id, kind=TallyKind.visitor, count=5),
                        ServiceGiven(id=_id(), event_id=to_come.id, kind=ServiceKind.job_info)])
    db.session.execute(event_postings.insert(), [{"event_id": to_come.id, "posting_id": posting.id}])
    db.session.commit()
    figures = quarterly_table(county, start, end).figures()[TOTAL]
    assert figures == _figures(events=1, job_fair=1, people=1, visits=1, registrations=1, rural_worker=1)
    areas = list(db.session.scalars(select(Area.id)))
    assert independent_row(db, areas, start, end, True) == figures
    for key in KEYS:
        assert records_page(key, county, start, end, "zh").total == figures[key], key
    assert [row.event for row in all_records("events", county, start, end, "zh")] == [under_way.code]


def add_course_interests(build, db) -> None:
    """Residents of the season interested in a training course at its events, each enrolled in the quarter
    and every other one through the course by its end."""
    held = list(db.session.scalars(select(Event).where(Event.status != EventStatus.cancelled)))
    course = build.notice()
    people = list(db.session.scalars(select(Attendee).where(Attendee.erased_at.is_(None))))
    for n, (person, event) in enumerate(zip(people, held * 3)):
        i = Interest(id=_id(), attendee_id=person.id, notice_id=course.id, event_id=event.id,
                     status=ReferralStatus.completed if n % 2 else ReferralStatus.enrolled, device_at=event.starts_at)
        db.session.add(i)
        db.session.flush()
        for status, day in ((ReferralStatus.enrolled, 2), (ReferralStatus.completed, 20)):
            db.session.add(ReferralStep(interest_id=i.id, status=status, at=local(2026, 8, day, 9)))
    db.session.commit()


def test_interests_in_training_courses_change_no_figure(app, db, build):
    """"interests / referred / hired" count job interests: residents interested in a training course at the
    quarter's events, enrolled and through it within the quarter, leave every figure (and every drill-down)
    as it was, and the independent recomputation agrees."""
    season = build_season(build, db)
    add_course_interests(build, db)
    figures = _table(season).figures()
    assert figures[TOTAL] == EXPECTED[TOTAL] and figures[season["a"].code] == EXPECTED["a"]
    assert figures[season["b"].code] == EXPECTED["b"]
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    county = season["county"]
    all_ids = [county.id] + [season[k].id for k in ("a", "b", "a1", "b1")]
    assert independent_row(db, all_ids, start, end, True) == EXPECTED[TOTAL]
    for key in ("interests", "referred", "hired"):
        assert records_page(key, county, start, end, "zh", per_page=1000).total == EXPECTED[TOTAL][key], key


def test_every_drill_down_adds_up_to_its_figure(app, db, build):
    """For each figure of each linked row: the counts of the list add up to it, and a list without tallies
    (or postings' openings) has exactly that many rows."""
    season = build_season(build, db)
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    table = _table(season)
    for row in [r for r in table.rows if r.area.id != season["county"].id] + [table.total]:
        area = row.area or season["county"]
        for key in KEYS:
            page = records_page(key, area, start, end, "zh", per_page=1000)
            rows = all_records(key, area, start, end, "zh")
            assert page.total == sum(r.n for r in rows) == row.figures[key], (area.code, key)
            if key != "openings" and not any(r.what in {kind.value for kind in TallyKind} for r in rows):
                assert page.rows == len(rows) == row.figures[key], (area.code, key)


def test_each_drill_down_row_shows_the_time_of_its_own_event(app, db, build):
    """A row standing for several records (a person at several events, a posting shown at several) shows the
    time and the code of one same event, the first: never the start of one event beside the code of
    another. The codes are given in the reverse order of the starts, so that a min() of each would pair them
    wrongly (r3 and its merged duplicate d3 are interested in p1 at two events: an interest row too)."""
    season = build_season(build, db)
    events = list(db.session.scalars(select(Event).order_by(Event.starts_at)))
    for n, event in enumerate(events):
        event.code = f"ZZ{len(events) - n:02d}"
    db.session.commit()
    starts = {event.code: event.starts_at for event in events}
    made = {tuple(row) for row in db.session.execute(select(Interest.device_at, Event.code, Posting.code)
                                                     .join(Event, Event.id == Interest.event_id)
                                                     .join(Posting, Posting.id == Interest.posting_id))}
    start, end = quarter_bounds(YEAR, QUARTER, ZONE)
    for key in KEYS:
        rows = all_records(key, season["county"], start, end, "zh")
        assert rows or key in ("referred", "hired"), key
        for row in rows:
            if key == "interests":
                assert (row.at, row.event, row.what) in made, row
            elif row.event:
                assert row.at == starts[row.event], (key, row)


def test_the_records_page_shows_the_sum_that_is_the_figure(client, login_as, build, db):
    """Where a figure is a sum (tallies, a posting's openings), the records page says what its rows add up
    to, next to their number, and that is the figure; where it is the number of rows, that number is it."""
    season = build_season(build, db)
    login_as("office")
    for key in KEYS:
        html = client.get(f"/office/reports/records?year={YEAR}&quarter={QUARTER}&figure={key}",
                          headers={"Accept-Language": "en"}).get_data(as_text=True)
        rows = len(all_records(key, season["county"], *quarter_bounds(YEAR, QUARTER, ZONE), "en"))
        assert f"{rows} record" in html, key
        if key in ("people", "visitors", "job_info", "training_info", "policy_advice", "openings"):
            assert f'<span id="records-sum">adding up to {EXPECTED[TOTAL][key]}</span>' in html, key
        else:
            assert rows == EXPECTED[TOTAL][key] and "records-sum" not in html, key
    html = client.get(f"/office/reports/records?year={YEAR}&quarter={QUARTER}&figure=openings",
                      headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert f"{EXPECTED[TOTAL]['openings']}</span>" in html and "adding up to" not in html


def test_page_links_every_figure_and_downloads(client, login_as, build, db):
    season = build_season(build, db)
    login_as("office")
    page = client.get(f"/office/reports/?year={YEAR}&quarter={QUARTER}").get_data(as_text=True)
    assert page.count("/office/reports/records?") == len(KEYS) * 3  # townships A and B, and the total
    records = client.get(f"/office/reports/records?year={YEAR}&quarter={QUARTER}&area={season['a'].code}"
                         "&figure=people")
    assert records.status_code == 200
    assert ">14<" in records.get_data(as_text=True).replace(": 14<", ">14<")
    export = client.get(f"/office/reports/records.csv?year={YEAR}&quarter={QUARTER}&figure=visits")
    assert len(list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))) == 1 + 10
    assert db.session.query(AuditEntry).filter_by(action="report.export").count() == 1
    book = load_workbook(io.BytesIO(client.get(f"/office/reports/quarterly.xlsx?year={YEAR}&quarter={QUARTER}").data))
    sheet = book.active
    assert [c.value for c in sheet[sheet.max_row]][1:] == [EXPECTED[TOTAL][k] for k in KEYS]
    pdf = client.get(f"/office/reports/quarterly.pdf?year={YEAR}&quarter={QUARTER}")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")


def test_a_year_out_of_range_is_said_in_the_page(client, login_as, build):
    login_as("office")
    response = client.get("/office/reports/?year=1999&quarter=2", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "Choose a year from" in response.get_data(as_text=True)


ENGLISH_HEADINGS = ["area", "events", "bazaar-day events", "job fairs", "people reached", "visits",
                    "anonymous visitors", "new registrations", "rural workers", "graduates", "other",
                    "job information", "training information", "policy advice", "employers taking part",
                    "postings shown", "openings offered", "interests", "referred", "hired"]


def test_cli_writes_three_formats(app, db, build, tmp_path):
    build_season(build, db)
    runner = app.test_cli_runner()
    for fmt, lang in (("csv", "en"), ("xlsx", "en"), ("pdf", "ug"), ("pdf", "zh")):
        out = tmp_path / f"q-{lang}.{fmt}"
        result = runner.invoke(args=["report", "quarterly", "--year", str(YEAR), "--quarter", str(QUARTER),
                                     "--lang", lang, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    sheet = load_workbook(tmp_path / "q-en.xlsx").active
    assert [c.value for c in sheet[1]] == ENGLISH_HEADINGS
    assert all(isinstance(c.value, int) for c in sheet[2][1:])
    rows = list(csv.reader(io.StringIO((tmp_path / "q-en.csv").read_text("utf-8-sig"))))
    assert rows[0] == ENGLISH_HEADINGS and rows[-1][1:] == [str(EXPECTED[TOTAL][k]) for k in KEYS]
    bad = runner.invoke(args=["report", "quarterly", "--year", "2026", "--quarter", "3", "-o", str(tmp_path / "q.txt")])
    assert bad.exit_code != 0 and ".pdf, .xlsx or .csv" in bad.output
    unknown = runner.invoke(args=["report", "quarterly", "--year", "2026", "--quarter", "3", "--area", "NOPE",
                                  "-o", str(tmp_path / "q.csv")])
    assert unknown.exit_code != 0 and "NOPE" in unknown.output


def test_submitting_keeps_the_figures_and_shows_what_changed_since(client, login_as, build, db):
    """A submitted table keeps its figures and their SHA-256; a check-in that syncs later shows up figure by
    figure (the township's row and the total), and the changed cells are marked."""
    from sqlalchemy import select

    from caravan.models import Event, SubmittedReport
    from caravan.services.report_submissions import digest
    season = build_season(build, db)
    login_as("office")
    url = f"/office/reports/?year={YEAR}&quarter={QUARTER}"
    assert "This table has not been submitted yet." in client.get(url, headers={"Accept-Language": "en"}).text
    response = client.post(f"/office/reports/submit?year={YEAR}&quarter={QUARTER}")
    assert response.status_code == 303
    report = db.session.scalar(select(SubmittedReport))
    assert report.figures == _table(season).figures() and report.digest == digest(report.figures)
    assert report.figures[TOTAL]["visits"] == 10
    assert db.session.query(AuditEntry).filter_by(action="report.submit").count() == 1
    page = client.get(url, headers={"Accept-Language": "en"}).text
    assert "No figure has changed since." in page
    # A tablet that synced late: a new person at the job fair in township A.
    job_fair = db.session.scalar(select(Event).where(Event.kind == EventKind.job_fair))
    late = build.attendee(village_id=season["a1"].id)
    db.session.add(CheckIn(id=_id(), event_id=job_fair.id, attendee_id=late.id, method=CheckInMethod.scan,
                           device_at=job_fair.starts_at))
    db.session.commit()
    page = client.get(url, headers={"Accept-Language": "en"}).text
    assert "4 figures have changed since they were submitted" in page
    changes = page[page.index('id="changes"'):]
    assert changes.count("<tr>") == 1 + 4  # people and visits, in township A and in the total
    assert "<td class=\"num\">14</td><td class=\"num\">15</td>" in changes
    assert page.count("num changed") == 4
    db.session.refresh(report)
    assert report.figures[TOTAL]["visits"] == 10  # the submission itself never changes


def test_a_quarter_that_has_not_begun_cannot_be_submitted(client, login_as, build, db):
    from caravan.models import SubmittedReport
    from caravan.models.base import utcnow
    build.county()
    login_as("office")
    next_year = utcnow().year + 1
    response = client.post(f"/office/reports/submit?year={next_year}&quarter=4", headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert "has not begun" in response.text
    assert db.session.query(SubmittedReport).count() == 0


def test_deadlines_next_three_and_the_late_quarter(app, db, build):
    from datetime import date

    from caravan.models import SubmittedReport
    from caravan.services.report_submissions import upcoming_deadlines
    county = build.county()
    due = upcoming_deadlines(county, date(2026, 12, 2))
    assert [(d.kind, d.year, d.period, d.due.isoformat(), d.submitted) for d in due] == [
        ("quarterly", 2026, 3, "2026-09-30", False),  # late: not submitted
        ("quarterly", 2026, 4, "2026-12-30", False),
        ("quarterly", 2027, 1, "2027-03-30", False),
        ("half_year", 2027, 1, "2027-06-30", None),
    ]
    db.session.add(SubmittedReport(area_id=county.id, kind="quarterly", year=2026, period=3, figures={},
                                   digest="0" * 64))
    db.session.commit()
    due = upcoming_deadlines(county, date(2026, 11, 15))
    assert [(d.kind, d.due.isoformat()) for d in due] == [
        ("annual", "2026-11-15"), ("quarterly", "2026-12-30"), ("quarterly", "2027-03-30")]


def test_the_dashboard_lists_the_reports_due(client, login_as, build):
    build.county()
    login_as("office")
    page = client.get("/office/", headers={"Accept-Language": "en"}).text
    assert 'id="deadlines"' in page and "Quarterly table" in page


#: The note under every table with people reached and visits (templates/_macros/report_table.html).
PEOPLE_NOTE = ("People reached can be more than visits: anonymous visitors count as people reached but not as "
               "visits. The total of people reached is not the sum of the rows: a person counted in several rows "
               "(two townships, say) is one person in the total.")


@pytest.mark.parametrize("lang", ["zh", "ug"])
def test_a_note_says_why_people_reached_exceed_visits_and_do_not_add_up(client, login_as, build, db, lang,
                                                                          tmp_path):
    """Township A has more people reached (14) than visits (7), and the total of people reached (19) is less
    than the sum of its rows (21): a note under the table says both are so by design, on the quarterly page,
    in its PDF, on the custom table (but by sector, which has no people) and in the summary's PDF."""
    from flask_babel import force_locale, gettext

    from tests.test_pdf import pdf_text
    build_season(build, db)
    table = EXPECTED
    assert table["a"]["people"] > table["a"]["visits"]
    assert sum(table[k]["people"] for k in ("a", "b", "county")) > table[TOTAL]["people"]
    with force_locale(lang):
        note = gettext(PEOPLE_NOTE)
    assert note != PEOPLE_NOTE
    login_as("office")
    headers = {"Accept-Language": lang}
    args = f"year={YEAR}&quarter={QUARTER}"
    assert note in client.get(f"/office/reports/?{args}", headers=headers).text
    custom = "/office/reports/custom?from=2026-07-01&to=2026-09-30"
    assert note in client.get(custom, headers=headers).text
    assert note in client.get(custom + "&by=group", headers=headers).text
    assert note not in client.get(custom + "&by=sector", headers=headers).text

    def words(text):
        return [w.strip(".:;،؛。：；（）()") for w in text.split()]
    for url in (f"/office/reports/quarterly.pdf?{args}", f"/office/reports/summary.pdf?year={YEAR}&period=year"):
        text = pdf_text(client.get(url, headers=headers).data, tmp_path)
        if lang == "zh":  # no spaces between Chinese words: the note whole, wherever the lines break
            assert "".join(note.split()) in "".join(text.split()), url
        else:  # right to left: each word, in whatever order pdftotext puts the lines; it reads the lam-alef
            # ligature back as alef-lam
            expected = set(words(note.replace("\u0644\u0627", "\u0627\u0644")))
            assert expected <= set(words(text)), (url, expected - set(words(text)))
