"""Importing a version 2 export: residents' fields sealed under the tablet's data key, which the file
carries wrapped by the tablet's recovery key. The files are built here as the tablet builds them
(WebCrypto AES-GCM, 12-byte ivs, standard base64), with the recovery key computed from the contract's
formula, not from the server's function."""
import base64
import hashlib
import hmac
import io
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select

from caravan.models import Attendee, AuditEntry, CheckIn, PendingRecord, PendingStatus, Tally
from caravan.services.devices import recovery_key
from caravan.services.sync.outbox import read_outbox

PERSONAL = ("name", "phone", "skills", "wishes", "pass_token")


def contract_recovery_key(secret: str, device_id: str) -> bytes:
    """HMAC-SHA256(SECRET_KEY, "caravan tablet recovery key\\0" + device id), as the contract says."""
    return hmac.new(secret.encode(), b"caravan tablet recovery key\0" + device_id.encode(), hashlib.sha256).digest()


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def seal(data_key: bytes, record: dict) -> dict:
    """The record as the tablet exports it: its personal fields in ``data.sealed``."""
    data = dict(record["data"])
    fields = {key: data.pop(key) for key in PERSONAL if key in data}
    iv = os.urandom(12)
    ct = AESGCM(data_key).encrypt(iv, json.dumps(fields).encode(), record["id"].encode())
    return {**record, "data": {**data, "sealed": {"iv": b64(iv), "ct": b64(ct)}}, "state": "pending"}


def export_v2(tablet, records, data_key: bytes, secret: str = "test-secret", device_id=None) -> bytes:
    """A version 2 file: ``records`` (attendees sealed), the data key wrapped by the recovery key."""
    device_id = device_id or tablet.device.id
    iv = os.urandom(12)
    wrapped = AESGCM(contract_recovery_key(secret, tablet.device.id)).encrypt(iv, data_key, None)
    body = {"format": "caravan-outbox", "version": 2, "device_id": device_id,
            "exported_at": "2026-11-21T09:00:00Z", "key": {"iv": b64(iv), "wrapped": b64(wrapped)},
            "records": [seal(data_key, r) if r["type"] == "attendee" else {**r, "state": "pending"}
                        for r in records]}
    return json.dumps(body).encode()


def upload(client, raw: bytes):
    return client.post("/office/tablets/import", data={"file": (io.BytesIO(raw), "outbox.json")},
                       headers={"Accept-Language": "en"})


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_recovery_key_follows_the_contract(app, tablet):
    assert recovery_key(tablet.device) == contract_recovery_key("test-secret", tablet.device.id)
    assert len(recovery_key(tablet.device)) == 32


def test_a_version_2_file_is_opened_and_imported_with_its_staff(login_as, tablet, build, db):
    event = build.event()
    staff = build.user("field")
    tablet.by = str(staff.id)
    person = tablet.attendee(name="Aygul Tursun", phone="139 0000 1234", skills="sewing")
    records = [person, tablet.checkin(event.id, person["id"], "register"), tablet.tally(event.id, count=2)]
    raw = export_v2(tablet, records, AESGCM.generate_key(256))
    assert b"Aygul" not in raw and person["data"]["pass_token"].encode() not in raw
    login_as("office")
    response = upload(tablet.client, raw)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "3 of 3 records from tablet Tablet 1 are now on the server." in response.get_data(as_text=True)
    stored = db.session.get(Attendee, person["id"])
    assert (stored.name, stored.phone, stored.skills) == ("Aygul Tursun", "139 0000 1234", "sewing")
    assert stored.pass_token == person["data"]["pass_token"] and stored.staff_id == staff.id
    assert db.session.get(CheckIn, records[1]["id"]).staff_id == staff.id
    assert count(db, PendingRecord) == 0
    again = upload(tablet.client, raw)  # imported twice: nothing stored twice
    assert "3 of 3" in again.get_data(as_text=True) and count(db, Attendee) == 1


