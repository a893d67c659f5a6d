"""A resident's erasure reaches the copies of their record that sync keeps, and the tablet that made it."""
import json

from sqlalchemy import select

from caravan.models import PendingRecord, PendingStatus
from tests.sync.conftest import statuses

PERSONAL = ("name", "phone", "skills", "wishes", "pass_token")


def _erase_on_the_phone(client, token):
    response = client.post(f"/p/{token}/erase")
    assert response.status_code == 302 and response.headers["Location"] == "/erased"


def test_erasure_blanks_conflict_and_rejected_copies_in_pending_records(tablet, make_tablet, db):
    person = tablet.attendee(name="Gulnar Secret", phone="13912345678", skills="sewing", wishes="Urumqi")
    assert statuses(tablet.push([person])) == ["accepted"]
    changed = {**person, "data": {**person["data"], "name": "Gulnar Other", "phone": "13999999999"}}
    assert statuses(tablet.push([changed])) == ["conflict"]
    other = make_tablet("Tablet 2")
    too_long = {**person, "data": {**person["data"], "skills": "x" * 2000}}
    assert statuses(other.push([too_long])) == ["rejected"]
    _erase_on_the_phone(tablet.client, person["data"]["pass_token"])
    db.session.expire_all()
    kept = list(db.session.scalars(select(PendingRecord).where(PendingRecord.record_id == person["id"])))
    assert len(kept) == 2
    for row in kept:
        text = json.dumps(row.payload, ensure_ascii=False)
        for secret in ("Gulnar", "13912345678", "13999999999", "sewing", "Urumqi", person["data"]["pass_token"]):
            assert secret not in text, (row.status, text)
        assert row.payload["id"] == person["id"] and row.resolved_at is not None


def test_a_resent_copy_of_an_erased_resident_is_not_kept_with_their_data(tablet, db):
    person = tablet.attendee(name="Gulnar Secret", phone="13912345678")
    assert statuses(tablet.push([person])) == ["accepted"]
    _erase_on_the_phone(tablet.client, person["data"]["pass_token"])
    response = tablet.push([person])  # an old export, or a tablet that never heard of the erasure
    assert response.json["results"][0]["reason"] == "attendee_erased:id"
    row = db.session.scalar(select(PendingRecord))
    assert row.status == PendingStatus.rejected and row.record_id == person["id"]
    text = json.dumps(row.payload, ensure_ascii=False)
    assert "Gulnar" not in text and "13912345678" not in text and person["data"]["pass_token"] not in text
    assert statuses(tablet.push([person])) == ["rejected"]
    assert len(list(db.session.scalars(select(PendingRecord)))) == 1  # a repeat files nothing new


def test_the_registering_tablet_is_told_on_its_next_pull_that_the_resident_is_gone(tablet, db):
    person = tablet.attendee(name="Gulnar Secret")
    assert statuses(tablet.push([person])) == ["accepted"]
    cursor = tablet.pull().json["cursor"]
    _erase_on_the_phone(tablet.client, person["data"]["pass_token"])
    changes = tablet.pull(cursor=cursor).json["changes"]
    assert {"type": "attendee", "id": person["id"], "data": None, "deleted": True} in changes
    assert "Gulnar" not in json.dumps(changes, ensure_ascii=False)
