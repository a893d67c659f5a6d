"""The tablet app against a stand-in of the sync API (tests/browser/fake_sync.py): install, offline
work, the outbox and the sync loop's handling of errors. The same flows against the real API are in
test_field_sync_e2e.py."""
from __future__ import annotations

import io
import json

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from tests.browser.fake_sync import PASS_TOKENS, FakeSync
from tests.browser.field_helpers import (enroll, fake_camera_args, local_tokens, open_app, pending, pick_event,
                                         qr_y4m, register, scan_with_camera, store, sync_and_wait, tab,
                                         wait_pending)

NAMES = ["古丽娜尔", "Ahmet <b>Tursun</b>", "王芳", "ئابدۇللا", "李明"]


@pytest.fixture
def fake():
    return FakeSync()


@pytest.fixture
def tablet(persistent, live_server, fake):
    """A started tablet: persistent profile, stand-in API, enrolled, today's event open."""
    def start(args=(), offline=False, fresh=True):
        context = persistent(args=args)
        fake.install(context)
        fake.set_offline(context, offline)
        page = open_app(context, live_server)
        if fresh:
            enroll(page)
            pick_event(page)
        else:
            page.wait_for_selector("#work:not([hidden])")
        return context, page
    return start


def test_manifest_service_worker_and_installable(persistent, live_server, fake):
    context = persistent()
    fake.install(context)
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


def test_offline_cold_start_shows_the_events(tablet, fake):
    context, page = tablet()
    page.evaluate("navigator.serviceWorker.ready")
    context.close()
    context, page = tablet(offline=True, fresh=False)
    response = page.reload()
    assert response.from_service_worker
    page.wait_for_selector("body[data-ready=true]")
    page.click("#event-name")
    assert "阿克村巴扎" in page.inner_text("#event-list")
    assert "上周的活动" not in page.inner_text("#event-list")
    assert page.inner_text("#st-net") == "离线"


def test_market_day_offline_then_sync(tablet, fake, tmp_path, screenshot):
    context, page = tablet()
    fake.set_offline(context, True)
    for name in NAMES:
        register(page, name)
    tokens = local_tokens(page)
    assert sorted(tokens) == sorted(NAMES) and all(len(t) == 32 for t in tokens.values())
    assert pending(page) == 10  # an attendee and a check-in each
    context.close()

    # Three residents scan their pass QR at the camera (Chromium's fake capture from a file), each in a
    # browser restarted on the same profile, still offline.
    for name in NAMES[:3]:
        y4m = tmp_path / "pass.y4m"
        qr_y4m(f"http://127.0.0.1:5000/p/{tokens[name]}", y4m)
        context, page = tablet(args=fake_camera_args(y4m), offline=True, fresh=False)
        text = scan_with_camera(page)
        # Registration already checked them in: the scan says so, from the unsent queue.
        assert "已经签到过了" in text and name in text
        context.close()

    context, page = tablet(offline=True, fresh=False)
    manual = page.locator("#manual-form [name=code]")
    manual.fill(PASS_TOKENS[0])  # a resident known from the last pull
    page.click("#manual-form button")
    page.wait_for_selector("#confirm-box.fa-ok")
    assert "阿依古丽" in page.inner_text("#confirm-box")
    tab(page, "give")
    page.check("#give-jobs input >> nth=0")
    page.check("#give-training input >> nth=1")
    page.check("#give-interest input >> nth=2")
    page.click("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('3')")
    tab(page, "tally")
    for kind in ("visitor", "visitor", "job_info"):
        page.click(f"[data-tally={kind}]")
    page.wait_for_selector("[data-count=visitor]:has-text('2')")
    made = 10 + 1 + 3 + 3
    wait_pending(page, made)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    wait_pending(page, made)
    screenshot(page, "field-offline-pending")
    context.close()

    context, page = tablet(offline=True, fresh=False)
    wait_pending(page, made)
    assert fake.records == {}
    fake.set_offline(context, False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page, 0)
    assert len(fake.records) == made
    assert sorted(r["data"]["name"] for r in fake.of_type("attendee")) == sorted(NAMES)
    assert len(fake.of_type("checkin")) == 6 and len(fake.of_type("tally")) == 3
    assert [r["data"]["kind"] for r in fake.of_type("service")].count("job_info") == 1
    seqs = sorted(r["seq"] for r in fake.records.values())
    assert seqs == list(range(1, made + 1))
    page.wait_for_selector(f"#st-receipt:has-text('{made}')")
    assert "✓" in page.inner_text("#st-receipt")


