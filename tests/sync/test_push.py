"""Pushing records: every status, repeated batches, and what the server keeps."""
from sqlalchemy import func, select

from caravan.models import (Attendee, CheckIn, Interest, PendingRecord, PendingStatus, ReferralStep,
                            ServiceGiven, SyncBatch, Tally)
from caravan.services.sync.receipt import digest
from tests.sync.conftest import statuses


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_market_day_batch_is_accepted_with_a_receipt(tablet, build, db):
    event, posting = build.event(), build.posting()
    person = tablet.attendee()
    records = [person, tablet.checkin(event.id, person["id"], "register"),
               tablet.service(event.id, attendee_id=person["id"], posting_id=posting.id),
               tablet.tally(event.id, count=3), tablet.interest(person["id"], posting.id, event.id)]
    response = tablet.push(records)
    assert statuses(response) == ["accepted"] * 5
    assert [r["id"] for r in response.json["results"]] == [r["id"] for r in records]
    assert response.json["receipt"] == {"device_records": 5, "digest": digest([r["id"] for r in records])}
    stored = db.session.get(Attendee, person["id"])
    assert stored.consent_channel == "tablet" and stored.device_id == tablet.device.id
    assert stored.device_seq == person["seq"] and stored.device_at.isoformat() == "2026-11-20T05:30:00+00:00"
    checkin = db.session.get(CheckIn, records[1]["id"])
    assert checkin.device_seq == records[1]["seq"] and checkin.device_at.isoformat() == "2026-11-20T05:30:00+00:00"
    interest = db.session.get(Interest, records[4]["id"])
    assert [s.status for s in interest.steps] == ["interested"]
    assert count(db, SyncBatch) == 1 and db.session.get(type(tablet.device), tablet.device.id).last_sync_at


def test_the_same_batch_twice_changes_nothing(tablet, build, db):
    event = build.event()
    person = tablet.attendee()
    records = [person, tablet.checkin(event.id, person["id"]), tablet.tally(event.id),
               tablet.record("nonsense", {}), tablet.checkin(event.id, "6f1c2a70-0000-4000-8000-000000000000")]
    first = statuses(tablet.push(records))
    assert first == ["accepted", "accepted", "accepted", "rejected", "held"]
    snapshot = [count(db, m) for m in (Attendee, CheckIn, Tally, PendingRecord, ReferralStep)]
    second = tablet.push(records)
    assert statuses(second) == ["duplicate", "duplicate", "duplicate", "rejected", "held"]
    assert [count(db, m) for m in (Attendee, CheckIn, Tally, PendingRecord, ReferralStep)] == snapshot
    assert second.json["receipt"]["device_records"] == 3


def test_same_id_different_content_is_a_conflict_kept_for_review(tablet, build, db):
    event = build.event()
    tally = tablet.tally(event.id, count=2)
    assert statuses(tablet.push([tally])) == ["accepted"]
    changed = {**tally, "data": {**tally["data"], "count": 5}}
    response = tablet.push([changed])
    assert response.json["results"][0] == {"id": tally["id"], "status": "conflict", "reason": "conflict:id"}
    assert db.session.get(Tally, tally["id"]).count == 2
    kept = db.session.scalar(select(PendingRecord))
    assert kept.status == PendingStatus.conflict and kept.payload["data"]["count"] == 5
    tablet.push([changed])
    assert count(db, PendingRecord) == 1


def test_a_bad_record_does_not_stop_the_good_ones(tablet, build, db):
    event = build.event()
    good, bad = tablet.tally(event.id), tablet.tally(event.id, count=0)
    response = tablet.push([bad, good])
    assert statuses(response) == ["rejected", "accepted"]
    assert response.json["results"][0]["reason"] == "out_of_range:count"
    kept = db.session.scalar(select(PendingRecord))
    assert kept.status == PendingStatus.rejected and kept.record_id == bad["id"]


def test_held_record_is_applied_when_its_parent_arrives_in_a_later_batch(make_tablet, build, db):
    event = build.event()
    first, second = make_tablet("A"), make_tablet("B")
    person = second.attendee()  # registered on tablet B, which has not synced yet
    checkin = first.checkin(event.id, person["id"])
    response = first.push([checkin])
    assert response.json["results"][0] == {"id": checkin["id"], "status": "held",
                                           "reason": "waiting_for:attendee_id"}
    assert response.json["receipt"]["device_records"] == 0
    assert statuses(second.push([person])) == ["accepted"]
    assert db.session.get(CheckIn, checkin["id"]).device_id == first.device.id
    held = db.session.scalar(select(PendingRecord))
    assert held.status == PendingStatus.held and held.resolved_at is not None
    again = first.push([checkin])
    assert statuses(again) == ["accepted"]
    assert again.json["receipt"] == {"device_records": 1, "digest": digest([checkin["id"]])}
    assert count(db, CheckIn) == 1


