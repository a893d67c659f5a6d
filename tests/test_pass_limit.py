"""Looking up passes that do not exist, behind one address: a per-phone allowance, a far higher per-address
ceiling, and a wait page in the resident's language that says when to try again (429 + Retry-After)."""
import re

from caravan.public.passes import PASS_COOKIE
from caravan.public.phone import PHONE_COOKIE

UNKNOWN = "B" * 32  # well-formed, and no pass has it


def _unknown(n: int) -> str:
    return f"/p/{UNKNOWN[:-2]}{'CDEFGHIJKLMNOPQRSTUVWXYZ'[n // 24]}{'CDEFGHIJKLMNOPQRSTUVWXYZ'[n % 24]}"


def _phone(app):
    """A phone that has opened a page of ours before, so it carries its random id."""
    phone = app.test_client()
    phone.get("/register")
    assert phone.get_cookie(PHONE_COOKIE) is not None
    return phone


def test_one_phone_trying_links_waits_while_its_neighbours_open_their_passes(app, build):
    app.config.update(PASS_MISS_MAX_PER_PHONE=3, PASS_MISS_MAX_PER_ADDRESS=100)
    attendee, neighbour_pass = build.attendee(), build.attendee()
    guesser = _phone(app)
    for n in range(3):
        assert guesser.get(_unknown(n)).status_code == 404
    # Paused: even a real pass waits now, so trying gains nothing.
    response = guesser.get(f"/p/{attendee.pass_token}", headers={"Accept-Language": "ug"})
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and response.headers["Cache-Control"] == "no-store"
    assert 540 < int(response.headers["Retry-After"]) <= 600
    assert '<html lang="ug" dir="rtl">' in page and 'id="pass-wait"' in page
    assert "10" in re.search(r'role="alert">([^<]+)<', page).group(1)  # the minutes, in Uyghur around them
    english = guesser.get(f"/p/{attendee.pass_token}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "This phone has opened several pass links that do not exist. Please try again in 10 minutes" in english
    # Fifty neighbours on the same address are not held up: they open their passes and mistype their own.
    for _ in range(50):
        neighbour = _phone(app)
        assert neighbour.get(f"/p/{neighbour_pass.pass_token}").status_code == 200
    assert _phone(app).get(_unknown(5)).status_code == 404


def test_the_address_ceiling_holds_phones_that_drop_their_cookies(app, build):
    app.config.update(PASS_MISS_MAX_PER_PHONE=3, PASS_MISS_MAX_PER_ADDRESS=5)
    attendee = build.attendee()
    for n in range(5):  # a fresh client each time: no phone cookie, only the address counts
        miss = app.test_client().get(_unknown(n))
        assert miss.status_code == 404 and PHONE_COOKIE in miss.headers["Set-Cookie"]
    response = app.test_client().get(f"/p/{attendee.pass_token}", headers={"Accept-Language": "en"})
    assert response.status_code == 429 and 0 < int(response.headers["Retry-After"]) <= 600
    assert "Very many pass links that do not exist were opened over this network" in response.get_data(as_text=True)
    elsewhere = app.test_client().get(f"/p/{attendee.pass_token}", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert elsewhere.status_code == 200


def test_the_pass_a_phone_keeps_is_shown_even_while_it_waits(app, build):
    app.config.update(PASS_MISS_MAX_PER_PHONE=2)
    attendee = build.attendee()
    phone = _phone(app)
    assert phone.get(f"/p/{attendee.pass_token}").status_code == 200
    assert phone.get_cookie(PASS_COOKIE).value == attendee.pass_token
    for n in range(2):
        assert phone.get(_unknown(n)).status_code == 404
    assert phone.get(_unknown(3)).status_code == 429
    assert phone.get(f"/p/{attendee.pass_token}").status_code == 200  # its own: it gives nothing away
    assert phone.get("/p/", follow_redirects=True).status_code == 200
