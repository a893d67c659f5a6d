"""Property: no batch, however odd, makes the server fail, and every item gets exactly one answer."""
import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.conftest import API

STATUSES = {"accepted", "duplicate", "conflict", "held", "rejected"}
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)

#: A few fixed ids, so that generated records collide (duplicates, conflicts) and refer to each other.
IDS = [str(uuid.UUID(int=n, version=4)) for n in range(1, 6)]
ids = st.sampled_from(IDS) | st.uuids().map(str)
times = st.sampled_from(["2026-11-20T05:30:00Z", "2026-11-20T05:30:00", "2026-13-01T00:00:00Z", "now"])

DATA = {
    "attendee": st.fixed_dictionaries({
        "name": st.text(max_size=110), "group": st.sampled_from(["rural_worker", "graduate", "other", "x"]),
        "consent_at": times, "consent_version": st.text(max_size=40),
        "pass_token": st.sampled_from(["A" * 32, "B" * 32, "short"]) | st.text(alphabet="ABCDEFGHIJ234567",
                                                                              min_size=32, max_size=32)},
        optional={"phone": st.text(max_size=40), "village_id": ids, "skills": st.text(max_size=50),
                  "wishes": json_values}),
    "checkin": st.fixed_dictionaries({"event_id": ids, "attendee_id": ids,
                                      "method": st.sampled_from(["scan", "manual", "register", "?"])}),
    "service": st.fixed_dictionaries({"event_id": ids, "kind": st.sampled_from(["job_info", "policy_advice", 3])},
                                     optional={"attendee_id": ids, "posting_id": ids, "notice_id": ids}),
    "tally": st.fixed_dictionaries({"event_id": ids, "kind": st.sampled_from(["visitor", "job_info"]),
                                    "count": st.integers(-5, 1005) | json_values}),
    "interest": st.fixed_dictionaries({"attendee_id": ids, "posting_id": ids}, optional={"event_id": ids}),
}


@st.composite
def near_valid_records(draw):
    kind = draw(st.sampled_from(list(DATA)))
    record = {"type": kind, "id": draw(ids), "seq": draw(st.integers(-1, 2**31)), "at": draw(times),
              "data": draw(DATA[kind])}
    for _ in range(draw(st.integers(0, 2))):  # a few mutations: a key dropped or replaced by anything
        key = draw(st.sampled_from(["type", "id", "seq", "at", "data"]))
        if draw(st.booleans()):
            record.pop(key, None)
        else:
            record[key] = draw(json_values)
    return record


items = st.lists(near_valid_records() | json_values, max_size=15)


def check_answer(response, records):
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code != 200:
        assert response.is_json and response.status_code in (400, 413)
        return
    results = response.json["results"]
    assert len(results) == len(records)
    for item, result in zip(records, results):
        assert result["status"] in STATUSES
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            assert result["id"] == item["id"]
        if result["status"] in ("conflict", "held", "rejected"):
            assert result["reason"]


@SETTINGS
@given(records=items)
def test_no_batch_gives_a_500_and_each_item_gets_one_answer(tablet, build, records):
    response = tablet.push(records)
    check_answer(response, records)
    again = tablet.push(records)
    check_answer(again, records)
    if response.status_code == 200:  # a repeated batch: nothing that succeeded fails now
        for first, second in zip(response.json["results"], again.json["results"]):
            if first["status"] in ("accepted", "duplicate"):
                assert second["status"] in ("accepted", "duplicate")


@SETTINGS
@given(body=json_values)
def test_no_body_gives_a_500(tablet, body):
    response = tablet.client.post(f"{API}/push", data=json.dumps(body), content_type="application/json",
                                  headers=tablet.headers)
    assert response.status_code in (200, 400) and response.is_json
