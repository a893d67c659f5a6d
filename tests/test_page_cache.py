"""Rendered resident pages kept per language: never stale, never someone else's."""
import re
from datetime import timedelta

import pytest
from flask import template_rendered

from caravan.models import PublishStatus
from caravan.public.passes import PASS_COOKIE
from caravan.services import listings
from tests.test_jobs_list import titled
from tests.test_public_pages import get


@pytest.fixture
def renders(app):
    """The templates rendered so far (a page served from the cache renders none)."""
    seen = []

    def note(_sender, template, context, **_extra):
        seen.append(template.name)
    template_rendered.connect(note, app)
    yield seen
    template_rendered.disconnect(note, app)


@pytest.fixture
def shop(build):
    township = build.area("township", name_zh="阿克镇")
    posting = build.posting(area=township, translations=titled("缝纫工", "تىككۈچى", "Sewing worker"))
    notice = build.notice()
    event = build.event(area=township, postings=[posting], notices=[notice])
    return {"posting": posting, "event": event, "notice": notice}


def paths(shop):
    return ["/", "/jobs", f"/e/{shop['event'].code}", f"/j/{shop['posting'].code}", f"/n/{shop['notice'].code}"]


def test_each_page_is_rendered_once_per_language(client, shop, renders):
    for path in paths(shop):
        for lang in ("zh", "ug", "zh", "ug"):
            assert get(client, path, lang).status_code == 200
    assert len([name for name in renders if name.startswith("public/")]) == len(paths(shop)) * 2
    assert 'dir="rtl"' in get(client, "/jobs", "ug").get_data(as_text=True)
    assert 'dir="ltr"' in get(client, "/jobs", "zh").get_data(as_text=True)


def test_a_closed_posting_is_never_served_from_the_cache(client, shop, db):
    posting, event = shop["posting"], shop["event"]
    for lang in ("zh", "ug", "en"):
        assert get(client, f"/j/{posting.code}", lang).status_code == 200
        assert f"/j/{posting.code}" in get(client, "/jobs", lang).get_data(as_text=True)
        assert f"/j/{posting.code}" in get(client, f"/e/{event.code}", lang).get_data(as_text=True)
    posting.status = PublishStatus.closed
    db.session.commit()
    for lang in ("zh", "ug", "en"):
        assert get(client, f"/j/{posting.code}", lang).status_code == 410
        assert f"/j/{posting.code}" not in get(client, "/jobs", lang).get_data(as_text=True)
        assert f"/j/{posting.code}" not in get(client, f"/e/{event.code}", lang).get_data(as_text=True)


def test_an_edit_shows_at_once(client, shop, db):
    posting = shop["posting"]
    assert "Sewing worker" in get(client, f"/j/{posting.code}", "en").get_data(as_text=True)
    assert "Sewing worker" in get(client, "/jobs", "en").get_data(as_text=True)
    next(t for t in posting.translations if t.lang == "en").title = "Tailor"
    db.session.commit()
    assert "Tailor" in get(client, f"/j/{posting.code}", "en").get_data(as_text=True)
    assert "Tailor" in get(client, "/jobs", "en").get_data(as_text=True)
    posting.employer.name_en = "Needle and Thread Ltd"  # an employer's change counts too
    db.session.commit()
    assert "Needle and Thread Ltd" in get(client, "/jobs", "en").get_data(as_text=True)


def test_a_posting_past_its_closing_date_goes_without_any_write(client, shop, db, monkeypatch):
    posting = shop["posting"]
    today = listings.local_today()
    posting.valid_until = today
    db.session.commit()
    assert get(client, f"/j/{posting.code}", "ug").status_code == 200
    assert f"/j/{posting.code}" in get(client, "/jobs", "ug").get_data(as_text=True)
    monkeypatch.setattr(listings, "local_today", lambda: today + timedelta(days=1))
    assert get(client, f"/j/{posting.code}", "ug").status_code == 410
    assert f"/j/{posting.code}" not in get(client, "/jobs", "ug").get_data(as_text=True)
    assert f"/j/{posting.code}" not in get(client, f"/e/{shop['event'].code}", "ug").get_data(as_text=True)


def test_a_kept_page_is_dropped_after_its_time(app, client, shop, renders, monkeypatch):
    import caravan.public.page_cache as page_cache
    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    get(client, "/", "zh")
    get(client, "/", "zh")
    assert renders.count("public/home.html") == 1
    clock[0] += app.config["PUBLIC_PAGE_CACHE_SECONDS"] + 1
    get(client, "/", "zh")
    assert renders.count("public/home.html") == 2


def test_no_one_gets_another_phones_token_or_pass_link(app, shop, build):
    app.config["WTF_CSRF_ENABLED"] = True
    path = f"/j/{shop['posting'].code}"
    first, second = app.test_client(), app.test_client()
    token = lambda client: re.search(r'name="csrf_token" value="([^"]+)"',  # noqa: E731
                                     get(client, path, "zh").get_data(as_text=True)).group(1)
    mine, theirs = token(first), token(second)
    assert mine != theirs and "\x00" not in mine
    # Each token works for its own phone only: the form posts with it.
    assert first.post(f"{path}/interest", data={"csrf_token": mine}).status_code in (302, 303)
    assert second.post(f"{path}/interest", data={"csrf_token": mine}).status_code == 400
    holder = app.test_client()
    holder.set_cookie(PASS_COOKIE, build.attendee().pass_token)
    for client, has_pass in ((holder, True), (app.test_client(), False), (holder, True)):
        home = get(client, "/", "en").get_data(as_text=True)
        assert ('href="/p"' in home or "My pass" in home) is has_pass
        posting = get(client, path, "en").get_data(as_text=True)
        assert ("It will be added to your pass on this phone." in posting) is has_pass


def test_staff_pages_are_never_kept(client, shop, login_as, renders):
    user = login_as("office")
    for _ in range(2):
        page = get(client, "/jobs", "en").get_data(as_text=True)
        assert user.username in page or "Sign out" in page
    assert renders.count("public/jobs.html") == 2
    anonymous = client.application.test_client()
    assert "Sign out" not in get(anonymous, "/jobs", "en").get_data(as_text=True)


def test_the_cache_can_be_turned_off(app, client, shop, renders):
    app.config["PUBLIC_PAGE_CACHE_SECONDS"] = 0
    get(client, "/jobs", "zh")
    get(client, "/jobs", "zh")
    assert renders.count("public/jobs.html") == 2


def test_unknown_codes_are_not_kept(client, renders):
    for _ in range(2):
        assert get(client, "/j/NOSUCH", "zh").status_code == 404
    assert client.application.extensions.get("caravan.page_cache") is None or not any(
        key[1].startswith("/j/NOSUCH") for key in client.application.extensions["caravan.page_cache"]._pages)

