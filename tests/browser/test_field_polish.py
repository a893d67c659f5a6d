"""What a first user of the tablet app met: times in the device's zone instead of the county's, a phone
screen that scrolled sideways, server messages in the browser's language, a red error for being offline,
the consent checkbox under its label, and a consent text shorter than the resident web page's."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from flask_babel import force_locale, gettext
from playwright.sync_api import expect
from sqlalchemy import select

from caravan.field.strings import STRINGS
from caravan.models import Attendee, CheckIn
from caravan.services.sync.enroll import new_enrollment_code
from tests.browser.conftest import PHONE, TABLET
from tests.browser.field_helpers import (count, enroll, open_app, pick_event, register, sync_and_wait, tab,
                                         wait_pending)

# The tablet's clock in the first test: 20:00 UTC is already 02:00 of the next day in the county
# (BABEL_DEFAULT_TIMEZONE Asia/Urumqi, UTC+6).
NOW = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)


@pytest.fixture
def county_of_three_days(build, db):
    """A county with a bazaar on each of three days, 11:00-18:00 county time; returns an enrollment code."""
    for day, place in ((28, "昨天巴扎"), (29, "今天巴扎"), (30, "明天巴扎")):
        event = build.event(place_zh=place)
        event.starts_at = datetime(2026, 11, day, 5, 0, tzinfo=UTC)
        event.ends_at = datetime(2026, 11, day, 12, 0, tzinfo=UTC)
    db.session.commit()
    _, text = new_enrollment_code(build.county())
    db.session.commit()
    return text


@pytest.mark.parametrize("device_zone", ["UTC", "Asia/Shanghai", "America/Los_Angeles"])
def test_event_times_and_today_follow_the_county(persistent, live_server, county_of_three_days, screenshot,
                                                 device_zone):
    context = persistent(timezone_id=device_zone)
    context.clock.set_fixed_time(NOW)
    page = open_app(context, live_server)
    enroll(page, code=county_of_three_days)
    items = page.locator("#event-list button")
    expect(items).to_have_count(2)  # the county's yesterday is over, whatever the tablet's date
    today, tomorrow = items.nth(0), items.nth(1)
    assert "今天巴扎" in today.inner_text() and "明天巴扎" in tomorrow.inner_text()
    expect(today.locator(".fa-today")).to_have_count(1)
    expect(tomorrow.locator(".fa-today")).to_have_count(0)
    assert today.locator("bdi").inner_text() == "11-29 11:00"
    assert tomorrow.locator("bdi").inner_text() == "11-30 11:00"
    sync_and_wait(page)
    assert page.locator("#st-last").inner_text() == "11-29 02:00"
    page.click("[data-lang=ug]")
    expect(today.locator("bdi")).to_have_text("11-29 11:00")
    assert today.locator("bdi").get_attribute("dir") == "ltr"
    assert page.locator("#st-last bdi").inner_text() == "11-29 02:00"
    screenshot(page, f"field-polish-events-tablet-ug-{device_zone.replace('/', '-')}")
    today.click()
    expect(page.locator("#event-name bdi")).to_have_text("11-29 11:00")


def assert_fits(page, where: str) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{where}: page is {width}px wide"


def assert_on_screen(page, selector: str) -> None:
    for box in (page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())):
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, selector
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] + 0.5, selector


def test_every_screen_fits_a_phone_in_three_languages(persistent, live_server, code, screenshot):
    context = persistent(viewport=PHONE)
    page = open_app(context, live_server)
    for lang in ("zh", "ug", "en"):
        page.click(f".fa-bar [data-lang={lang}]")
        assert_fits(page, f"enroll {lang}")
    page.click(".fa-bar [data-lang=zh]")
    enroll(page, code=code())
    for lang in ("zh", "ug", "en"):
        page.click(f".fa-bar [data-lang={lang}]")
        if lang != "zh":
            page.click("#event-name")
        page.wait_for_selector("#events:not([hidden])")
        assert_fits(page, f"events {lang}")
        screenshot(page, f"field-polish-events-phone-{lang}")
        pick_event(page)
        assert_on_screen(page, "[data-tab]:not([hidden])")  # every tab shown is reachable without sideways scrolling
        for name in ("scan", "register", "give", "tally", "postings"):
            tab(page, name)
            assert_fits(page, f"{name} {lang}")
            screenshot(page, f"field-polish-{name}-phone-{lang}")
        page.click("#kiosk-open")
        page.wait_for_selector("#kiosk:not([hidden])")
        assert_fits(page, f"kiosk {lang}")
        assert_on_screen(page, "#kiosk-langs button")
        assert_on_screen(page, "#kiosk-exit")
        screenshot(page, f"field-polish-kiosk-phone-{lang}")
        page.click("#kiosk-langs [data-kiosk-lang=ug]")
        assert_fits(page, f"kiosk {lang} showing ug")
        page.click("#kiosk-exit")
        page.wait_for_selector("#kiosk", state="hidden")


def test_server_messages_come_in_the_apps_language(persistent, live_server, app):
    context = persistent(locale="zh-CN")
    page = open_app(context, live_server)
    sent = []
    page.on("request", lambda r: sent.append(r.headers.get("accept-language")) if "/api/sync/v1/" in r.url else None)
    for lang in ("en", "ug", "zh"):
        page.click(f".fa-bar [data-lang={lang}]")
        enroll(page, code="NOSUCHCODE", wait=False)
        with app.test_request_context(), force_locale(lang):
            expected = gettext("This enrollment code is not valid. Check it and try again.")
        expect(page.locator("#enroll-error")).to_have_text(expected)
    assert sent == ["en", "ug", "zh"]


def status(page) -> tuple[str, str]:
    return page.locator("#st-message").inner_text(), page.locator("#st-message").get_attribute("class")


def test_offline_is_a_calm_state_and_server_errors_stay_red(tablet, server, db):
    context, page = tablet(fresh=True)
    register(page, "古丽")
    wait_pending(page, 0)
    expect(page.locator("#st-receipt")).to_contain_text("✓")
    calm = "离线 — 记录已安全保存在本平板上，网络恢复后会自动发送。"

    context.set_offline(True)                    # the browser knows it is offline
    register(page, "王芳")
    wait_pending(page, 2)
    sync_and_wait(page)
    page.wait_for_selector("body[data-sync=offline]", state="attached")
    assert status(page) == (calm, "fa-message fa-calm")
    assert page.locator("#st-pending").inner_text() == "2"

    # Online as far as the browser knows, yet nothing answers: the server is down. It goes down before
    # the browser comes back online, whose "online" event starts a sync at once.
    server.stop()
    context.set_offline(False)
    sync_and_wait(page)
    page.wait_for_selector("body[data-sync=offline]", state="attached")
    assert status(page) == (calm, "fa-message fa-calm")
    assert "同步失败" not in page.inner_text("#status")

    # A server that answers with an error is not offline: "the server does not answer", in red, with the
    # next try. The failing route is in place before the server is back, so that no sync (the back-off
    # timer's) reaches the server in between.
    context.route("**/api/sync/v1/push", lambda route: route.fulfill(
        status=500, content_type="application/json", body='{"error": "failure"}'))
    server.start()
    sync_and_wait(page)
    page.wait_for_selector("body[data-sync=no-answer]", state="attached")
    text, kind = status(page)
    assert "服务器没有响应" in text and "fa-warn" in kind and re.search(r"\d\d-\d\d \d\d:\d\d", text)
    assert page.locator("#st-net").inner_text() == "服务器无响应"
    assert page.locator("#st-pending").inner_text() == "2"
    assert count(db, Attendee) == 1

    # The server works again: both records of the tablet arrive, once each.
    context.unroute("**/api/sync/v1/push")
    page.click("#sync-now")
    wait_pending(page, 0)
    page.wait_for_selector("body[data-sync=ok]", state="attached")
    assert sorted(db.session.scalars(select(Attendee.name))) == sorted(["古丽", "王芳"])
    assert count(db, CheckIn) == 2


@pytest.mark.parametrize("lang", ["zh", "ug", "en"])
def test_consent_checkbox_sits_beside_its_label(tablet, screenshot, lang):
    _, page = tablet(fresh=True, viewport=TABLET)
    page.click(f".fa-bar [data-lang={lang}]")
    tab(page, "register")
    screenshot(page, f"field-polish-register-tablet-{lang}")
    box = page.locator("#register-form [name=consent]").bounding_box()
    text = page.locator("#register-form .fa-check span").bounding_box()
    middle = box["y"] + box["height"] / 2
    assert text["y"] <= middle <= text["y"] + text["height"]  # on the same line, not above it
    if lang == "ug":
        assert box["x"] >= text["x"] + text["width"] - 1    # the checkbox comes first, at the right
    else:
        assert box["x"] + box["width"] <= text["x"] + 1


class Paragraphs(HTMLParser):
    """The text of each <p> inside <div class="consent">."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.inside_p = False
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "consent") in attrs:
            self.depth = 1
        elif tag == "div" and self.depth:
            self.depth += 1
        elif tag == "p" and self.depth:
            self.inside_p = True
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag == "p":
            self.inside_p = False

    def handle_data(self, data):
        if self.inside_p:
            self.found[-1] += data


def resident_consent(client, lang: str) -> list[str]:
    client.set_cookie("lang", lang)
    parser = Paragraphs()
    parser.feed(client.get("/register").get_data(as_text=True))
    return [" ".join(p.split()) for p in parser.found]


@pytest.mark.parametrize("lang", ["zh", "ug", "en"])
def test_tablet_shows_the_resident_consent_text(tablet, client, app, lang):
    on_the_web = resident_consent(client, lang)
    assert len(on_the_web) == 4 and app.config["CONSENT_VERSION"] in on_the_web[-1]
    catalog = client.get("/field/app/strings.json").get_json()[lang]
    assert [catalog[k] for k in ("consent_p1", "consent_p2", "consent_p3")] == on_the_web[:3]
    assert "consent_text" not in STRINGS  # the shorter tablet-only text is gone
    _, page = tablet(fresh=True)
    tab(page, "register")
    page.click(f"[data-consent-lang={lang}]")
    shown = [" ".join(t.split()) for t in page.locator("#consent-text p").all_inner_texts()]
    assert shown == on_the_web
