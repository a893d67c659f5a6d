"""A tablet pulls the residents it needs, not the county's, and the check-ins of its area's events of today
and later (ids only), so that two tablets at one stall agree on who is checked in."""
import uuid
from datetime import timedelta

from caravan.models import CheckIn, CheckInMethod
from caravan.models.base import utcnow
from caravan.services import residents
from tests.sync.conftest import statuses
from tests.sync.test_pull import pull_all


def _two_villages(build):
    township = build.area()
    return build.area("village", parent=township), build.area("village", parent=township)


def _checkin(db, event, person, when=None):
    """A check-in stored as the office's import or an older server would: through the ORM."""
    row = CheckIn(id=str(uuid.uuid4()), event=event, attendee=person, method=CheckInMethod.scan,
                  device_at=when or utcnow())
    db.session.add(row)
    db.session.commit()
    return row


def _people(changes):
    return {c["id"]: c["data"] for c in changes if c["type"] == "attendee" and c["data"] is not None}


def test_a_village_tablet_gets_its_villages_residents_not_the_countys(make_tablet, build):
    a, b = _two_villages(build)
    ours, theirs, nowhere = (build.attendee("Ours", village=a), build.attendee("Theirs", village=b),
                             build.attendee("No village"))
    people = _people(pull_all(make_tablet("A", area=a))[0])
    assert set(people) == {ours.id}
    assert {ours.id, theirs.id, nowhere.id} <= set(_people(pull_all(make_tablet("County"))[0]))
    assert set(_people(pull_all(make_tablet("B", area=b))[0])) == {theirs.id}


def test_a_resident_checked_in_at_an_event_of_the_area_is_received(make_tablet, build, db):
    a, b = _two_villages(build)
    event = build.event(area=a, starts_in_hours=-1)
    tablet = make_tablet("A", area=a)
    pushed = make_tablet("B", area=b).attendee("From B", village_id=b.id)
    at_a = build.attendee("Registered at B, seen at A", village=b)
    _checkin(db, event, at_a)
    # Pushed by A's tablet: registered in B's village, checked in at A's event in the same push.
    assert statuses(tablet.push([pushed, tablet.checkin(event.id, pushed["id"], "register")])) == ["accepted"] * 2
    people = _people(pull_all(tablet)[0])
    assert set(people) == {at_a.id, pushed["id"]}
    assert people[at_a.id]["name"] == "Registered at B, seen at A"
    assert "Registered at B, seen at A" not in str(pull_all(make_tablet("A2", area=build.area("village")))[0])


def test_a_resident_registered_two_years_ago_arrives_at_the_next_pull_after_a_checkin_today(make_tablet, build, db):
    a, b = _two_villages(build)
    long_ago = utcnow() - timedelta(days=730)
    old = build.attendee("Old friend", village=b, consent_at=long_ago, created_at=long_ago)
    event = build.event(area=a, starts_in_hours=-1)
    tablet = make_tablet("A", area=a)
    _, _, cursor = pull_all(tablet)
    assert old.id not in _people(pull_all(tablet)[0])
    assert statuses(tablet.push([tablet.checkin(event.id, old.id, "manual")])) == ["accepted"]
    body = tablet.pull(cursor=cursor).json
    people = _people(body["changes"])
    assert people[old.id]["registered_on"] == (long_ago + timedelta(hours=6)).date().isoformat()
    assert [c["data"] for c in body["changes"] if c["type"] == "checkin"] == [
        {"event_id": event.id, "attendee_id": old.id}]


def test_a_checkin_more_than_a_year_ago_does_not_make_a_resident_needed(make_tablet, build, db):
    a, b = _two_villages(build)
    last_year = build.event(area=a, starts_in_hours=-24 * 400)
    person = build.attendee("Came once, long ago", village=b)
    _checkin(db, last_year, person, when=utcnow() - timedelta(days=400))
    changes = pull_all(make_tablet("A", area=a))[0]
    assert person.id not in {c["id"] for c in changes}
    assert "Came once" not in str(changes)
    assert [c for c in changes if c["type"] == "checkin"] == []  # a past event's check-in is not carried


def test_checkins_of_todays_and_coming_events_of_the_area_only(make_tablet, build, db):
    a, b = _two_villages(build)
    today, coming = build.event(area=a, starts_in_hours=-1), build.event(area=a, starts_in_hours=48)
    over, elsewhere = build.event(area=a, starts_in_hours=-72), build.event(area=b, starts_in_hours=-1)
    person = build.attendee(village=a)
    made = {event.id: _checkin(db, event, person).id for event in (today, coming, over, elsewhere)}
    tablet = make_tablet("A", area=a)
    checkins = {c["id"]: c["data"] for c in pull_all(tablet)[0] if c["type"] == "checkin"}
    assert checkins == {made[today.id]: {"event_id": today.id, "attendee_id": person.id},
                        made[coming.id]: {"event_id": coming.id, "attendee_id": person.id}}


def test_an_edit_and_an_erasure_reach_the_tablets_that_needed_the_resident(make_tablet, build, db):
    a, b = _two_villages(build)
    event = build.event(area=a, starts_in_hours=-1)
    person = build.attendee("Visitor", village=b)
    _checkin(db, event, person)
    tablet, other = make_tablet("A", area=a), make_tablet("Other", area=build.area())
    _, _, cursor = pull_all(tablet)
    _, _, other_cursor = pull_all(other)
    person.name = "Visitor Renamed"
    db.session.commit()
    assert _people(tablet.pull(cursor=cursor).json["changes"])[person.id]["name"] == "Visitor Renamed"
    assert other.pull(cursor=other_cursor).json["changes"] == []  # not needed there: not sent
    residents.erase(person)
    db.session.commit()
    for device, since in ((tablet, cursor), (other, other_cursor)):
        later = device.pull(cursor=since).json["changes"]
        assert {"type": "attendee", "id": person.id, "data": None, "deleted": True} in later
