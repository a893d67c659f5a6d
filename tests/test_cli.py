"""The command-line tools: staff accounts, tablets, the demo county."""
from datetime import timedelta

from sqlalchemy import func, select

from caravan.models import Attendee, Device, EnrollmentCode, Event, Posting, PostingTranslation, User


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


def test_user_create_makes_a_user_who_can_sign_in(app, build, client):
    build.county()
    result = run(app, "user", "create", "Amina", "--role", "office", "--area", "T", "--password", "long enough 1")
    assert result.exit_code == 0, result.output
    assert "created office user amina in T" in result.output
    response = client.post("/signin", data={"username": "amina", "password": "long enough 1"})
    assert response.headers["Location"] == "/office/"


def test_user_create_asks_for_the_password_twice(app, build, db):
    build.county()
    result = run(app, "user", "create", "bilal", "--role", "field", "--area", "T",
                 input="long enough 2\nlong enough 2\n")
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User).where(User.username == "bilal")).check_password("long enough 2")


def test_user_create_refuses_bad_input_clearly(app, build, db):
    build.county()
    cases = [
        (["x", "--role", "office", "--area", "NOPE", "--password", "long enough 3"], "no area with code 'NOPE'"),
        (["x", "--role", "office", "--area", "T", "--password", "short"], "at least 8 characters"),
        (["bad name!", "--role", "office", "--area", "T", "--password", "long enough 3"], "user name"),
    ]
    for args, message in cases:
        result = run(app, "user", "create", *args)
        assert result.exit_code != 0 and message in result.output, result.output
    run(app, "user", "create", "dup", "--role", "field", "--area", "T", "--password", "long enough 3")
    result = run(app, "user", "create", "DUP", "--role", "field", "--area", "T", "--password", "long enough 3")
    assert result.exit_code != 0 and "taken" in result.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_device_create_prints_the_token_last(app, build, client, db):
    build.area("township")
    result = run(app, "device", "create", "Tablet 7", "--area", "T-01")
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert len(token) >= 40
    device = db.session.scalar(select(Device))
    assert device.token_hash != token and token not in device.token_hash
    response = client.get("/api/sync/v1/device", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json["area"] == "T-01"


def test_device_code_prints_a_code_that_enrolls_once(app, build, client, db):
    build.area("township")
    result = run(app, "device", "code", "--area", "T-01")
    assert result.exit_code == 0, result.output
    code = result.output.strip().splitlines()[-1]
    # The expiry in the county's time, as the web shows it (Asia/Urumqi is UTC+6), not in UTC.
    expires = db.session.scalar(select(EnrollmentCode.expires_at))
    assert f"valid until {expires + timedelta(hours=6):%Y-%m-%d %H:%M} (Asia/Urumqi):" in result.output
    response = client.post("/api/sync/v1/enroll", json={"code": code, "name": "Tablet 8"})
    assert response.status_code == 200 and response.json["area"]["code"] == "T-01"
    assert client.post("/api/sync/v1/enroll", json={"code": code, "name": "Tablet 9"}).status_code == 410
    bad = run(app, "device", "code", "--area", "NOPE")
    assert bad.exit_code != 0 and "no area with code 'NOPE'" in bad.output


def test_demo_fills_a_county_once(app, db, client, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    (tmp_path / "caravan.cfg").write_text("SIGNIN_MAX_FAILURES = 5")
    first = run(app, "demo", "--password", "demo-pass-1")
    assert first.exit_code == 0, first.output
    # The office's address and hours are settings; the demo writes its own once, in every language.
    assert "office address and hours: written to" in first.output
    settings = {}
    exec((tmp_path / "caravan.cfg").read_text(), settings)  # noqa: S102 (the app reads it the same way)
    assert settings["SIGNIN_MAX_FAILURES"] == 5 and set(settings["OFFICE_HOURS"]) == {"zh", "ug", "en"}
    assert set(settings["OFFICE_ADDRESS"]) == {"zh", "ug", "en"}
    assert settings["OFFICE_ADDRESS"]["ug"] in client.get("/jobs", headers={"Accept-Language": "ug"}).get_data(
        as_text=True)
    counts = {model: db.session.scalar(select(func.count()).select_from(model))
              for model in (User, Posting, Event, Attendee, PostingTranslation)}
    assert counts[Posting] >= 30 and counts[Event] >= 5 and counts[Attendee] >= 3 and counts[User] == 5
    assert counts[PostingTranslation] == 3 * counts[Posting]  # zh, ug and en for every posting
    every_table = {table.name: db.session.scalar(select(func.count()).select_from(table))
                   for table in db.metadata.sorted_tables}  # with the past season (tests/test_demo_season.py)
    second = run(app, "demo", "--password", "demo-pass-1")
    assert second.exit_code == 0 and "0 added" in second.output and "season: nothing added" in second.output
    assert "office address" not in second.output
    assert {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables} == every_table
    assert "office.kt02, field.kt02 (township KT-02)" in second.output
    for role, home in (("field", "/field/"), ("office", "/office/"), ("admin", "/office/admin/"),
                       ("field.kt02", "/field/"), ("office.kt02", "/office/")):
        client.post("/signout")
        response = client.post("/signin", data={"username": role, "password": "demo-pass-1"})
        assert response.headers["Location"] == home
        assert client.get(home).status_code == 200


def test_device_reenroll_prints_a_code_that_gives_the_revoked_tablet_back_its_place(app, build, client, db):
    from datetime import datetime, timedelta, timezone

    from caravan.models import AuditEntry, EnrollmentCode
    from caravan.models.base import utcnow
    township = build.area("township")
    first = run(app, "device", "create", "Tablet 7", "--area", "T-01")
    device = db.session.scalar(select(Device))
    active = run(app, "device", "reenroll", "Tablet 7")
    assert active.exit_code != 0 and "is not revoked" in active.output
    device.revoked_at = utcnow()
    db.session.commit()
    assert first.exit_code == 0
    for given in ("Tablet 7", device.id):
        result = run(app, "device", "reenroll", given)
        assert result.exit_code == 0, result.output
        # Its expiry in the county's time (Asia/Urumqi, UTC+6), a day from now.
        row = db.session.scalars(select(EnrollmentCode).order_by(EnrollmentCode.id.desc())).first()
        expires = row.expires_at.astimezone(timezone(timedelta(hours=6)))
        assert f"valid until {expires:%Y-%m-%d %H:%M} (Asia/Urumqi)" in result.output
        assert timedelta(hours=23) < row.expires_at - datetime.now(timezone.utc) <= timedelta(hours=24)
        assert row.device_id == device.id
    code = result.output.strip().splitlines()[-1]
    response = client.post("/api/sync/v1/enroll", json={"code": code, "name": "Tablet 7"})
    assert response.status_code == 200 and response.json["device_id"] == device.id
    db.session.expire_all()
    assert not db.session.get(Device, device.id).revoked
    assert db.session.scalar(select(func.count()).select_from(Device)) == 1
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "enrollment_code.create")) == 2
    missing = run(app, "device", "reenroll", "Tablet 9")
    assert missing.exit_code != 0 and "no tablet with id or name 'Tablet 9'" in missing.output
    run(app, "device", "create", "Tablet 7", "--area", township.code)
    twice = run(app, "device", "reenroll", "Tablet 7")
    assert twice.exit_code != 0 and "2 tablets are named 'Tablet 7'; give the id" in twice.output
