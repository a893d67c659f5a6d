"""Query budgets of the main office pages: how many SQL statements one page view may run.

Counted with a ``before_cursor_execute`` listener on the engine, for a county user and a township user,
over the demo county plus tablets and their problem records. A page whose count grows with the number of
rows it shows (a query per row) fails here long before anyone notices it in production.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from caravan.demo.loader import load_demo
from caravan.models import (Area, Attendee, CheckIn, CheckInMethod, Device, Event, Interest, PendingRecord,
                            PendingStatus, Posting, ReferralStatus, ReferralStep, ServiceGiven, ServiceKind, User)
from caravan.models.base import new_uuid
from caravan.services import audit
from caravan.services.residents import add_interest
from tests.builders import counting
from tests.conftest import TEST_PASSWORD

#: Page -> most statements for one view of it (the user's own row and the session included).
BUDGETS = {
    "/office/": 13,  # the month against last, daily check-ins, silent tablets (and their rows), open interests
    "/office/postings/": 9,
    "/office/postings/new": 4,
    "/office/postings/{posting}/edit": 7,
    "/office/employers/": 6,
    "/office/events/": 7,
    "/office/events/new": 8,
    "/office/events/{event}/edit": 13,  # with the staff at the event: one union of counts
    # An event's results: counts, interests (and their postings' titles when there are any), staff, tablets,
    # arrivals by hour; the export adds its audit entry.
    "/office/events/{event}": 11,
    "/office/events/{event}/results.csv": 12,
    "/office/notices/": 4,
    "/office/audit": 7,
    "/office/tablets/": 6,
    "/office/tablets/problems": 6,  # with the staff members the records name, and what their reasons name
    "/office/admin/": 6,  # with the look-up of locked user names
    "/office/print/": 13,
    "/office/residents/": 6,  # the page and its count, villages, the area picker
    "/office/residents/new": 3,
    # check-ins, services, interests with their steps, the staff; the merges it kept, and its possible
    # duplicates (same phone, same name, similar names in its village)
    "/office/residents/{attendee}": 13,
    "/office/residents/{attendee}/edit": 4,
    # The count, the page, postings with texts and employers, villages, steps with their users, and the
    # filters' postings, training courses, employers and areas.
    "/office/referrals/": 15,
}



@pytest.fixture
def county(db, build):
    """The demo county, with tablets in two townships and a problem record from each."""
    load_demo(TEST_PASSWORD)
    db.session.commit()
    staff_id = db.session.scalar(select(User.id).order_by(User.id).limit(1))
    posting_id = db.session.scalar(select(Posting.id).order_by(Posting.code).limit(1))
    event_id = db.session.scalar(select(Event.id).order_by(Event.code).limit(1))
    for code in ("KT-01", "KT-02", "KT-01-02"):
        area = db.session.scalar(select(Area).where(Area.code == code))
        device = Device(name=f"Tablet {code}", area=area)
        db.session.add(device)
        db.session.flush()
        db.session.add(PendingRecord(device_id=device.id, record_id=f"r-{code}", record_type="checkin",
                                     status=PendingStatus.rejected, reason="too_long:name",
                                     payload={"by": str(staff_id)}))
        # Records whose reasons name a posting and an event: the page looks their titles up once.
        db.session.add(PendingRecord(device_id=device.id, record_id=f"p-{code}", record_type="interest",
                                     status=PendingStatus.rejected, reason="not_published:posting_id",
                                     payload={"by": str(staff_id), "data": {"posting_id": posting_id}}))
        db.session.add(PendingRecord(device_id=device.id, record_id=f"e-{code}", record_type="tally",
                                     status=PendingStatus.rejected, reason="outside_area:event_id",
                                     payload={"by": str(staff_id), "data": {"event_id": event_id}}))
    # Every resident interested in two postings: the referral queue shows rows of several villages.
    two = list(db.session.scalars(select(Posting).order_by(Posting.code).limit(2)))
    for attendee in db.session.scalars(select(Attendee)).all():
        for posting in two:
            interest, _added = add_interest(attendee, posting)
            interest.status = ReferralStatus.referred  # a step by a staff member: the page names them
            db.session.add(ReferralStep(interest_id=interest.id, status=ReferralStatus.referred, user_id=staff_id))
    db.session.commit()
    _history(db, staff_id, n=3)
    return {code: db.session.scalar(select(Area).where(Area.code == code)) for code in ("KT", "KT-01")}


def _resident(db) -> Attendee:
    """The first resident of a village of KT-01."""
    township = select(Area.id).where(Area.code.startswith("KT-01-"))
    return db.session.scalar(select(Attendee).where(Attendee.village_id.in_(township)).order_by(Attendee.name)
                             .limit(1))


def _history(db, staff_id: int, n: int) -> None:
    """``n`` check-ins, services and interests (each with a referral step) for :func:`_resident`, each at
    its own event, from its own tablet and posting."""
    person = _resident(db)
    events = db.session.scalars(select(Event).order_by(Event.code).limit(n)).all()
    postings = db.session.scalars(select(Posting).order_by(Posting.code).offset(
        len(db.session.scalars(select(Interest.id).where(Interest.attendee_id == person.id)).all())).limit(n)).all()
    area = db.session.scalar(select(Area).where(Area.code == "KT"))
    for event_row, posting in zip(events, postings):
        device = Device(name=f"Tablet {new_uuid()[:4]}", area=area)
        db.session.add(device)
        db.session.flush()
        interest = Interest(id=new_uuid(), attendee_id=person.id, posting_id=posting.id, device_id=device.id,
                            staff_id=staff_id)
        db.session.add_all([
            CheckIn(id=new_uuid(), event_id=event_row.id, attendee_id=person.id, method=CheckInMethod.scan,
                    device_id=device.id, staff_id=staff_id),
            ServiceGiven(id=new_uuid(), event_id=event_row.id, attendee_id=person.id, kind=ServiceKind.job_info,
                         device_id=device.id, staff_id=staff_id), interest])
        db.session.flush()
        db.session.add(ReferralStep(interest_id=interest.id, status=ReferralStatus.interested, user_id=staff_id))
    db.session.commit()


def _paths(db) -> dict[str, str]:
    """The pages with a posting and an event of a village of KT-01 filled in: the same rows for every user
    measured, none of them in the user's own area (whose row is loaded already)."""
    township = select(Area.id).where(Area.code.startswith("KT-01-"))
    posting = db.session.scalar(select(Posting).where(Posting.area_id.in_(township)).order_by(Posting.code).limit(1))
    event_row = db.session.scalar(select(Event).where(Event.area_id.in_(township)).order_by(Event.code).limit(1))
    return {page: page.format(posting=posting.id, event=event_row.id, attendee=_resident(db).id) for page in BUDGETS}