def test_parent_later_in_the_same_batch(tablet, build, db):
    event, posting = build.event(), build.posting()
    person = tablet.attendee()
    checkin, interest = tablet.checkin(event.id, person["id"]), tablet.interest(person["id"], posting.id)
    assert statuses(tablet.push([checkin, interest, person])) == ["accepted"] * 3
    assert count(db, PendingRecord) == 0 and count(db, CheckIn) == 1


def test_a_record_for_an_erased_attendee_is_rejected(tablet, build, db):
    from caravan.models.base import utcnow
    event = build.event()
    person = build.attendee(erased_at=utcnow())
    response = tablet.push([tablet.checkin(event.id, person.id)])
    assert response.json["results"][0]["reason"] == "attendee_erased:attendee_id"
    assert count(db, CheckIn) == 0 and count(db, PendingRecord) == 1


def test_repeated_checkins_of_one_person_are_each_kept(tablet, build, db):
    event = build.event()
    person = build.attendee()
    records = [tablet.checkin(event.id, person.id), tablet.checkin(event.id, person.id, "manual")]
    assert statuses(tablet.push(records)) == ["accepted", "accepted"]
    assert count(db, CheckIn) == 2


def test_a_service_without_an_attendee_and_with_a_notice_that_is_missing_is_held(tablet, build, db):
    event = build.event()
    record = tablet.service(event.id, "training_info", notice_id="0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f")
    assert statuses(tablet.push([record])) == ["held"]
    assert count(db, ServiceGiven) == 0


def test_a_rejected_record_that_passes_later_is_applied_and_its_problem_resolved(tablet, build, db):
    from caravan.models import Area, AreaLevel
    village_id = "5d1d6f4e-8a4b-4b0e-9a41-7b8e3c2d1f00"
    person = tablet.attendee(village_id=village_id)
    assert statuses(tablet.push([person])) == ["rejected"]
    db.session.add(Area(id=village_id, code="T-V1", level=AreaLevel.village, parent=build.county(), name_zh="村"))
    db.session.commit()
    assert statuses(tablet.push([person])) == ["accepted"]
    kept = db.session.scalar(select(PendingRecord))
    db.session.refresh(kept)
    assert kept.status == PendingStatus.rejected and kept.resolved_at is not None
    assert db.session.get(Attendee, person["id"]).village_id == village_id


def test_the_dashboard_counts_a_person_checked_in_twice_at_one_event_once(tablet, build):
    from caravan.services.stats import dashboard_counts
    event, other = build.event(), build.event()
    person = build.attendee()
    from tests.sync.conftest import now_iso
    records = [tablet.record("checkin", {"event_id": e.id, "attendee_id": person.id, "method": "scan"}, at=now_iso())
               for e in (event, event, other)]
    assert statuses(tablet.push(records)) == ["accepted"] * 3
    assert dashboard_counts(build.county())["checkins"] == 2


def test_the_dashboards_visitors_without_registration_count_visitor_taps_only(tablet, build):
    from caravan.services.stats import dashboard_counts
    event = build.event()
    # 19 visitor taps and 6 policy-advice taps: the second are services given, not visitors.
    records = [tablet.tally(event.id, count=19), tablet.tally(event.id, kind="policy_advice", count=6)]
    assert statuses(tablet.push(records)) == ["accepted"] * 2
    assert dashboard_counts(build.county())["visitors"] == 19


def test_a_record_held_for_an_event_is_applied_on_the_next_push_after_the_office_adds_it(make_tablet, build, db):
    from datetime import timedelta

    from caravan.models import Event, EventKind
    from caravan.models.base import utcnow
    tablet, other = make_tablet("A"), make_tablet("B")
    event_id = "3f0c9d8e-7b6a-4c5d-8e9f-0a1b2c3d4e5f"
    tally = tablet.tally(event_id, count=4)
    assert statuses(tablet.push([tally])) == ["held"]
    db.session.add(Event(id=event_id, code="EV0001", kind=EventKind.village, area=build.county(), place_zh="村",
                         starts_at=utcnow(), ends_at=utcnow() + timedelta(hours=3)))
    db.session.commit()
    assert statuses(other.push([])) == []  # any push retries what waits for a parent that has arrived
    assert db.session.get(Tally, tally["id"]).count == 4
    assert statuses(tablet.push([tally])) == ["accepted"]


def test_a_registration_comes_back_in_pulls_as_a_pass_hash(make_tablet):
    import hashlib
    tablet, other = make_tablet("A"), make_tablet("B")
    person = tablet.attendee(name="<b>Aygul</b>")
    tablet.push([person])
    changes = other.pull(limit=1000).json["changes"]
    entry = next(c for c in changes if c["id"] == person["id"])
    assert entry["data"] == {"name": "<b>Aygul</b>", "village_id": None, "group": "rural_worker",
                             "pass_hash": hashlib.sha256(person["data"]["pass_token"].encode()).hexdigest(),
                             "registered_on": "2026-11-20", "phone_tail": None}
