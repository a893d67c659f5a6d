"""The tablet app's own behaviour against the real server: install, offline work across restarts, check-in
at the stall, postings cards and the kiosk, a captive portal's page and a rejected record. Network faults
are simulated around the server with Playwright's routes. The fixtures (county, residents, code, tablet)
are in tests/browser/conftest.py; the end-to-end flows of the sync are in test_field_sync_e2e.py."""
from __future__ import annotations

import io
import json

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import Attendee, CheckIn, Interest, ServiceGiven, Tally
from caravan.services import residents as resident_service
from caravan.services.devices import hash_token
from tests.browser.conftest import PHONE
from tests.browser.field_helpers import (count, device_of, enter_code, fake_camera_args, local_tokens, open_app,
                                         pending, qr_y4m, register, scan_with_camera, store, tab, wait_pending)

RECORD_MODELS = (Attendee, CheckIn, ServiceGiven, Interest, Tally)


def test_manifest_service_worker_and_installable(persistent, live_server):
    context = persistent()
    page = open_app(context, live_server)
    page.evaluate("navigator.serviceWorker.ready")
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest.get("errors") == []
    data = json.loads(manifest["data"])
    assert data["start_url"] == "/field/app" and data["display"] == "standalone" and data["lang"] == "zh"
    assert {i["sizes"] for i in data["icons"]} >= {"192x192", "512x512"}
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    response = page.request.get(live_server + "/sw.js")
    assert response.headers["cache-control"] == "no-cache"
    body = response.text()
    assert "/static/vendor/zxing_reader.wasm" in body and "/field/app/strings.json" in body


def test_offline_cold_start_shows_the_events(tablet, county):
    context, page = tablet(fresh=True)
    page.evaluate("navigator.serviceWorker.ready")
    context.close()
    context, page = tablet(offline=True)
    response = page.reload()
    assert response.from_service_worker
    page.wait_for_selector("body[data-ready=true]")
    page.click("#event-name")
    page.locator("#event-list li").first.wait_for()  # the list is drawn from IndexedDB after the click
    events = page.inner_text("#event-list")
    assert "阿克村巴扎" in events and "托格拉克村" in events
    assert "上周的活动" not in events   # pulled, but past: no longer offered
    assert page.inner_text("#st-net") == "离线"


def test_market_day_pieces_survive_restarts_and_reach_the_server_in_order(
        tablet, county, residents, db, tmp_path, screenshot):
    names = ["古丽娜尔", "Ahmet <b>Tursun</b>"]
    context, page = tablet(fresh=True)
    context.set_offline(True)
    for name in names:
        register(page, name)
    tokens = local_tokens(page)
    assert sorted(tokens) == sorted(names) and all(len(t) == 32 for t in tokens.values())
    assert pending(page) == 4  # an attendee and a check-in each
    context.close()

    # A resident scans their pass at the camera (Chromium's fake capture from a file), in a browser
    # restarted on the same profile, still offline: registration already checked them in.
    y4m = tmp_path / "pass.y4m"
    qr_y4m(f"http://127.0.0.1:5000/p/{tokens[names[0]]}", y4m)
    context, page = tablet(args=fake_camera_args(y4m), offline=True)
    text = scan_with_camera(page)
    assert "已经签到过了" in text and names[0] in text
    context.close()

    context, page = tablet(offline=True)
    enter_code(page, residents[0].pass_token)  # a resident known from the last pull
    page.wait_for_selector("#confirm-box.fa-ok")
    assert "阿依古丽" in page.inner_text("#confirm-box")
    tab(page, "give")
    page.check("#give-jobs input >> nth=0")
    page.check("#give-training input >> nth=1")
    page.check("#give-interest input >> nth=2")
    interest = page.get_attribute("#give-interest input >> nth=2", "value")
    page.click("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('3')")
    tab(page, "tally")
    for kind in ("visitor", "visitor", "job_info"):
        page.click(f"[data-tally={kind}]")
    page.wait_for_selector("[data-count=visitor]:has-text('2')")
    made = 4 + 1 + 3 + 3
    wait_pending(page, made)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    wait_pending(page, made)
    screenshot(page, "field-offline-pending")
    context.close()

    context, page = tablet(offline=True)
    wait_pending(page, made)
    assert sum(count(db, model) for model in RECORD_MODELS) == 2   # the two residents registered earlier
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page, 0)
    device = device_of(db)
    mine = {model: db.session.scalars(select(model).where(model.device_id == device.id)).all()
            for model in RECORD_MODELS}
    assert sorted(a.name for a in mine[Attendee]) == sorted(names)
    assert sorted(c.method.value for c in mine[CheckIn]) == ["manual", "register", "register"]
    assert {c.attendee_id for c in mine[CheckIn] if c.method.value == "manual"} == {residents[0].id}
    assert sorted(s.kind.value for s in mine[ServiceGiven]) == ["job_info", "training_info"]
    assert [i.posting_id for i in mine[Interest]] == [interest]
    assert interest in {p.id for p in county["postings"]}
    assert sorted(t.kind.value for t in mine[Tally]) == ["job_info", "visitor", "visitor"]
    seqs = sorted(row.device_seq for rows in mine.values() for row in rows)
    assert seqs == list(range(1, made + 1))
    page.wait_for_selector(f"#st-receipt:has-text('{made}')")
    assert "✓" in page.inner_text("#st-receipt")