def measure(client, db, build, area: Area) -> dict[str, int]:
    """Statements per page for an administrator of ``area`` (who sees every office page)."""
    user = build.user("admin", area=area)
    response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    audit.record("posting.update", user=user)
    db.session.commit()
    counts = {}
    for page, path in _paths(db).items():
        client.get(path).close()  # a first view warms what is cached per process (translations, templates)
        with counting(db.engine) as statements:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[page] = len(statements)
    return counts


@pytest.mark.parametrize("code", ["KT", "KT-01"])
def test_office_pages_keep_their_query_budget(client, db, build, county, code):
    counts = measure(client, db, build, county[code])
    over = {page: (n, BUDGETS[page]) for page, n in counts.items() if n > BUDGETS[page]}
    assert not over, f"pages over their query budget (counted, budget): {over}"


def test_a_county_user_runs_no_more_statements_than_a_township_user(client, db, build, county):
    """Limiting a page to an area is part of its queries: a deeper tree costs no extra statement."""
    township = measure(client, db, build, county["KT-01"])
    client.post("/signout")
    whole = measure(client, db, build, county["KT"])
    assert {page: n for page, n in whole.items() if n > township[page]} == {}


def test_a_residents_record_page_does_not_grow_with_the_persons_history(client, db, build, county):
    """More check-ins, services and interests, from more tablets and staff: the same statements."""
    before = measure(client, db, build, county["KT"])
    _history(db, build.user("field").id, n=4)
    client.post("/signout")
    after = measure(client, db, build, county["KT"])
    assert after["/office/residents/{attendee}"] == before["/office/residents/{attendee}"]
