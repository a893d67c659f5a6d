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


def test_a_cancel_must_name_a_tally_of_the_same_event_kind_and_count(tablet, build, db):
    event, other = build.event(area=tablet.device.area), build.event(area=tablet.device.area)
    tap = tablet.tally(event.id, count=2)
    assert statuses(tablet.push([tap])) == ["accepted"]
    elsewhere = tablet.record("tally", {**tap["data"], "event_id": other.id, "count": -2, "cancels_id": tap["id"]})
    other_kind = tablet.record("tally", {**tap["data"], "kind": "job_info", "count": -2,
                                         "cancels_id": tap["id"]})
    too_many = _cancel(tablet, tap, count=-3)
    good = _cancel(tablet, tap)
    # The wrong ones are refused with a reason, each on its own; the rest of the batch is saved.
    response = tablet.push([elsewhere, other_kind, too_many, good])
    assert statuses(response) == ["rejected", "rejected", "rejected", "accepted"]
    assert [r.get("reason") for r in response.json["results"][:3]] == ["not_its_cancel:cancels_id"] * 3
    # A cancel is never cancelled in turn, in the same push as its tally or later.
    fresh = tablet.tally(event.id)
    first = _cancel(tablet, fresh)
    undo_the_undo = _cancel(tablet, first)
    undo_the_undo["data"]["count"] = -1  # the only count a cancel may carry
    assert statuses(tablet.push([fresh, first, undo_the_undo])) == ["accepted", "accepted", "rejected"]
    db.session.expire_all()
    assert db.session.scalar(select(func.sum(Tally.count)).where(Tally.event_id == event.id)) == 0
    assert db.session.scalar(select(func.coalesce(func.sum(Tally.count), 0)).where(Tally.event_id == other.id)) == 0
    kept = db.session.scalars(select(PendingRecord.reason).where(PendingRecord.status == "rejected")).all()
    assert sorted(kept) == ["not_its_cancel:cancels_id"] * 4


def test_a_held_cancel_is_checked_when_its_tally_arrives(tablet, build, db, app):
    event, other = build.event(area=tablet.device.area), build.event(area=tablet.device.area)
    tap = tablet.tally(event.id)
    wrong = tablet.record("tally", {**tap["data"], "event_id": other.id, "count": -1, "cancels_id": tap["id"]})
    assert statuses(tablet.push([wrong])) == ["held"]
    assert statuses(tablet.push([tap])) == ["accepted"]
    db.session.expire_all()
    row = db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == wrong["id"]))
    assert (row.status.value, row.reason) == ("rejected", "not_its_cancel:cancels_id")
    assert db.session.get(Tally, wrong["id"]) is None
    from caravan.services.sync.reasons import describe
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert "an undo must take back exactly the count it names" in describe(row.reason)


def test_a_tally_is_undone_once_only(tablet, build, db):
    event = build.event(area=tablet.device.area)
    tap = tablet.tally(event.id, count=2)
    first, second, third = _cancel(tablet, tap), _cancel(tablet, tap), _cancel(tablet, tap)
    response = tablet.push([tap, first, second])
    assert statuses(response) == ["accepted", "accepted", "rejected"]
    assert response.json["results"][2]["reason"] == "cancelled_already:cancels_id"
    assert statuses(tablet.push([first])) == ["duplicate"]  # a resend of the first is still harmless
    later = tablet.push([third])
    assert statuses(later) == ["rejected"] and later.json["results"][0]["reason"] == "cancelled_already:cancels_id"
    db.session.expire_all()
    assert db.session.scalar(select(func.sum(Tally.count)).where(Tally.event_id == event.id)) == 0
