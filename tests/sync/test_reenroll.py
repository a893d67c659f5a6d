"""Re-enrolling a revoked tablet: the office makes a code bound to the tablet's row; enrolling with it gives
the same row a new token and lifts the revocation, so the receipt counts every record the tablet made."""
import re

from sqlalchemy import func, select

from caravan.models import AuditEntry, Device
from caravan.services.sync.receipt import digest
from tests.sync.conftest import API, Tablet, statuses


def _code_from(page: str) -> str:
    return re.search(r'<p class="enroll-code" dir="ltr">([A-Z0-9-]+)</p>', page).group(1)


def test_a_revoked_tablet_re_enrolled_keeps_its_id_and_its_receipt_counts_all_its_records(
        client, login_as, make_tablet, build, db):
    tablet = make_tablet("Stall 1")
    event = build.event()
    people = [tablet.attendee(f"Resident {i}") for i in range(3)]
    made = people + [tablet.checkin(event.id, p["id"]) for p in people] + [tablet.tally(event.id, count=2)]
    assert set(statuses(tablet.push(made))) == {"accepted"}
    login_as("office")
    assert client.post(f"/office/tablets/{tablet.device.id}/revoke").status_code == 302
    assert tablet.push([]).status_code == 403
    page = client.get("/office/tablets/").get_data(as_text=True)
    assert f'action="/office/tablets/{tablet.device.id}/reenroll"' in page
    response = client.post(f"/office/tablets/{tablet.device.id}/reenroll")
    assert response.status_code == 200 and "Stall 1" in response.get_data(as_text=True)
    code = _code_from(response.get_data(as_text=True))

    enrolled = client.post(f"{API}/enroll", json={"code": code, "name": "Stall 1 again"})
    assert enrolled.status_code == 200
    assert enrolled.json["device_id"] == tablet.device.id  # the same row, not a new tablet
    again = Tablet(client, tablet.device, enrolled.json["token"])
    assert tablet.push([]).status_code == 401  # the old token no longer works
    answer = again.push([])
    assert answer.status_code == 200
    assert answer.json["receipt"] == {"device_records": len(made), "digest": digest([r["id"] for r in made])}
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Device)) == 1
    assert not db.session.get(Device, tablet.device.id).revoked
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "device.reenroll"))
    assert entry.device_id == entry.entity_id == tablet.device.id
    assert client.post(f"{API}/enroll", json={"code": code, "name": "x"}).status_code == 410  # once only


def test_an_active_tablet_needs_no_re_enrollment_and_other_areas_tablets_are_not_found(
        client, login_as, make_tablet, build, db):
    north, south = build.area(), build.area()
    mine, theirs = make_tablet("Mine", area=north), make_tablet("Theirs", area=south)
    login_as("office", area=north)
    assert client.post(f"/office/tablets/{mine.device.id}/reenroll").status_code == 303
    assert "reenroll" not in client.get("/office/tablets/").get_data(as_text=True)
    theirs.device.revoked_at = theirs.device.created_at
    db.session.commit()
    assert client.post(f"/office/tablets/{theirs.device.id}/reenroll").status_code == 404
