"""Job fairs through sync: the fair's employers reach the tablet with the event, and a tablet's record of an
employer's arrival sets the arrival once (the first time counts), idempotent like every record."""
from datetime import datetime, timedelta, timezone

from caravan.models import AuditEntry, EventKind, FairArrival, FairParticipant, PendingRecord
from caravan.services import fairs
from tests.sync.conftest import statuses


def _fair(build, db, area=None):
    fair = build.event(kind=EventKind.job_fair, area=area, place_zh="招聘会")
    mill, shop = build.employer(name_zh="纺纱厂"), build.employer(name_zh="超市")
    fairs.add(fair, fairs.clean({"employer": mill.id, "status": "confirmed", "booth": "A2"}, fair))
    fairs.add(fair, fairs.clean({"employer": shop.id, "status": "confirmed", "booth": "A10", "zone": "graduate"},
                                fair))
    db.session.commit()
    return fair, mill, shop


def _arrival(tablet, fair, employer, at):
    return tablet.record("fair_arrival", {"event_id": fair.id, "employer_id": employer.id}, at=at)


def test_the_fair_reaches_the_tablet_with_its_event_and_follows_changes(tablet, build, db):
    fair, mill, shop = _fair(build, db)
    body = tablet.pull(cursor=0).json
    event = next(c for c in body["changes"] if c["type"] == "event" and c["id"] == fair.id)
    assert [(p["employer_id"], p["booth"], p["zone"]) for p in event["data"]["fair"]] == [
        (mill.id, "A2", None), (shop.id, "A10", "graduate")]
    # A booth changed at the office: the event comes again, with the new booth.
    row = fairs.participants(fair)[0]
    fairs.update(row, fairs.clean({"status": "confirmed", "booth": "B1"}, fair, current=row))
    db.session.commit()
    again = [c for c in tablet.pull(cursor=body["cursor"]).json["changes"] if c["id"] == fair.id]
    assert [[p["booth"] for p in c["data"]["fair"]] for c in again] == [["B1", "A10"]]  # main hall first
    # Another kind of event carries no fair.
    bazaar = build.event()
    db.session.commit()
    assert "fair" not in next(c for c in tablet.pull(cursor=0).json["changes"] if c["id"] == bazaar.id)["data"]


def test_an_arrival_counts_once_the_first_time_and_a_resend_is_a_duplicate(tablet, make_tablet, build, db):
    fair, mill, shop = _fair(build, db)
    first = _arrival(tablet, fair, mill, "2026-11-20T04:10:00Z")
    assert statuses(tablet.push([first])) == ["accepted"]
    assert statuses(tablet.push([first])) == ["duplicate"]
    later = _arrival(make_tablet("Tablet 2"), fair, mill, "2026-11-20T05:00:00Z")
    assert statuses(make_tablet("Tablet 3").push([later])) == ["accepted"]
    db.session.expire_all()
    row = db.session.scalar(db.select(FairParticipant).where(FairParticipant.employer_id == mill.id))
    assert row.arrived_at == datetime(2026, 11, 20, 4, 10, tzinfo=timezone.utc)
    assert db.session.scalar(db.select(db.func.count()).select_from(FairArrival)) == 2
    # The receipt counts the arrival among the tablet's records.
    assert tablet.push([first]).json["receipt"]["device_records"] == 1
    # An arrival is the tablet's record, not an office action: nothing in the audit log.
    assert not db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "fair.arrive"))


def test_an_arrival_of_an_employer_not_at_the_fair_is_refused_and_kept(tablet, build, db):
    fair, _mill, _shop = _fair(build, db)
    stranger = build.employer(name_zh="别家")
    response = tablet.push([_arrival(tablet, fair, stranger, "2026-11-20T04:10:00Z")])
    assert response.json["results"][0]["status"] == "rejected"
    assert response.json["results"][0]["reason"] == "not_at_fair:employer_id"
    assert db.session.scalar(db.select(PendingRecord.reason)) == "not_at_fair:employer_id"


def test_an_arrival_at_a_fair_outside_the_tablets_area_is_refused(make_tablet, build, db):
    own, other = build.area("township"), build.area("township")
    fair, mill, _shop = _fair(build, db, area=other)
    tablet = make_tablet(area=own)
    response = tablet.push([_arrival(tablet, fair, mill, "2026-11-20T04:10:00Z")])
    assert response.json["results"][0]["reason"] == "outside_area:event_id"


def test_the_office_arrival_is_kept_when_a_tablet_reports_a_later_one(tablet, build, db):
    fair, mill, _shop = _fair(build, db)
    row = fairs.participants(fair)[0]
    early = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
    fairs.mark_arrived(row, at=early)
    db.session.commit()
    assert statuses(tablet.push([_arrival(tablet, fair, mill, (early + timedelta(hours=1)).isoformat())])) == [
        "accepted"]
    db.session.expire_all()
    assert db.session.get(FairParticipant, row.id).arrived_at == early