def test_second_checkin_while_unsent_and_bad_codes(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    for expected in ("fa-ok", "fa-again"):
        enter_code(page, f"http://127.0.0.1:5000/p/{residents[1].pass_token}")
        page.wait_for_selector(f"#confirm-box.{expected}:has-text('买买提')")
    for code, message in (("hello", "这不是就业大篷车的就业卡"), ("Z" * 32, "未知的就业卡"),
                          ("http://127.0.0.1:5000/j/ABC234", "这不是就业大篷车的就业卡")):
        enter_code(page, code)
        page.wait_for_selector(f"#confirm-box.fa-bad:has-text('{message}')")
    assert [r["type"] for r in store(page, "outbox")] == ["checkin"]
    context.set_offline(False)
    page.click("#sync-now")
    wait_pending(page, 0)
    assert count(db, CheckIn, attendee_id=residents[1].id) == 1


def test_a_code_typed_while_the_last_is_handled_is_kept(tablet, county):
    """The handler clears the field when it is done: a code typed meanwhile is the next one, not this one."""
    context, page = tablet(fresh=True)
    page.evaluate("""() => {
        const form = document.querySelector('#manual-form');
        form.elements.code.value = 'hello';
        form.requestSubmit();              // handled up to its first wait: the 'not a pass' screen
        form.elements.code.value = 'NEXT';  // typed while it is still being handled
    }""")
    page.wait_for_selector("#confirm-box.fa-bad")
    expect(page.locator("#manual-form button")).to_be_enabled()
    expect(page.locator("#manual-form [name=code]")).to_have_value("NEXT")


def test_name_search_checks_in(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    tab(page, "scan")
    page.fill("#name-search", "买买")
    expect(page.locator("#search-results button")).to_have_count(1)
    page.click("#search-results button")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('买买提')")
    wait_pending(page, 0)
    assert count(db, CheckIn, attendee_id=residents[1].id, method="manual") == 1


def test_captive_portal_page_is_not_success(tablet, county, db):
    context, page = tablet(fresh=True)
    portal = {"on": True, "answered": 0}

    def captive_portal(route):
        if not portal["on"]:
            return route.continue_()
        portal["answered"] += 1   # the portal answers in the server's place: the request never gets there
        route.fulfill(status=200, content_type="text/html", body="<html>Welcome to WiFi</html>")

    context.route("**/api/sync/v1/**", captive_portal)
    tab(page, "tally")
    page.click("[data-tally=visitor]")   # saved, and a sync starts at once
    page.wait_for_selector("#st-message.fa-warn:has-text('服务器没有响应')")  # not our API: the server does not answer
    assert portal["answered"] >= 1 and pending(page) == 1 and count(db, Tally) == 0
    portal["on"] = False
    page.click("#sync-now")
    wait_pending(page, 0)
    assert count(db, Tally) == 1
    expect(page.locator("#st-message")).to_be_empty()


def test_checkin_of_a_resident_erased_meanwhile_goes_to_problems(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    enter_code(page, residents[0].pass_token)
    page.wait_for_selector("#confirm-box.fa-ok")
    resident_service.erase(residents[0])   # the office erases the resident at their request
    db.session.commit()
    context.set_offline(False)
    page.click("#sync-now")
    page.wait_for_selector("#st-problems:not([hidden])")
    assert pending(page) == 0 and count(db, CheckIn) == 0
    problems = store(page, "problems")
    assert [(p["type"], p["state"], p["reason"]) for p in problems] == [
        ("checkin", "rejected", "attendee_erased:attendee_id")]
    page.click("#st-problems")
    expect(page.locator("#problem-list li")).to_contain_text("该居民的信息已应其本人要求删除")  # the reason in words


@pytest.mark.parametrize("lang, title", [("zh", "缝纫工"), ("ug", "تىككۈچى"), ("en", "Sewing machine operator")])
def test_cards_kiosk_and_screens_offline_in_three_languages(tablet, county, screenshot, lang, title):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    page.click(f".fa-bar [data-lang={lang}]")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ug" else "ltr")
    screenshot(page, f"field-checkin-{lang}")
    tab(page, "register")
    page.fill("#register-form [name=name]", "Test")
    screenshot(page, f"field-register-{lang}")
    page.check("#register-form [name=consent]")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    screenshot(page, f"field-pass-{lang}")
    page.click("#pass-done")
    tab(page, "give")
    screenshot(page, f"field-give-{lang}")
    tab(page, "tally")
    screenshot(page, f"field-tally-{lang}")
    tab(page, "postings")
    expect(page.locator(".fa-card")).to_have_count(3)
    assert title in page.inner_text("#cards")
    openings = page.inner_text(".fa-card .fa-openings >> nth=0")   # "label: value" in the language's way
    status = page.inner_text("#status")   # the status bar's "unsent: 2" too
    for text in (openings, status):
        assert ("：" in text and ": " not in text) if lang == "zh" else (": " in text and "：" not in text)
    screenshot(page, f"field-postings-{lang}")
    page.select_option("#f-sector", "agriculture")
    expect(page.locator(".fa-card")).to_have_count(1)
    page.select_option("#f-sector", "")
    page.select_option("#f-wage", "month:5000")   # the highest monthly floor: only the forklift driver
    expect(page.locator(".fa-card")).to_have_count(1)
    page.select_option("#f-wage", "")
    page.select_option("#f-place", county["villages"][1].id)
    expect(page.locator(".fa-card")).to_have_count(1)
    page.select_option("#f-place", "")
    page.click("#kiosk-open")
    page.wait_for_selector("#kiosk:not([hidden]) .fa-card-big")
    assert page.locator(".fa-kiosk-qr").count() == 1
    screenshot(page, f"field-kiosk-{lang}")
    first = page.inner_text(".fa-card-big h3")
    page.click("#kiosk-card")
    expect(page.locator(".fa-card-big h3")).not_to_have_text(first)
    page.click("[data-kiosk-lang=ug]")
    assert page.get_attribute("#kiosk-card", "dir") == "rtl"
    page.click("#kiosk-exit")
    assert page.get_attribute("html", "lang") == lang  # the staff's language is unchanged


def test_kiosk_qr_reads_back_as_the_posting_url(tablet, county, app):
    context, page = tablet(fresh=True)
    tab(page, "postings")
    page.click("#kiosk-open")
    page.wait_for_selector(".fa-kiosk-qr")
    png = page.locator(".fa-kiosk-qr").screenshot()
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    urls = {f"{app.config['PUBLIC_BASE_URL']}/j/{p.code}" for p in county["postings"]}
    assert decoded and decoded[0].text in urls


def test_enrollment_code_scanned_from_the_camera(persistent, live_server, code, db, tmp_path):
    text = code()
    y4m = tmp_path / "code.y4m"
    qr_y4m(text, y4m)
    context = persistent(args=fake_camera_args(y4m))
    page = open_app(context, live_server)
    page.click("#enroll-scan")
    expect(page.locator("#enroll-form [name=code]")).to_have_value(text, timeout=20_000)
    page.fill("#enroll-form [name=name]", "平板 2")
    page.click("#enroll-form button[type=submit]")
    page.wait_for_selector("#event-list button")
    device = page.evaluate("async () => (await import('/static/js/field/db.js')).getMeta('device')")
    stored = device_of(db)
    assert stored.name == "平板 2" and hash_token(device["token"]) == stored.token_hash
    # The token lives in IndexedDB only: not in localStorage, not in a cookie.
    assert page.evaluate("() => localStorage.length") == 0
    assert device["token"] not in str(context.cookies())


def test_phone_layout(tablet, county, screenshot):
    context, page = tablet(fresh=True, viewport=PHONE)
    screenshot(page, "field-checkin-phone-zh")
    # Before the camera runs, the typed pass code is within the first screen, not below an empty video box.
    code = page.locator("#manual-form [name=code]").bounding_box()
    assert code["y"] + code["height"] <= PHONE["height"]
    expect(page.locator("#scan-video")).to_be_hidden()
    tab(page, "postings")
    expect(page.locator(".fa-card")).to_have_count(3)
    screenshot(page, "field-postings-phone-zh")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing sticks out sideways


def test_phone_scans_with_the_camera_it_shows_once_started(tablet, county, residents, tmp_path):
    """On a phone the video box is hidden until the camera runs; started, it shows and reads a pass."""
    y4m = tmp_path / "pass.y4m"
    qr_y4m(f"http://127.0.0.1:5000/p/{residents[1].pass_token}", y4m)
    context, page = tablet(args=fake_camera_args(y4m), fresh=True, viewport=PHONE)
    tab(page, "scan")
    page.click("#scan-start")
    # The camera starts (slowly on a loaded machine) and reads the pass: the person is named on screen.
    page.wait_for_selector("#confirm-box:has-text('买买提')", timeout=20_000)
    expect(page.locator("#scan-video")).to_be_visible()
    page.click("#scan-stop")
    expect(page.locator("#scan-video")).to_be_hidden()


def test_two_scans_at_once_check_in_once(tablet, county):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    results = page.evaluate("""async () => {
        const { addCheckin } = await import('/static/js/field/outbox.js');
        const attendee = crypto.randomUUID(), event = crypto.randomUUID();
        const made = await Promise.all([1, 2, 3].map(() => addCheckin(event, attendee, 'scan')));
        return made.map((r) => r !== null);
    }""")
    assert sorted(results) == [False, False, True]
    assert [r["type"] for r in store(page, "outbox")] == ["checkin"]
