"""One open interest per resident and posting, however it arrives: a phone, one tablet or two, one push
or several. A second one is answered ``duplicate`` (a success for the tablet) and stored nowhere twice."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from caravan.models import Interest, PendingRecord, ReferralStatus, ReferralStep
from caravan.models.base import new_uuid, utcnow
from caravan.services import residents
from caravan.services.sync.interests import OpenInterests
from caravan.services.sync.receipt import digest
from tests.sync.conftest import statuses


def count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def results(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [(r["status"], r.get("reason")) for r in response.json["results"]]


def test_two_ids_for_one_person_and_posting_in_one_batch_store_one_interest(tablet, build, db):
    event, posting = build.event(), build.posting()
    person = tablet.attendee()
    first, second = tablet.interest(person["id"], posting.id, event.id), tablet.interest(person["id"], posting.id)
    response = tablet.push([person, first, second])
    assert results(response) == [("accepted", None), ("accepted", None), ("duplicate", "same_interest:posting_id")]
    assert list(db.session.scalars(select(Interest.id))) == [first["id"]]
    assert count(db, ReferralStep) == 1
    # The tablet counts the duplicate as delivered: the receipt holds its id too, so "made 3, holds 3".
    ids = [person["id"], first["id"], second["id"]]
    assert response.json["receipt"] == {"device_records": 3, "digest": digest(ids)}
    # The same batch again changes nothing.
    again = tablet.push([person, first, second])
    assert statuses(again) == ["duplicate"] * 3
    assert count(db, Interest) == 1 and count(db, PendingRecord) == 1
    assert again.json["receipt"] == response.json["receipt"]


def test_a_second_id_in_a_later_batch_or_from_another_tablet_is_a_duplicate(tablet, make_tablet, build, db):
    posting = build.posting()
    person = build.attendee()
    assert statuses(tablet.push([tablet.interest(person.id, posting.id)])) == ["accepted"]
    later = tablet.interest(person.id, posting.id)
    assert statuses(tablet.push([later])) == ["duplicate"]
    other = make_tablet("Tablet 2")
    response = other.push([other.interest(person.id, posting.id)])
    assert results(response) == [("duplicate", "same_interest:posting_id")]
    assert response.json["receipt"]["device_records"] == 1
    assert count(db, Interest) == 1
    assert statuses(tablet.push([later])) == ["duplicate"]
    assert count(db, PendingRecord) == 2


def test_an_interest_said_on_the_phone_is_not_stored_again_from_a_tablet(tablet, build, db):
    posting, person = build.posting(), build.attendee()
    interest, added = residents.add_interest(person, posting)
    db.session.commit()
    assert added
    assert statuses(tablet.push([tablet.interest(person.id, posting.id)])) == ["duplicate"]
    assert list(db.session.scalars(select(Interest.id))) == [interest.id]


def test_after_a_withdrawal_a_new_interest_is_stored(tablet, build, db):
    posting, person = build.posting(), build.attendee()
    assert statuses(tablet.push([tablet.interest(person.id, posting.id)])) == ["accepted"]
    db.session.scalar(select(Interest)).status = ReferralStatus.withdrawn
    db.session.commit()
    assert statuses(tablet.push([tablet.interest(person.id, posting.id)])) == ["accepted"]
    assert count(db, Interest) == 2 and count(db, Interest, Interest.is_open()) == 1


def test_a_held_interest_whose_twin_arrived_first_is_settled_as_a_duplicate(tablet, make_tablet, build, db):
    posting = build.posting()
    other = make_tablet("Tablet 2")
    person = other.attendee()
    held = tablet.interest(person["id"], posting.id)
    assert statuses(tablet.push([held])) == ["held"]
    assert statuses(other.push([person, other.interest(person["id"], posting.id)])) == ["accepted", "accepted"]
    assert count(db, Interest) == 1
    response = tablet.push([held])
    assert statuses(response) == ["duplicate"]
    assert response.json["receipt"] == {"device_records": 1, "digest": digest([held["id"]])}
    assert count(db, PendingRecord, PendingRecord.resolved_at.is_(None)) == 0


def test_a_twin_stored_meanwhile_by_a_concurrent_push_is_a_duplicate(tablet, build, db, monkeypatch):
    posting, person = build.posting(), build.attendee()
    assert statuses(tablet.push([tablet.interest(person.id, posting.id)])) == ["accepted"]
    # As if another request stored it between this push's look-up and its insert: the database refuses
    # the insert, and the push still answers duplicate instead of losing the record.
    monkeypatch.setattr(OpenInterests, "load", lambda self, records: None)
    response = tablet.push([tablet.interest(person.id, posting.id), tablet.tally(build.event().id)])
    assert statuses(response) == ["duplicate", "accepted"]
    assert count(db, Interest) == 1


def test_the_database_refuses_a_second_open_interest(build, db):
    posting, person = build.posting(), build.attendee()

    def interest(status=ReferralStatus.interested):
        now = utcnow()
        return Interest(id=new_uuid(), attendee_id=person.id, posting_id=posting.id, status=status,
                        device_at=now, received_at=now)
    db.session.add_all([interest(ReferralStatus.withdrawn), interest(ReferralStatus.withdrawn), interest()])
    db.session.commit()
    db.session.add(interest(ReferralStatus.hired))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    assert count(db, Interest) == 3


def test_a_double_tap_on_the_phone_makes_one_interest(build, db, monkeypatch):
    posting, person = build.posting(), build.attendee()
    first, _added = residents.add_interest(person, posting)
    db.session.commit()
    # The second request looked before the first one's row was there: its insert must yield, not fail.
    real = residents.open_interest

    def stale_look(*args):
        monkeypatch.setattr(residents, "open_interest", real)  # only the first look is stale
        return None
    monkeypatch.setattr(residents, "open_interest", stale_look)
    again, added = residents.add_interest(person, posting)
    db.session.commit()
    assert (again.id, added) == (first.id, False)
    assert count(db, Interest) == 1 and count(db, ReferralStep) == 1
