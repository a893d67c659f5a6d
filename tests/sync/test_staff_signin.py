"""``POST /api/sync/v1/staff``: a staff member signs in on an enrolled tablet and gets its recovery key."""
from __future__ import annotations

import base64
import hashlib
import hmac

from sqlalchemy import func, select

from caravan.models import AuditEntry
from caravan.models.base import utcnow
from tests.sync.conftest import API


def sign_in(tablet, username, password, headers=None):
    return tablet.client.post(f"{API}/staff", json={"username": username, "password": password},
                              headers=headers or tablet.headers)


def audits(db, action):
    return db.session.scalar(select(func.count()).where(AuditEntry.action == action))


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_a_field_user_of_the_area_gets_the_recovery_key_and_the_lock_settings(app, build, db, make_tablet):
    township = build.area("township")
    tablet = make_tablet(area=township)
    user = build.user("field", area=build.county(), display_name="古丽")
    answer = sign_in(tablet, user.username, build.password)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    body = answer.json
    assert body["staff"] == {"id": user.id, "username": user.username, "name": "古丽", "role": "field"}
    assert body["pin_length"] == 6 and body["lock_minutes"] == 10 and body["pin_tries"] == 5
    key = unb64url(body["recovery_key"])
    assert len(key) == 32 and "=" not in body["recovery_key"]
    expected = hmac.new(app.config["SECRET_KEY"].encode(), b"caravan tablet recovery key\0" + tablet.device.id.encode(),
                        hashlib.sha256).digest()
    assert key == expected
    # The same key for the life of the device row, whoever signs in.
    other = build.user("office", area=township)
    assert sign_in(tablet, other.username, build.password).json["recovery_key"] == body["recovery_key"]
    assert audits(db, "signin.ok") == 2
    assert body["recovery_key"] not in str(db.session.scalars(select(AuditEntry)).all())


def test_settings_come_from_the_config(app, build, make_tablet):
    app.config.update(TABLET_LOCK_MINUTES=3, TABLET_PIN_LENGTH=8)
    tablet = make_tablet()
    user = build.user("field", display_name="")
    body = sign_in(tablet, user.username, build.password).json
    assert (body["lock_minutes"], body["pin_length"], body["staff"]["name"]) == (3, 8, user.username)


def test_another_tablet_gets_another_key(build, make_tablet):
    user = build.user("field")
    first, second = make_tablet("A"), make_tablet("B")
    assert sign_in(first, user.username, build.password).json["recovery_key"] \
        != sign_in(second, user.username, build.password).json["recovery_key"]


def test_wrong_password_and_unknown_user_are_401_and_audited(build, db, tablet):
    user = build.user("field")
    for name, password in ((user.username, "wrong"), ("nobody", build.password)):
        answer = sign_in(tablet, name, password, headers={**tablet.headers, "Accept-Language": "en"})
        assert answer.status_code == 401
        assert answer.json["error"] == "bad_credentials"
        assert answer.json["message"] == "Wrong user name or password."
        assert "recovery_key" not in answer.json
    assert audits(db, "signin.fail") == 2


def test_messages_follow_the_accept_language(build, tablet):
    answer = tablet.client.post(f"{API}/staff", json={"username": "x", "password": "y"},
                                headers={**tablet.headers, "Accept-Language": "ug"})
    assert answer.status_code == 401 and answer.json["message"] != "Wrong user name or password."


def test_revoked_tablet_is_refused(build, db, tablet):
    user = build.user("field")
    tablet.device.revoked_at = utcnow()
    db.session.commit()
    answer = sign_in(tablet, user.username, build.password)
    assert answer.status_code == 403 and answer.json["error"] == "revoked"


def test_unknown_device_token_is_401(build, tablet):
    user = build.user("field")
    answer = tablet.client.post(f"{API}/staff", json={"username": user.username, "password": build.password},
                                headers={"Authorization": "Bearer nope"})
    assert answer.status_code == 401 and answer.json["error"] == "unauthorized"


def test_a_user_of_a_sibling_area_or_below_the_tablet_is_not_allowed(build, make_tablet):
    one, two = build.area("township"), build.area("township")
    tablet = make_tablet(area=one)
    for area in (two, build.area("village", parent=one)):
        user = build.user("field", area=area)
        answer = sign_in(tablet, user.username, build.password)
        assert answer.status_code == 403 and answer.json["error"] == "not_allowed"
        assert "recovery_key" not in answer.json


def test_an_inactive_user_is_not_allowed(build, db, tablet):
    user = build.user("field", active=False)
    answer = sign_in(tablet, user.username, build.password)
    assert answer.status_code == 403 and answer.json["error"] == "not_allowed"
    # ... but a wrong password for an inactive user is just a wrong password.
    assert sign_in(tablet, user.username, "wrong").status_code == 401


def test_malformed_bodies_are_400(build, tablet):
    for body in ({}, {"username": "a"}, {"username": 1, "password": "x"}, ["a", "b"], {"username": "", "password": "x"}):
        answer = tablet.client.post(f"{API}/staff", json=body, headers=tablet.headers)
        assert answer.status_code == 400, body
    answer = tablet.client.post(f"{API}/staff", data="{", headers={**tablet.headers, "Content-Type": "application/json"})
    assert answer.status_code == 400


def test_failures_lock_the_name_like_the_web_signin(app, build, db, tablet):
    app.config["SIGNIN_MAX_FAILURES"] = 3
    user = build.user("field")
    for _ in range(3):
        assert sign_in(tablet, user.username, "wrong").status_code == 401
    answer = sign_in(tablet, user.username, build.password)
    assert answer.status_code == 429 and answer.json["error"] == "too_many_attempts"
    assert int(answer.headers["Retry-After"]) > 0 and "recovery_key" not in answer.json
    # The web sign-in counts the same failures.
    web = tablet.client.post("/signin", data={"username": user.username, "password": build.password})
    assert web.status_code == 429


def test_address_limit_applies(app, build, tablet):
    app.config["SIGNIN_ADDRESS_MAX_FAILURES"] = 2
    for n in range(2):
        assert sign_in(tablet, f"name{n}", "wrong").status_code == 401
    user = build.user("field")
    assert sign_in(tablet, user.username, build.password).status_code == 429
