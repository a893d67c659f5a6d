"""A tally tap undone on the tablet after it was sent: a second tally cancels it (negative count and the
first one's id), the statistics sum both, and the rule (which counts are allowed) is the push's."""
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from caravan.models import PendingRecord, Tally
from caravan.services.stats import dashboard_counts
from tests.sync.conftest import statuses


def _cancel(tablet, tally, count=None):
    data = {**tally["data"], "count": -tally["data"]["count"] if count is None else count,
            "cancels_id": tally["id"]}
    return tablet.record("tally", data, at=datetime.now(timezone.utc).isoformat())


def test_a_cancelling_tally_takes_the_tap_out_of_the_statistics(tablet, build, db):
    event = build.event(area=tablet.device.area)
    recent = (datetime.now(timezone.utc) - timedelta(minutes=5)).isoformat()
    taps = [tablet.record("tally", {"event_id": event.id, "kind": "visitor", "count": 1}, at=recent)
            for _ in range(3)]
    assert statuses(tablet.push(taps)) == ["accepted"] * 3
    assert dashboard_counts(tablet.device.area)["visitors"] == 3
    cancel = _cancel(tablet, taps[1])
    assert statuses(tablet.push([cancel])) == ["accepted"]
    assert statuses(tablet.push([cancel])) == ["duplicate"]  # a resend is harmless
    db.session.expire_all()
    assert dashboard_counts(tablet.device.area)["visitors"] == 2
    row = db.session.get(Tally, cancel["id"])
    assert (row.count, row.cancels_id) == (-1, taps[1]["id"])


def test_a_cancel_and_its_tally_in_one_push_sum_to_nothing(tablet, build, db):
    event = build.event(area=tablet.device.area)
    tap = tablet.tally(event.id, count=2)
    assert statuses(tablet.push([tap, _cancel(tablet, tap)])) == ["accepted", "accepted"]
    db.session.expire_all()
    assert db.session.scalar(select(func.sum(Tally.count)).where(Tally.event_id == event.id)) == 0


def test_a_cancel_waits_for_the_tally_it_cancels(tablet, build, db):
    event = build.event(area=tablet.device.area)
    tap = tablet.tally(event.id)
    cancel = _cancel(tablet, tap)
    response = tablet.push([cancel])
    assert statuses(response) == ["held"] and response.json["results"][0]["reason"] == "waiting_for:cancels_id"
    assert statuses(tablet.push([tap])) == ["accepted"]
    db.session.expire_all()
    assert db.session.get(Tally, cancel["id"]) is not None
    assert db.session.scalar(select(func.sum(Tally.count)).where(Tally.event_id == event.id)) == 0
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)
                             .where(PendingRecord.resolved_at.is_(None))) == 0


def test_only_a_cancel_may_count_below_one(tablet, build):
    event = build.event(area=tablet.device.area)
    tap = tablet.tally(event.id)
    negative = tablet.record("tally", {"event_id": event.id, "kind": "visitor", "count": -1})
    positive_cancel = _cancel(tablet, tap, count=1)
    response = tablet.push([tap, negative, positive_cancel])
    assert statuses(response) == ["accepted", "rejected", "rejected"]
    assert [r.get("reason") for r in response.json["results"][1:]] == ["out_of_range:count"] * 2
