"""A merge of two registrations, and its undo, reach the tablets through the pull."""
from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import select

from caravan.models import CheckIn, CheckInMethod, Merge
from caravan.models.base import new_uuid, utcnow
from caravan.services import merges


def _pull_all(tablet, cursor=0):
    changes = []
    while True:
        body = tablet.pull(cursor=cursor).json
        changes += body["changes"]
        if not body["more"] or body["cursor"] == cursor:
            return {(c["type"], c["id"]): c for c in changes}, body["cursor"]
        cursor = body["cursor"]


def test_merge_and_undo_travel_through_the_pull(make_tablet, build, db):
    township = build.area("township")
    village = build.area("village", parent=township)
    event = build.event(area=township)
    kept = build.attendee(name="Aygul Memet", village=village, consent_at=utcnow() - timedelta(days=9))
    gone = build.attendee(name="Aygul  Memet", village=village)
    checkin = CheckIn(id=new_uuid(), event_id=event.id, attendee_id=gone.id, method=CheckInMethod.scan)
    db.session.add(checkin)
    db.session.commit()
    tablet = make_tablet(area=township)
    _, cursor = _pull_all(tablet)
    user = build.user("office")
    merges.merge(kept, gone, by=user)
    db.session.commit()
    changes, cursor = _pull_all(tablet, cursor)
    merged = changes[("attendee", gone.id)]
    assert merged == {"type": "attendee", "id": gone.id, "data": None, "deleted": True, "merged_into": kept.id,
                      "pass_hash": hashlib.sha256(gone.pass_token.encode()).hexdigest()}
    assert changes[("attendee", kept.id)]["data"]["name"] == "Aygul Memet"
    assert changes[("checkin", checkin.id)]["data"]["attendee_id"] == kept.id
    merges.undo(db.session.scalar(select(Merge)), by=user)
    db.session.commit()
    changes, _ = _pull_all(tablet, cursor)
    assert changes[("attendee", gone.id)]["data"]["name"] == "Aygul  Memet"
    assert "merged_into" not in changes[("attendee", gone.id)]
    assert changes[("checkin", checkin.id)]["data"]["attendee_id"] == gone.id
