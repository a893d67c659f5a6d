"""Bad input never loses the good records and never breaks the server: each gets a clear answer."""
import json

import pytest
from sqlalchemy import func, select

from caravan.models import Attendee, PendingRecord
from tests.sync.conftest import API, statuses


def test_malformed_json_is_400(tablet):
    response = tablet.client.post(f"{API}/push", data=b'{"records": [', headers={
        **tablet.headers, "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json["error"] == "malformed_json"


@pytest.mark.parametrize("body", [b'{"records": [NaN]}', b'\xff\xfe', b"[" * 40 + b"]" * 40])
def test_json_that_no_database_could_keep_is_400(tablet, body):
    response = tablet.client.post(f"{API}/push", data=body, headers={
        **tablet.headers, "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json["error"] == "malformed_json"


def test_wrong_content_type_is_415(tablet):
    response = tablet.client.post(f"{API}/push", data=json.dumps({"records": []}), headers={
        **tablet.headers, "Content-Type": "text/plain"})
    assert response.status_code == 415 and response.is_json


@pytest.mark.parametrize("body", [[], {"records": {}}, {"records": "x"}, {}, "records"])
def test_a_body_without_a_list_of_records_is_400(tablet, body):
    response = tablet.client.post(f"{API}/push", json=body, headers=tablet.headers)
    assert response.status_code == 400 and response.json["error"] == "bad_request"


def test_more_than_500_records_is_413_telling_the_client_to_shrink(tablet, build, db):
    event = build.event()
    response = tablet.push([tablet.tally(event.id) for _ in range(501)])
    assert response.status_code == 413
    assert response.json["error"] == "batch_too_large" and response.json["max_records"] == 500
    assert statuses(tablet.push([tablet.tally(event.id) for _ in range(500)])) == ["accepted"] * 500


def test_a_body_over_2_mib_is_413_json(tablet):
    response = tablet.client.post(f"{API}/push", data=b" " * (2 * 1024 * 1024 + 1), headers={
        **tablet.headers, "Content-Type": "application/json"})
    assert response.status_code == 413 and response.is_json


def test_an_empty_batch_is_fine_and_answers_the_receipt(tablet):
    response = tablet.push([])
    assert response.json == {"results": [], "receipt": {
        "device_records": 0, "digest": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}}


def _reason(tablet, record):
    result = tablet.push([record]).json["results"][0]
    assert result["status"] == "rejected", result
    return result["reason"]


@pytest.mark.parametrize("change, reason", [
    ({"id": "not-a-uuid"}, "bad_uuid:id"),
    ({"id": None}, "missing:id"),
    ({"type": "visit"}, "unknown_type:type"),
    ({"type": 7}, "unknown_type:type"),
    ({"seq": "1"}, "wrong_type:seq"),
    ({"seq": True}, "wrong_type:seq"),
    ({"seq": -1}, "out_of_range:seq"),
    ({"seq": 2**40}, "out_of_range:seq"),
    ({"at": "yesterday"}, "bad_time:at"),
    ({"at": 1700000000}, "bad_time:at"),
    ({"data": []}, "wrong_type:data"),
    ({"data": None}, "missing:data"),
])
def test_envelope_problems(tablet, build, change, reason):
    record = {**tablet.tally(build.event().id), **change}
    assert _reason(tablet, record) == reason


@pytest.mark.parametrize("change, reason", [
    ({"name": ""}, "empty:name"),
    ({"name": "   "}, "empty:name"),
    ({"name": "x" * 101}, "too_long:name"),
    ({"name": 5}, "wrong_type:name"),
    ({"name": "a\x00b"}, "control_characters:name"),
    ({"name": "a\nb"}, "control_characters:name"),
    ({"name": "\ud800"}, "bad_text:name"),
    ({"skills": "x" * 1001}, "too_long:skills"),
    ({"wishes": ["a"]}, "wrong_type:wishes"),
    ({"group": "student"}, "bad_value:group"),
    ({"phone": "call me"}, "bad_value:phone"),
    ({"village_id": "nowhere"}, "bad_uuid:village_id"),
    ({"village_id": "0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f"}, "unknown_area:village_id"),
    ({"consent_at": None}, "missing:consent_at"),
    ({"pass_token": "short"}, "bad_value:pass_token"),
])
def test_attendee_problems(tablet, change, reason):
    record = tablet.attendee()
    record["data"].update(change)
    assert _reason(tablet, record) == reason


def test_missing_fields_of_each_type(tablet):
    for kind, reason in [("checkin", "missing:event_id"), ("service", "missing:event_id"),
                         ("tally", "missing:count"), ("interest", "missing:attendee_id"),
                         ("attendee", "missing:pass_token")]:
        assert _reason(tablet, tablet.record(kind, {})) == reason


def test_markup_in_a_name_is_stored_as_text(tablet, db):
    record = tablet.attendee(name='<script>alert("x")</script>')
    assert statuses(tablet.push([record])) == ["accepted"]
    assert db.session.get(Attendee, record["id"]).name == '<script>alert("x")</script>'


def test_a_pass_token_of_another_resident_is_rejected(tablet, build):
    other = build.attendee()
    record = tablet.attendee(pass_token=other.pass_token)
    assert _reason(tablet, record) == "pass_token_taken:pass_token"


def test_items_that_are_not_records_get_a_result_each_and_are_kept(tablet, db):
    response = tablet.push([1, "x", None, [], {"id": 5}])
    assert [r["status"] for r in response.json["results"]] == ["rejected"] * 5
    assert [r["id"] for r in response.json["results"]] == [None, None, None, None, 5]
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 5
    tablet.push([1, "x", None, [], {"id": 5}])
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 5


def test_unknown_token_is_401_and_revoked_is_403_keeping_nothing_new(tablet, build, db):
    from caravan.models.base import utcnow
    event = build.event()
    response = tablet.client.post(f"{API}/push", json={"records": []}, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and response.json["error"] == "unauthorized"
    tablet.device.revoked_at = utcnow()
    db.session.commit()
    response = tablet.client.post(f"{API}/push", json={"records": [tablet.tally(event.id)]},
                                  headers={**tablet.headers, "Accept-Language": "en"})
    assert response.status_code == 403 and response.json["error"] == "revoked"
    assert "revoked this tablet" in response.json["message"]
    assert "停用" in tablet.push([tablet.tally(event.id)]).json["message"]
    from caravan.models import SyncBatch, Tally
    assert db.session.scalar(select(func.count()).select_from(Tally)) == 0
    assert db.session.scalar(select(func.count()).select_from(SyncBatch)) == 0
