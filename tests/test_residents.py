"""Self-registration with consent, "I'm interested", the pass, erasure and the rate limits."""
import re

import pytest
from sqlalchemy import func, select

from caravan.models import (Attendee, CheckIn, CheckInMethod, ConsentChannel, Interest, ReferralStep, Tally,
                            TallyKind)
from caravan.models.base import new_uuid
from caravan.public.passes import PASS_COOKIE
from caravan.services.residents import TOKEN_RE


@pytest.fixture
def village(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    return build.area("village", parent=township, name_zh="博斯坦村", name_ug="بوستان كەنتى", name_en="Bostan")


@pytest.fixture
def posting(build):
    return build.posting(title="缝纫工")


def form(area=None, **overrides):
    data = {"name": "阿依古丽", "phone": "13900001234", "village": area.id if area else "",
            "group": "rural_worker", "skills": "缝纫", "wishes": "县城附近", "consent": "y"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def token_of(response):
    match = re.fullmatch(r"/p/([A-Z2-7]{32})(\?.*)?", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def test_registration_creates_attendee_with_consent_and_leads_to_the_pass(client, db, village, app):
    response = client.post("/register", data=form(village))
    assert response.status_code == 302
    token = token_of(response)
    cookie = response.headers["Set-Cookie"]
    assert f"{PASS_COOKIE}={token}" in cookie and "HttpOnly" in cookie
    assert response.headers["Cache-Control"] == "no-store"
    attendee = db.session.scalar(select(Attendee))
    assert (attendee.name, attendee.phone, attendee.village_id, attendee.group) == (
        "阿依古丽", "13900001234", village.id, "rural_worker")
    assert attendee.consent_channel == ConsentChannel.self
    assert attendee.consent_version == app.config["CONSENT_VERSION"]
    assert attendee.pass_token == token and TOKEN_RE.match(token)
    page = client.get(f"/p/{token}", headers={"Accept-Language": "en"})
    assert page.status_code == 200 and "阿依古丽" in page.get_data(as_text=True)


def test_consent_is_required(client, db, village):
    response = client.post("/register", data=form(village, consent=None), headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert "You can register only if you agree." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Attendee)) == 0


@pytest.mark.parametrize("overrides, message", [
    ({"name": "   "}, "Please write your name."),
    ({"name": "x" * 101}, "At most 100 characters."),
    ({"phone": "call me"}, "Please write the whole phone number: digits, spaces, + and - only."),
    ({"group": "soldier"}, "Not a valid choice"),
    ({"group": None}, "Please choose one."),
    ({"village": "no-such-village"}, "Not a valid choice"),
    ({"skills": "s" * 501}, "At most 500 characters."),
])
def test_registration_validates_every_field(client, db, village, overrides, message):
    response = client.post("/register", data=form(village, **overrides), headers={"Accept-Language": "en"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and "Please check the fields marked below." in page
    assert db.session.scalar(select(func.count()).select_from(Attendee)) == 0


def test_form_text_is_kept_and_consent_text_shown_in_the_chosen_language(client, village, app):
    response = client.post("/register", data=form(village, name="Dilnur", consent=None),
                           headers={"Accept-Language": "ug"})
    page = response.get_data(as_text=True)
    assert 'value="Dilnur"' in page and '<html lang="ug" dir="rtl">' in page
    assert app.config["CONSENT_VERSION"] in page
    assert re.search(r'class="consent">\s*<p>[\u0600-\u06ff]', page)


def test_markup_in_a_name_is_escaped(client, village):
    response = client.post("/register", data=form(village, name="<script>alert(1)</script>", skills="<b>x</b>"))
    page = client.get(f"/p/{token_of(response)}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page


def test_registration_needs_the_csrf_token(client, village, app, db):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/register", data=form(village))
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(Attendee)) == 0


def test_interest_without_a_pass_leads_to_registration_and_is_recorded(client, db, village, posting):
    response = client.post(f"/j/{posting.code}/interest")
    assert response.status_code == 302 and response.headers["Location"] == f"/register?j={posting.code}"
    page = client.get(f"/register?j={posting.code}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "You are interested in: 缝纫工" in page
    response = client.post(f"/register?j={posting.code}", data=form(village))
    token = token_of(response)
    interest = db.session.scalar(select(Interest))
    assert interest.posting_id == posting.id and interest.status == "interested"
    assert [s.status for s in interest.steps] == ["interested"]
    assert interest.attendee.pass_token == token
    page = client.get(f"/p/{token}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "缝纫工" in page and "Interested" in page


def test_interest_with_a_pass_cookie_adds_to_that_pass(client, db, build, posting):
    attendee = build.attendee()
    client.set_cookie(PASS_COOKIE, attendee.pass_token)
    page = client.get(f"/j/{posting.code}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "It will be added to your pass on this phone." in page
    response = client.post(f"/j/{posting.code}/interest")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/p/{attendee.pass_token}?added={posting.code}"
    client.post(f"/j/{posting.code}/interest")  # twice: still one interest
    assert db.session.scalar(select(func.count()).select_from(Attendee)) == 1
    interests = db.session.scalars(select(Interest)).all()
    assert len(interests) == 1 and interests[0].attendee_id == attendee.id
    assert db.session.scalar(select(func.count()).select_from(ReferralStep)) == 1


def test_a_returning_resident_finds_the_pass_from_the_home_page(client, build):
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "My pass" not in page
    assert client.get("/p/").headers["Location"] == "/register"
    attendee = build.attendee()
    client.set_cookie(PASS_COOKIE, attendee.pass_token)
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'href="/p/"' in page and attendee.pass_token not in page
    response = client.get("/p/")
    assert response.headers["Location"] == f"/p/{attendee.pass_token}"
    assert "no-store" in response.headers["Cache-Control"]
    register = client.get("/register", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'href="/p/"' in register


def test_a_stale_pass_cookie_is_ignored(client, posting):
    client.set_cookie(PASS_COOKIE, "A" * 32)
    response = client.post(f"/j/{posting.code}/interest")
    assert response.headers["Location"] == f"/register?j={posting.code}"


def test_interest_in_a_closed_posting_is_refused(client, build, db):
    closed = build.posting(status="closed")
    attendee = build.attendee()
    client.set_cookie(PASS_COOKIE, attendee.pass_token)
    assert client.post(f"/j/{closed.code}/interest").status_code == 410
    assert db.session.scalar(select(func.count()).select_from(Interest)) == 0


def test_pass_page_shows_qr_data_interests_and_private_headers(client, build, db, posting, app):
    attendee = build.attendee(name="Mirzat", phone="13900005678", skills="welding")
    db.session.add(Interest(id=new_uuid(), attendee=attendee, posting=posting, status="referred"))
    db.session.commit()
    response = client.get(f"/p/{attendee.pass_token}", headers={"Accept-Language": "zh"})
    page = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "<svg" in page and "<script" not in page
    assert f'<title>{app.config["PUBLIC_BASE_URL"]}/p/{attendee.pass_token}</title>' in page
    for text in ["Mirzat", "13900005678", "welding", "缝纫工"]:
        assert text in page
    assert "已推荐给用人单位" in page  # the status, translated
    # The language switch stays on /p/ URLs: the token appears in no other address.
    for href in re.findall(r'href="([^"]+)"', page):
        assert attendee.pass_token not in href or href.startswith(f"/p/{attendee.pass_token}"), href


def test_pass_language_switch_stays_on_the_pass(client, build):
    attendee = build.attendee()
    response = client.get(f"/p/{attendee.pass_token}?lang=ug")
    assert response.status_code == 302 and response.headers["Location"] == f"/p/{attendee.pass_token}"
    assert "lang=ug" in response.headers["Set-Cookie"]
    page = client.get(f"/p/{attendee.pass_token}").get_data(as_text=True)
    assert '<html lang="ug" dir="rtl">' in page


def test_unknown_and_malformed_tokens_are_404(client, build):
    build.attendee()
    assert client.get("/p/" + "A" * 32).status_code == 404
    assert client.get("/p/short").status_code == 404
    assert client.get("/p/" + "a" * 32).status_code == 404


def test_erase_keeps_counts_and_drops_the_person(client, db, build, posting):
    attendee = build.attendee(name="Dilnur", phone="13900001111", skills="cooking", wishes="near home")
    event = build.event(postings=[posting])
    db.session.add_all([
        CheckIn(id=new_uuid(), event=event, attendee=attendee, method=CheckInMethod.scan),
        Interest(id=new_uuid(), attendee=attendee, posting=posting),
        Tally(id=new_uuid(), event_id=event.id, kind=TallyKind.visitor, count=3)])
    db.session.commit()
    token = attendee.pass_token
    confirm = client.get(f"/p/{token}/erase", headers={"Accept-Language": "en"})
    assert confirm.status_code == 200 and "Yes, erase my data" in confirm.get_data(as_text=True)
    assert confirm.headers["Cache-Control"] == "no-store"
    client.set_cookie(PASS_COOKIE, token)
    response = client.post(f"/p/{token}/erase")
    assert response.status_code == 302 and response.headers["Location"] == "/erased"
    assert f"{PASS_COOKIE}=;" in response.headers["Set-Cookie"]
    done = client.get("/erased", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Your data has been erased" in done
    db.session.expire_all()
    erased = db.session.get(Attendee, attendee.id)
    assert (erased.name, erased.phone, erased.skills, erased.wishes) == ("", None, "", "")
    assert erased.erased_at is not None and erased.pass_token != token and not TOKEN_RE.match(erased.pass_token)
    for model, expected in ((CheckIn, 1), (Interest, 1), (Tally, 1), (Attendee, 1)):
        assert db.session.scalar(select(func.count()).select_from(model)) == expected, model
    assert client.get(f"/p/{token}").status_code == 404
    assert client.post(f"/p/{token}/erase").status_code == 404


def test_registrations_per_address_are_limited(client, village, app, db):
    app.config["REGISTER_MAX_PER_ADDRESS"] = 3
    for _ in range(3):
        assert client.post("/register", data=form(village)).status_code == 302
    response = client.post("/register", data=form(village), headers={"Accept-Language": "ug"})
    assert response.status_code == 429
    assert '<html lang="ug" dir="rtl">' in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Attendee)) == 3
    other = client.post("/register", data=form(village), environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 302


def test_unknown_pass_lookups_per_address_are_limited(client, build, app):
    app.config["PASS_MISS_MAX_PER_ADDRESS"] = 5
    attendee = build.attendee()
    for i in range(5):
        assert client.get(f"/p/{'B' * 31}{'CDEFG'[i]}").status_code == 404
    # Paused: even a real token waits now, so guessing gains nothing.
    response = client.get(f"/p/{attendee.pass_token}", headers={"Accept-Language": "en"})
    assert response.status_code == 429 and "Please try again in 10 minutes" in response.get_data(as_text=True)
    assert client.get(f"/p/{attendee.pass_token}", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200
    # Looking up a known pass does not count against the address.
    for _ in range(10):
        assert client.get(f"/p/{attendee.pass_token}", environ_base={"REMOTE_ADDR": "10.0.0.8"}).status_code == 200


def test_tokens_are_160_bit_and_distinct(client, village):
    tokens = {token_of(client.post("/register", data=form(village), environ_base={"REMOTE_ADDR": f"10.1.0.{i}"}))
              for i in range(5)}
    assert len(tokens) == 5 and all(len(t) == 32 for t in tokens)  # 32 base32 characters = 160 bits


def test_no_personal_data_in_logs(client, village, caplog):
    caplog.set_level("DEBUG")
    client.post("/register", data=form(village, name="Patigul Memet", phone="13900009999"))
    assert "Patigul" not in caplog.text and "13900009999" not in caplog.text



def test_many_interests_in_one_connection_keep_working(db, build):
    """PostgreSQL's driver prepares a statement it has run a few times on one connection; a prepared
    ON CONFLICT must still find the partial unique index of open interests (its condition cannot be a bound
    parameter). A pooled connection of a live server runs it far more often than this."""
    from caravan.services.residents import add_interest
    posting = build.posting()
    people = [build.attendee(name=f"居民{n}") for n in range(14)]
    for attendee in people:
        _interest, added = add_interest(attendee, posting)
        assert added
    db.session.commit()
