"""One set of rules for a resident's fields: the phone's form, text limits, control characters.

A registration on a phone (the public form), on a tablet (the sync API) and what the tablet is told (the
OpenAPI document and the strings file) must agree on every value.
"""
import re

import pytest
from sqlalchemy import func, select

from caravan.models import Attendee
from caravan.services import resident_rules
from caravan.services.resident_rules import MAX_NAME, MAX_PHONE, MAX_TEXT, clean_attendee
from tests.sync.conftest import API, make_tablet, tablet  # noqa: F401 (fixtures)

#: (field, value, the sync API's reason) — each refused by every way to register.
BAD = [
    ("phone", "12", "bad_value:phone"),                       # too short to be a number
    ("phone", "(0991) 123456", "bad_value:phone"),             # only digits, spaces, + and -
    ("phone", "139 0000 1234 call me", "bad_value:phone"),
    ("phone", "1" * (MAX_PHONE + 1), "too_long:phone"),
    ("name", "阿依\x01古丽", "control_characters:name"),
    ("name", "Dilnur\u0085", "control_characters:name"),       # a C1 control (NEXT LINE)
    ("name", "x" * (MAX_NAME + 1), "too_long:name"),
    ("name", "  ", "empty:name"),
    ("skills", "s" * (MAX_TEXT + 1), "too_long:skills"),
    ("wishes", "near\x00home", "control_characters:wishes"),
]
GOOD = [("phone", "+86 139-0000-1234"), ("phone", "0991-1234567"), ("phone", ""),
        ("name", "  Mirzat  "), ("skills", "缝纫\r\n做饭\tcooking"), ("wishes", "w" * MAX_TEXT)]


@pytest.fixture
def village(build):
    return build.area("village", parent=build.area("township"))


def web_form(village, **change):
    data = {"name": "阿依古丽", "phone": "13900001234", "village": village.id, "group": "rural_worker",
            "skills": "", "wishes": "", "consent": "y"}
    data.update(change)
    return data


def count(db):
    return db.session.scalar(select(func.count()).select_from(Attendee))


@pytest.mark.parametrize("field, value, reason", BAD)
def test_a_bad_value_is_refused_on_the_phone_form_and_by_the_sync_api_alike(client, db, tablet, village,
                                                                            field, value, reason):
    response = client.post("/register", data=web_form(village, **{field: value}),
                           headers={"Accept-Language": "en"})
    assert response.status_code == 422, "the public form took it"
    assert count(db) == 0
    record = tablet.attendee(**{field: value})
    result = tablet.push([record]).json["results"][0]
    assert (result["status"], result.get("reason")) == ("rejected", reason)
    assert count(db) == 0


@pytest.mark.parametrize("field, value", GOOD)
def test_a_good_value_is_taken_on_both_and_stored_alike(client, db, tablet, village, field, value):
    response = client.post("/register", data=web_form(village, **{field: value}))
    assert response.status_code == 302
    record = tablet.attendee(**{field: value})
    assert tablet.push([record]).json["results"][0]["status"] == "accepted"
    web, synced = db.session.scalars(select(Attendee).order_by(Attendee.consent_channel)).all()
    assert (web.consent_channel, synced.consent_channel) == ("self", "tablet")
    assert getattr(web, field) == getattr(synced, field)


def test_the_form_says_what_is_wrong_in_the_users_language(client, db, village):
    page = client.post("/register", data=web_form(village, phone="12"),
                       headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "请填写完整的电话号码" in page
    page = client.post("/register", data=web_form(village, name="a\x07b"),
                       headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Please remove the invisible control characters." in page


def test_clean_attendee_collects_every_problem_in_order():
    values, errors = clean_attendee({"name": "", "phone": "x", "group": "soldier", "village_id": "nowhere",
                                     "skills": None, "wishes": " near home "})
    assert errors == {"name": "empty", "phone": "bad_value", "village_id": "bad_uuid", "group": "bad_value"}
    assert values == {"skills": "", "wishes": "near home"}


def _served_verdict(rule: dict, value: str) -> bool:
    """Whether a client reading the served JSON Schema the way the tablet does takes ``value``."""
    value = value.strip(resident_rules.SPACES).replace("\r\n", "\n")
    if not value:
        return "minLength" not in rule
    return len(value) <= rule["maxLength"] and re.search(rule["pattern"], value) is not None


def test_the_served_rules_are_the_servers_and_agree_with_it(client):
    attendee = client.get(f"{API}/openapi.json").json["components"]["schemas"]["AttendeeData"]
    strings = client.get("/field/app/strings.json").json
    schema = resident_rules.schema()
    assert all(strings[lang]["resident_rules"] == schema for lang in ("zh", "ug", "en"))
    for field, rule in schema["properties"].items():
        assert attendee["properties"][field] == rule
    assert set(schema["required"]) <= set(attendee["required"])
    assert attendee["properties"]["consent_version"]["maxLength"] == resident_rules.MAX_CONSENT_VERSION
    properties = schema["properties"]
    assert (properties["name"]["maxLength"], properties["phone"]["maxLength"],
            properties["skills"]["maxLength"], properties["wishes"]["maxLength"]) == (
        MAX_NAME, MAX_PHONE, MAX_TEXT, MAX_TEXT)
    for field, value, *_reason in BAD + GOOD:
        _value, code = resident_rules.check_field(field, value)
        assert _served_verdict(properties[field], value) == (code is None), (field, value)
    for lang in ("zh", "ug", "en"):
        messages = strings[lang]["rule_messages"]
        assert {"phone:bad_value", "too_long", "control_characters", "other"} <= set(messages)
        assert all(messages.values())