def test_a_blob_that_does_not_open_is_rejected_and_the_rest_imported(login_as, tablet, build, db):
    event = build.event()
    spoiled, moved, good = tablet.attendee(name="Spoiled"), tablet.attendee(name="Moved"), tablet.attendee()
    data_key = AESGCM.generate_key(256)
    body = json.loads(export_v2(tablet, [spoiled, moved, good, tablet.tally(event.id)], data_key))
    ct = bytearray(base64.b64decode(body["records"][0]["data"]["sealed"]["ct"]))
    ct[3] ^= 1
    body["records"][0]["data"]["sealed"]["ct"] = b64(bytes(ct))
    # A blob copied onto another record does not open there: the record id is its additional data.
    body["records"][1]["data"]["sealed"] = seal(data_key, good)["data"]["sealed"]
    login_as("office")
    response = upload(tablet.client, json.dumps(body).encode())
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 of 4 records" in page and "could not be opened" in page
    assert {a.id for a in db.session.scalars(select(Attendee))} == {good["id"]}
    assert count(db, Tally) == 1
    kept = db.session.scalars(select(PendingRecord).order_by(PendingRecord.id)).all()
    assert [(k.record_id, k.status, k.reason) for k in kept] == [
        (spoiled["id"], PendingStatus.rejected, "sealed:data"), (moved["id"], PendingStatus.rejected, "sealed:data")]
    assert "sealed" in kept[0].payload["data"] and "name" not in kept[0].payload["data"]


def test_a_key_that_does_not_unwrap_imports_nothing(login_as, make_tablet, build, db):
    event = build.event()
    ours, other = make_tablet("A"), make_tablet("B")
    records = [ours.attendee(), ours.tally(event.id)]
    data_key = AESGCM.generate_key(256)
    files = [export_v2(other, records, data_key, device_id=ours.device.id),  # wrapped by another tablet
             export_v2(ours, records, data_key, secret="the-secret-before")]  # SECRET_KEY changed since
    login_as("office")
    for raw in files:
        response = upload(ours.client, raw)
        assert response.status_code == 422
        assert "encrypted with a key this server cannot open" in response.get_data(as_text=True)
    assert [count(db, m) for m in (Attendee, Tally, PendingRecord)] == [0, 0, 0]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "sync.import")) is None


def test_the_key_error_reads_in_the_users_language(login_as, tablet, build):
    raw = export_v2(tablet, [tablet.tally(build.event().id)], AESGCM.generate_key(256), secret="other")
    login_as("office")
    pages = {lang: tablet.client.post("/office/tablets/import", data={"file": (io.BytesIO(raw), "f.json")},
                                      headers={"Accept-Language": lang}).get_data(as_text=True)
             for lang in ("zh", "ug")}
    assert "没有导入任何记录" in pages["zh"] and "ھېچنېمە ئەكىرىلمىدى" in pages["ug"]


def test_a_tablet_outside_the_users_area_is_unknown_before_its_key_is_tried(login_as, make_tablet, build, db):
    mine, theirs = build.area(), build.area()
    tablet = make_tablet(area=theirs)
    raw = export_v2(tablet, [], AESGCM.generate_key(256), secret="wrong")
    login_as("office", area=mine)
    response = upload(tablet.client, raw)
    assert response.status_code == 422 and "not enrolled here" in response.get_data(as_text=True)


def test_a_malformed_key_or_an_unknown_version_is_said_so(login_as, tablet, db):
    login_as("office")
    body = json.loads(export_v2(tablet, [], AESGCM.generate_key(256)))
    for change, message in [({"key": None}, "export of unsent records"),
                            ({"key": {"iv": "not base64!", "wrapped": "AAAA"}}, "export of unsent records"),
                            ({"key": {"iv": b64(b"short"), "wrapped": "AAAA"}}, "export of unsent records"),
                            ({"version": 3}, "newer tablet app"), ({"version": True}, "newer tablet app")]:
        response = upload(tablet.client, json.dumps({**body, **change}).encode())
        assert response.status_code == 422 and message in response.get_data(as_text=True), change


def test_read_outbox_opens_the_records_for_other_callers(app, tablet, build):
    person = tablet.attendee(name="Abdulla")
    device, records = read_outbox(export_v2(tablet, [person], AESGCM.generate_key(256)))
    assert device.id == tablet.device.id and records[0]["data"]["name"] == "Abdulla"
    assert "sealed" not in records[0]["data"]


def test_a_version_1_file_still_imports(login_as, tablet, build, db):
    event = build.event()
    person = tablet.attendee(name="Clear Name")
    body = {"format": "caravan-outbox", "version": 1, "device_id": tablet.device.id,
            "exported_at": "2026-11-21T09:00:00Z", "records": [person, tablet.checkin(event.id, person["id"])]}
    login_as("office")
    response = upload(tablet.client, json.dumps(body).encode())
    assert "2 of 2 records" in response.get_data(as_text=True)
    assert db.session.get(Attendee, person["id"]).name == "Clear Name"
