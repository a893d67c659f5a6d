"""A tablet the office knows, enrolled again with an ordinary code (not a re-enrollment code): it sends the
token it held (revoked or not), and stays the same device row, with its id, its records and its receipt,
when the code is for its own area. Without its old token, or with a code for another area, it is a new
tablet, as before."""
import re

from sqlalchemy import func, select

from caravan.models import AuditEntry, Device
from caravan.services.sync.receipt import digest
from tests.sync.conftest import API, Tablet, statuses


def ordinary_code(client, area) -> str:
    page = client.post("/office/tablets/codes", data={"area": area.id}).get_data(as_text=True)
    return re.search(r'<p class="enroll-code" dir="ltr">([A-Z0-9-]+)</p>', page).group(1)


def devices(db):
    return db.session.scalar(select(func.count()).select_from(Device))


def test_a_known_tablet_enrolled_with_an_ordinary_code_keeps_its_row(client, login_as, make_tablet, build, db):
    area = build.area()
    tablet = make_tablet("Stall 1", area=area)
    event = build.event(area=area)
    made = [tablet.tally(event.id), tablet.tally(event.id, count=2)]
    assert statuses(tablet.push(made)) == ["accepted", "accepted"]
    login_as("office", area=area)
    assert client.post(f"/office/tablets/{tablet.device.id}/revoke").status_code == 302
    code = ordinary_code(client, area)

    enrolled = client.post(f"{API}/enroll", json={"code": code, "name": "Stall 1 again",
                                                   "previous_token": tablet.token})
    assert enrolled.status_code == 200
    assert enrolled.json["device_id"] == tablet.device.id  # one row for one tablet
    assert devices(db) == 1
    again = Tablet(client, tablet.device, enrolled.json["token"])
    assert tablet.push([]).status_code == 401  # the old token no longer works
    answer = again.push([])
    assert answer.json["receipt"] == {"device_records": 2, "digest": digest([r["id"] for r in made])}
    db.session.expire_all()
    device = db.session.get(Device, tablet.device.id)
    assert not device.revoked and device.name == "Stall 1"  # the office's name for it stays
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "device.reenroll")) is not None


def test_without_its_old_token_or_for_another_area_it_is_a_new_tablet(client, login_as, make_tablet, build, db):
    county = build.county()
    north, south = build.area(parent=county), build.area(parent=county)
    tablet = make_tablet("Stall 1", area=north)
    login_as("office", area=county)
    plain = client.post(f"{API}/enroll", json={"code": ordinary_code(client, north), "name": "Stall 2"})
    assert plain.status_code == 200 and plain.json["device_id"] != tablet.device.id
    elsewhere = client.post(f"{API}/enroll", json={"code": ordinary_code(client, south), "name": "Stall 1",
                                                    "previous_token": tablet.token})
    assert elsewhere.status_code == 200 and elsewhere.json["device_id"] != tablet.device.id
    wrong = client.post(f"{API}/enroll", json={"code": ordinary_code(client, north), "name": "Stall 3",
                                                "previous_token": "not-a-token"})
    assert wrong.status_code == 200 and wrong.json["device_id"] != tablet.device.id
    assert tablet.push([]).status_code == 200  # its own token still works
    assert devices(db) == 4


def test_a_previous_token_that_is_not_text_is_a_bad_request(client, login_as, build):
    area = build.area()
    login_as("office", area=area)
    response = client.post(f"{API}/enroll", json={"code": ordinary_code(client, area), "name": "Stall",
                                                   "previous_token": 5})
    assert response.status_code == 400