def test_second_checkin_while_unsent_and_bad_codes(tablet, fake):
    context, page = tablet()
    fake.set_offline(context, True)
    for expected in ("fa-ok", "fa-again"):
        page.fill("#manual-form [name=code]", f"http://127.0.0.1:5000/p/{PASS_TOKENS[1]}")
        page.click("#manual-form button")
        page.wait_for_selector(f"#confirm-box.{expected}")
    for code, message in (("hello", "这不是就业大篷车的就业卡"), ("Z" * 32, "未知的就业卡"),
                          ("http://127.0.0.1:5000/j/ABC234", "这不是就业大篷车的就业卡")):
        page.fill("#manual-form [name=code]", code)
        page.click("#manual-form button")
        page.wait_for_selector(f"#confirm-box.fa-bad:has-text('{message}')")
    assert [r["type"] for r in store(page, "outbox")] == ["checkin"]


def test_name_search_checks_in(tablet):
    context, page = tablet()
    tab(page, "scan")
    page.fill("#name-search", "买买")
    page.click("#search-results button")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('买买提')")


def test_server_error_in_the_middle_is_retried(tablet, fake):
    context, page = tablet()
    fake.set_offline(context, True)
    for i in range(6):
        page.click("[data-tab=tally]")
        page.click("[data-tally=visitor]")
    wait_pending(page, 6)
    fake.max_batch = 4        # 413 until the tablet halves its batch to 3
    fake.fail = [None, 500]   # the first batch goes through, the second meets a server error
    fake.set_offline(context, False)
    sync_and_wait(page)
    assert pending(page) == 3 and len(fake.records) == 3
    assert "同步失败" in page.inner_text("#st-message")
    page.click("#sync-now")
    wait_pending(page, 0)
    assert len(fake.records) == 6


def test_lost_answer_gives_no_duplicate(tablet, fake):
    context, page = tablet()
    page.click("[data-tab=tally]")
    fake.fail = ["lose", "lose"]
    page.click("[data-tally=visitor]")
    page.click("[data-tally=job_info]")
    wait_pending(page, 2)
    page.click("#sync-now")
    page.wait_for_selector("#sync-now:not([disabled])")
    page.click("#sync-now")
    wait_pending(page, 0)
    pushed = [i for batch in fake.pushes for i in batch]
    assert len(pushed) > len(set(pushed)) == 2   # sent again after the lost answer...
    assert len(fake.records) == 2                # ...and held once
    assert len(store(page, "sent")) == 2


def test_captive_portal_page_is_not_success(tablet, fake):
    context, page = tablet()
    fake.fail = ["portal"]
    page.click("[data-tab=tally]")
    page.click("[data-tally=visitor]")
    sync_and_wait(page)
    assert pending(page) == 1
    page.click("#sync-now")
    wait_pending(page, 0)


def test_401_keeps_the_queue_until_enrolled_again(tablet, fake):
    context, page = tablet()
    fake.set_offline(context, True)
    page.click("[data-tab=tally]")
    page.click("[data-tally=policy_advice]")
    page.evaluate("""async () => { const db = await import('/static/js/field/db.js');
        const d = await db.getMeta('device'); await db.setMeta('device', {...d, token: 'stale'}); }""")
    fake.set_offline(context, False)
    sync_and_wait(page)
    assert pending(page) == 1 and fake.records == {}
    page.wait_for_selector("#st-message:has-text('重新注册')")
    page.click("#reenroll")
    enroll(page, wait=False)
    wait_pending(page, 0)
    assert len(fake.of_type("tally")) == 1


def test_revoked_tablet_keeps_its_records(tablet, fake):
    context, page = tablet()
    fake.set_offline(context, True)
    page.click("[data-tab=tally]")
    page.click("[data-tally=visitor]")
    fake.fail = [403]
    fake.set_offline(context, False)
    sync_and_wait(page)
    page.wait_for_selector("#st-message:has-text('停用')")
    page.reload()
    page.wait_for_selector("#st-message:has-text('停用')")
    assert pending(page) == 1
    with page.expect_download() as download:
        page.click("#export")
    with open(download.value.path(), encoding="utf-8") as fh:
        exported = json.load(fh)
    assert exported["format"] == "caravan-outbox" and exported["version"] == 1
    assert exported["device_id"] == "dev-1" and len(exported["records"]) == 1
    assert set(exported["records"][0]) >= {"type", "id", "seq", "at", "data"}


