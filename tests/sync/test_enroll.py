"""Enrolling a tablet with a one-time code from the office."""
from datetime import timedelta

from sqlalchemy import select

from caravan.models import AuditEntry, Device, EnrollmentCode
from caravan.services.sync.enroll import display, new_enrollment_code
from tests.sync.conftest import API


def make_code(build, db, area=None):
    user = build.user("office")
    row, code = new_enrollment_code(area or build.county(), by=user)
    db.session.commit()
    return row, code


def test_a_code_enrolls_a_tablet_once(client, build, db):
    township = build.area(name_en="North")
    row, code = make_code(build, db, township)
    response = client.post(f"{API}/enroll", json={"code": display(code).lower(), "name": "Tablet N1"},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.json
    assert body["area"] == {"id": township.id, "code": township.code, "name": "North"}
    device = db.session.get(Device, body["device_id"])
    assert device.name == "Tablet N1" and device.area_id == township.id
    assert client.get(f"{API}/device", headers={"Authorization": f"Bearer {body['token']}"}).status_code == 200
    db.session.refresh(row)
    assert row.used_at is not None and row.device_id == device.id
    assert code not in str(db.session.scalars(select(EnrollmentCode.code_hash)).all())
    again = client.post(f"{API}/enroll", json={"code": code, "name": "Tablet N2"})
    assert again.status_code == 410 and again.json["error"] == "used_code"
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "device.enroll")) is not None


def test_an_expired_code_is_410_and_a_wrong_one_400(client, build, db):
    row, code = make_code(build, db)
    row.expires_at = row.created_at + timedelta(hours=-1)
    db.session.commit()
    response = client.post(f"{API}/enroll", json={"code": code, "name": "T"})
    assert response.status_code == 410 and response.json["error"] == "expired_code"
    response = client.post(f"{API}/enroll", json={"code": "AAAAA-AAAAA", "name": "T"})
    assert response.status_code == 400 and response.json["error"] == "invalid_code"
    assert db.session.scalar(select(Device)) is None


def test_codes_expire_after_24_hours(build, db):
    row, _ = make_code(build, db)
    assert timedelta(hours=23, minutes=59) < row.expires_at - row.created_at <= timedelta(hours=24, seconds=5)


def test_bad_requests(client, build, db):
    _, code = make_code(build, db)
    for body in ({"code": code}, {"code": code, "name": ""}, {"code": code, "name": "x" * 101},
                 {"code": 5, "name": "T"}, {"code": code, "name": "a\x00"}, [code]):
        response = client.post(f"{API}/enroll", json=body)
        assert response.status_code == 400 and response.json["error"] == "bad_request", body
    assert client.post(f"{API}/enroll", data="code").status_code == 415


def test_guessing_is_rate_limited(client, app, build, db):
    _, code = make_code(build, db)
    for _ in range(app.config["ENROLL_MAX_FAILURES"]):
        assert client.post(f"{API}/enroll", json={"code": "WRONG", "name": "T"}).status_code == 400
    response = client.post(f"{API}/enroll", json={"code": code, "name": "T"})
    assert response.status_code == 429 and response.json["error"] == "too_many_attempts"
    assert int(response.headers["Retry-After"]) > 0
    assert db.session.scalar(select(Device)) is None
