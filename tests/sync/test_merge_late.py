"""Records a tablet made for a registration before it learnt that the office merged it: they go to the kept
registration, are listed in the merge, and an undo moves them back."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from caravan.models import CheckIn, Interest, Merge, ReferralStatus, ServiceGiven
from caravan.models.base import utcnow
from caravan.services import merges
from tests.sync.conftest import statuses


@pytest.fixture
def merged(build, db):
    """Two registrations of one person, the younger merged into the older; a posting and an event."""
    county = build.county()
    village = build.area("village", parent=county)
    kept = build.attendee(name="Aygul Memet", village=village, consent_at=utcnow() - timedelta(days=9))
    gone = build.attendee(name="Aygul  Memet", village=village)
    event, posting = build.event(area=county), build.posting()
    db.session.commit()
    user = build.user("office")
    merges.merge(kept, gone, by=user)
    db.session.commit()
    return {"kept": kept, "gone": gone, "event": event, "posting": posting, "user": user}


def test_late_records_go_to_the_kept_registration_and_an_undo_takes_them_back(tablet, merged, db):
    kept, gone, event, posting = merged["kept"], merged["gone"], merged["event"], merged["posting"]
    batch = [tablet.checkin(event.id, gone.id), tablet.service(event.id, attendee_id=gone.id),
             tablet.interest(gone.id, posting.id, event.id)]
    assert statuses(tablet.push(batch)) == ["accepted"] * 3
    ids = [r["id"] for r in batch]
    rows = [db.session.get(model, row_id) for model, row_id in zip((CheckIn, ServiceGiven, Interest), ids)]
    assert [row.attendee_id for row in rows] == [kept.id] * 3
    merge = db.session.scalar(select(Merge))
    assert (merge.moved["checkins"], merge.moved["services"], merge.moved["interests"]) == tuple([i] for i in ids)
    # The tablet did not hear the answer and sends the same records again: the same, not a conflict.
    assert statuses(tablet.push(batch)) == ["duplicate"] * 3
    merges.undo(merge, by=merged["user"])
    db.session.commit()
    db.session.expire_all()
    assert [db.session.get(model, row_id).attendee_id
            for model, row_id in zip((CheckIn, ServiceGiven, Interest), ids)] == [gone.id] * 3


def test_a_late_interest_the_kept_person_already_has_is_one_interest(tablet, merged, db, build):
    kept, gone, posting = merged["kept"], merged["gone"], merged["posting"]
    first = tablet.interest(kept.id, posting.id)
    assert statuses(tablet.push([first])) == ["accepted"]
    late = tablet.interest(gone.id, posting.id)
    assert statuses(tablet.push([late])) == ["duplicate"]
    open_ = db.session.scalars(select(Interest).where(Interest.posting_id == posting.id,
                                                      Interest.status != ReferralStatus.withdrawn)).all()
    assert [(i.id, i.attendee_id) for i in open_] == [(first["id"], kept.id)]


def test_a_chain_of_merges_is_followed_to_the_living_registration(tablet, merged, db, build):
    kept, gone, event = merged["kept"], merged["gone"], merged["event"]
    oldest = build.attendee(name="Aygul Memet", village=kept.village, consent_at=utcnow() - timedelta(days=30))
    db.session.commit()
    second = merges.merge(oldest, kept, by=merged["user"])
    db.session.commit()
    record = tablet.checkin(event.id, gone.id)
    assert statuses(tablet.push([record])) == ["accepted"]
    assert db.session.get(CheckIn, record["id"]).attendee_id == oldest.id
    first = db.session.scalar(select(Merge).where(Merge.merged_id == gone.id))
    assert record["id"] in first.moved["checkins"] and record["id"] in second.moved["checkins"]
    # Undone in turn, newest first, the check-in is back where the tablet put it.
    merges.undo(second, by=merged["user"])
    merges.undo(first, by=merged["user"])
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(CheckIn, record["id"]).attendee_id == gone.id