def test_checkin_of_attendee_unknown_to_server_is_held_then_applied(tablet, fake):
    context, page = tablet()
    other = next(c for c in fake.changes if c["type"] == "attendee")
    fake.known_attendees.discard(other["id"])  # registered on another tablet that has not synced yet
    page.fill("#manual-form [name=code]", PASS_TOKENS[0])
    page.click("#manual-form button")
    page.wait_for_selector("#st-held-wrap:not([hidden])")
    assert store(page, "outbox")[0]["state"] == "held"
    fake.known_attendees.add(other["id"])  # the other tablet syncs
    fake.apply([])
    page.click("#sync-now")
    wait_pending(page, 0)
    assert len(fake.of_type("checkin")) == 1


def test_rejected_record_goes_to_problems(tablet, fake):
    context, page = tablet()
    original = fake._one
    fake._one = lambda r: "rejected" if r["type"] == "tally" else original(r)
    page.click("[data-tab=tally]")
    page.click("[data-tally=visitor]")
    page.wait_for_selector("#st-problems:not([hidden])")
    assert pending(page) == 0 and len(store(page, "problems")) == 1


@pytest.mark.parametrize("lang, title", [("zh", "缝纫工"), ("ug", "تىككۈچى"), ("en", "Sewing machine operator")])
def test_cards_kiosk_and_screens_offline_in_three_languages(tablet, fake, screenshot, lang, title):
    context, page = tablet()
    fake.set_offline(context, True)
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
    screenshot(page, f"field-postings-{lang}")
    page.select_option("#f-sector", "agriculture")
    expect(page.locator(".fa-card")).to_have_count(1)
    page.select_option("#f-sector", "")
    page.select_option("#f-wage", index=3)   # the highest monthly floor: only the forklift driver
    expect(page.locator(".fa-card")).to_have_count(1)
    page.select_option("#f-wage", "")
    page.select_option("#f-place", index=2)
    expect(page.locator(".fa-card")).to_have_count(1)
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


def test_kiosk_qr_reads_back_as_the_posting_url(tablet, fake):
    context, page = tablet()
    tab(page, "postings")
    page.click("#kiosk-open")
    page.wait_for_selector(".fa-kiosk-qr")
    png = page.locator(".fa-kiosk-qr").screenshot()
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    urls = {c["data"]["url"] for c in fake.changes if c["type"] == "posting"}
    assert decoded and decoded[0].text in urls


def test_enrollment_code_scanned_from_the_camera(persistent, live_server, fake, tmp_path):
    y4m = tmp_path / "code.y4m"
    qr_y4m("ENROLL1", y4m)
    context = persistent(args=fake_camera_args(y4m))
    fake.install(context)
    page = open_app(context, live_server)
    page.click("#enroll-scan")
    expect(page.locator("#enroll-form [name=code]")).to_have_value("ENROLL1", timeout=20_000)
    page.fill("#enroll-form [name=name]", "平板 2")
    page.click("#enroll-form button[type=submit]")
    page.wait_for_selector("#event-list button")
    device = page.evaluate("async () => (await import('/static/js/field/db.js')).getMeta('device')")
    assert device["token"] == "device-token-for-tests"
    # The token lives in IndexedDB only: not in localStorage, not in a cookie.
    assert page.evaluate("() => localStorage.length") == 0
    assert "device-token" not in str(context.cookies())


def test_phone_layout(persistent, live_server, fake, screenshot):
    from tests.browser.conftest import PHONE
    context = persistent(viewport=PHONE)
    fake.install(context)
    page = open_app(context, live_server)
    enroll(page)
    pick_event(page)
    screenshot(page, "field-checkin-phone-zh")
    tab(page, "postings")
    expect(page.locator(".fa-card")).to_have_count(3)
    screenshot(page, "field-postings-phone-zh")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing sticks out sideways


def test_two_scans_at_once_check_in_once(tablet, fake):
    context, page = tablet()
    fake.set_offline(context, True)
    results = page.evaluate("""async () => {
        const { addCheckin } = await import('/static/js/field/outbox.js');
        const attendee = crypto.randomUUID(), event = crypto.randomUUID();
        const made = await Promise.all([1, 2, 3].map(() => addCheckin(event, attendee, 'scan')));
        return made.map((r) => r !== null);
    }""")
    assert sorted(results) == [False, False, True]
    assert [r["type"] for r in store(page, "outbox")] == ["checkin"]
