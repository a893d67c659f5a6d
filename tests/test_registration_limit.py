"""Self-registration behind one address: a per-phone allowance, a far higher per-address ceiling, and a
refusal that keeps the form and says when to try again, in the resident's language."""
import re

import pytest
from sqlalchemy import func, select

from caravan.models import Attendee, ThrottleHit
from caravan.public.phone import PHONE_COOKIE
from caravan.services import registration_limit


@pytest.fixture
def village(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    return build.area("village", parent=township, name_zh="博斯坦村", name_ug="بوستان كەنتى", name_en="Bostan")


def form(village, n=0, **overrides):
    data = {"name": f"阿依古丽{n}", "phone": f"139{n:08d}", "village": village.id, "group": "rural_worker",
            "skills": "缝纫", "wishes": "县城附近", "consent": "y"}
    return dict(data, **overrides)


def _attendees(db) -> int:
    return db.session.scalar(select(func.count()).select_from(Attendee))


def test_fifty_phones_behind_one_address_all_register(app, db, village):
    """A bazaar's crowd on one stall's Wi-Fi: the 11th and the 50th person register like the first."""
    for n in range(50):
        phone = app.test_client()  # each its own phone, all from the test client's one address
        assert phone.get("/register").status_code == 200
        assert phone.get_cookie(PHONE_COOKIE) is not None
        response = phone.post("/register", data=form(village, n))
        assert response.status_code == 302, (n, response.status_code)
    assert _attendees(db) == 50


def test_one_phone_is_refused_past_its_allowance_and_keeps_what_was_typed(client, app, db, village):
    client.get("/register")
    allowance = app.config["REGISTER_MAX_PER_PHONE"]
    for n in range(allowance):
        assert client.post("/register", data=form(village, n)).status_code == 302
    typed = form(village, 99, name="Mirzat Tursun", phone="13912345678", skills="welding", wishes="near home",
                 group="graduate")
    response = client.post("/register", data=typed, headers={"Accept-Language": "en"})
    assert response.status_code == 429
    assert 3500 <= int(response.headers["Retry-After"]) <= 3600
    html = response.get_data(as_text=True)
    assert re.search(r'role="alert">This phone has registered several people in the last hour\. '
                     r'Please try again in 60 minutes', html)
    for kept in ('value="Mirzat Tursun"', 'value="13912345678"', "\nwelding</textarea>", "\nnear home</textarea>",
                 f'<option selected value="{village.id}">', '<input checked id="consent"'):
        assert kept in html, kept
    assert re.search(r'<input checked id="group-\d" name="group" required type="radio" value="graduate">', html)
    assert _attendees(db) == allowance
    # Another phone on the same address is not held up by this one.
    other = app.test_client()
    other.get("/register")
    assert other.post("/register", data=form(village, 100)).status_code == 302


@pytest.mark.parametrize("lang, text", [
    ("zh", "请在1分钟后再试"),
    ("ug", "1 مىنۇتتىن كېيىن"),
    ("en", "Please try again in 1 minute,"),
])
def test_the_address_ceiling_says_when_to_try_again_in_the_residents_language(app, db, village, lang, text):
    app.config.update(REGISTER_MAX_PER_ADDRESS=2, REGISTER_WINDOW_SECONDS=60)
    for n in range(2):
        phone = app.test_client()
        phone.get("/register")
        assert phone.post("/register", data=form(village, n)).status_code == 302
    late = app.test_client()
    late.get("/register")
    response = late.post("/register", data=form(village, 7, name="Ablimit"), headers={"Accept-Language": lang})
    assert response.status_code == 429 and 1 <= int(response.headers["Retry-After"]) <= 60
    html = response.get_data(as_text=True)
    assert text in html and 'value="Ablimit"' in html
    assert f'<html lang="{lang}"' in html
    assert _attendees(db) == 2


def test_a_form_with_mistakes_costs_nothing_from_the_allowance(client, app, db, village):
    app.config["REGISTER_MAX_PER_PHONE"] = 1
    client.get("/register")
    for _ in range(3):
        assert client.post("/register", data=form(village, consent="")).status_code == 422
    assert db.session.scalar(select(func.count()).select_from(ThrottleHit)) == 0
    assert client.post("/register", data=form(village)).status_code == 302


def test_begin_counts_phone_and_address_apart(app, db):
    app.config.update(REGISTER_MAX_PER_PHONE=2, REGISTER_MAX_PER_ADDRESS=4)
    assert [registration_limit.begin("phone-a", "10.0.0.1").refused for _ in range(3)] == [None, None, "phone"]
    assert registration_limit.begin("phone-b", "10.0.0.1").refused is None
    # Without a phone cookie only the address counts; its ceiling holds every phone back.
    assert registration_limit.begin(None, "10.0.0.1").refused is None
    refused = registration_limit.begin("phone-c", "10.0.0.1")
    assert refused.refused == "address" and refused.hit_ids == [] and 1 <= refused.retry_after <= 3600
    assert registration_limit.begin("phone-c", "10.0.0.2").refused is None
    # The table holds keyed hashes, never an address or a phone's id.
    keys = db.session.scalars(select(ThrottleHit.key)).all()
    assert all("10.0.0" not in key and "phone" not in key for key in keys)
