"""A pull of a page and a push of a batch cost a fixed, small number of SQL statements, whatever their size.

Each test runs the same request on a small and on a large data set and counts the statements the database
receives; a query per row (an N+1) shows as a count that grows with the rows.
"""
from __future__ import annotations

from caravan.models import EventStatus
from tests.builders import counting
from tests.sync.conftest import statuses

#: Statements one pull may cost: the device, the tablet's areas, the page of changes, the entities of each
#: kind with their translations and links, the check-ins that make residents of other villages needed, the
#: device's sync time, and the transaction's own statements.
PULL_BUDGET = 16
#: Statements one push may cost: the device, what the batch refers to, the rows of each table, the pending
#: records, the open interests it may repeat, the tablet's reach, the staff members it names, the batch log,
#: the receipt, the feed's lock (PostgreSQL) and the transaction's own statements.
PUSH_BUDGET = 26



def _county_of(build, db, villages: int, people: int, postings: int):
    """Townships and villages, employers, postings with three translations, events showing them, notices
    and attendees: every kind the feed carries."""
    county = build.county()
    township = build.area()
    for _ in range(villages):
        build.area("village", parent=township)
    made = []
    for i in range(postings):
        posting = build.posting(f"岗位{i}")
        posting.translations[0].description = "描述"
        made.append(posting)
        notice = build.notice(f"培训{i}")
        event = build.event(area=township)
        event.postings.append(posting)
        event.notices.append(notice)
        if i % 3 == 0:
            event.status = EventStatus.cancelled
        db.session.commit()
    for i in range(people):
        build.attendee(f"居民{i}")
    return county


def _pull_count(make_tablet, db, limit=200):
    tablet = make_tablet()
    with counting(db.engine) as seen:
        body = tablet.pull(limit=limit).json
    return len(seen), body


def test_a_pull_costs_the_same_few_statements_for_a_small_and_a_full_page(make_tablet, build, db):
    _county_of(build, db, villages=1, people=1, postings=1)
    small, body = _pull_count(make_tablet, db)
    assert not body["more"] and len(body["changes"]) < 10
    _county_of(build, db, villages=30, people=60, postings=20)
    large, body = _pull_count(make_tablet, db)
    assert body["more"] and len(body["changes"]) > 100  # 200 changes; an entity changed twice comes once
    assert {c["type"] for c in body["changes"]} == {"area", "employer", "posting", "notice", "event", "attendee"}
    print(f"statements per pull: {small} (small page), {large} (full page)")
    assert large == small, (small, large)
    assert large <= PULL_BUDGET, large


def _batch(tablet, event_id, posting_id, people: int, staff=()):
    records = []
    for i in range(people):
        tablet.by = str(staff[i % len(staff)].id) if staff else None  # a team sharing the tablet
        person = tablet.attendee()
        records += [person, tablet.checkin(event_id, person["id"], "register"),
                    tablet.service(event_id, attendee_id=person["id"], posting_id=posting_id),
                    tablet.interest(person["id"], posting_id, event_id)]
    records.append(tablet.tally(event_id, count=3))
    return records


def test_a_push_costs_the_same_few_statements_for_a_small_and_a_large_batch(make_tablet, build, db):
    event, posting = build.event(), build.posting()
    tablet = make_tablet()
    staff = [build.user("field") for _ in range(3)]
    db.session.commit()
    counts = []
    for people in (1, 100):
        records = _batch(tablet, event.id, posting.id, people, staff)
        with counting(db.engine) as seen:
            assert set(statuses(tablet.push(records))) == {"accepted"}
        counts.append(len(seen))
    print(f"statements per push: {counts[0]} (5 records), {counts[1]} (401 records)")
    assert counts[0] == counts[1], counts
    assert counts[1] <= PUSH_BUDGET, counts


def test_a_pull_of_visitors_and_checkins_costs_the_same_few_statements(make_tablet, build, db):
    """A village tablet's page with check-ins at its events and residents of other villages (whom it needs
    because they came): two kinds more, and one look-up of who came, whatever the page's size."""
    township = build.area()
    home, away = build.area("village", parent=township), build.area("village", parent=township)
    counts = []
    for people in (1, 60):
        event = build.event(area=home, starts_in_hours=-1)
        tablet = make_tablet(area=home)
        visitors = [tablet.attendee(f"Visitor {i}", village_id=away.id) for i in range(people)]
        assert set(statuses(tablet.push(visitors + [tablet.checkin(event.id, v["id"]) for v in visitors]))) == {
            "accepted"}
        with counting(db.engine) as seen:
            body = make_tablet(area=home).pull().json
        assert sum(c["type"] == "checkin" for c in body["changes"]) >= people
        counts.append(len(seen))
    print(f"statements per pull with visitors: {counts}")
    assert counts[0] == counts[1], counts
    assert counts[1] <= PULL_BUDGET, counts
