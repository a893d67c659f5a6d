"""The tablet app against the real sync API: a market day offline, then every record on the server once;
and the failures in between (a repeated batch, a server error, a lost answer, 401, 403, a held record).
The fixtures (county, code, tablet) are in tests/browser/conftest.py."""
from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import Attendee, CheckIn, Interest, ServiceGiven, Tally
from caravan.models.base import utcnow
from tests.browser.field_helpers import (count, device_of, enroll, enter_code, fake_camera_args, local_tokens,
                                         open_app, pending, pick_event, qr_y4m, register, scan_with_camera, store,
                                         sync_and_wait, tab, wait_pending)

NAMES = ["古丽娜尔", "Ahmet <b>Tursun</b>", "王芳", "ئابدۇللا", "李明"]


def test_market_day_offline_then_the_server_holds_each_record_once(tablet, county, db, tmp_path, screenshot):
    context, page = tablet(fresh=True)
    assert page.locator("#event-name").inner_text().find("阿克村巴扎") >= 0
    context.set_offline(True)
    for name in NAMES:
        register(page, name)
    tab(page, "give")   # for the last one registered
    page.check("#give-jobs input >> nth=0")
    page.check("#give-training input >> nth=1")
    page.check("#give-interest input >> nth=1")
    page.click("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('3')")
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    page.click("[data-tally=policy_advice]")
    tokens = local_tokens(page)
    page.click("#event-name")
    pick_event(page, 1)   # the afternoon event: people check in again there
    context.close()

    for name in NAMES[:3]:   # three scan their pass at the camera, in a restarted browser, offline
        y4m = tmp_path / "pass.y4m"
        qr_y4m(f"http://127.0.0.1:5000/p/{tokens[name]}", y4m)
        context, page = tablet(args=fake_camera_args(y4m), offline=True)
        text = scan_with_camera(page)
        assert "签到成功" in text and name in text
        assert "已经签到过了" in scan_with_camera(page)  # the same pass again, its check-in unsent
        context.close()

    made = 10 + 3 + 2 + 3
    context, page = tablet(offline=True)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    wait_pending(page, made)
    assert count(db, Attendee) == 0
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page, 0)
    device = device_of(db)
    assert sorted(db.session.scalars(select(Attendee.name).where(Attendee.device_id == device.id))) == sorted(NAMES)
    morning, afternoon = (e.id for e in county["events"])
    assert count(db, CheckIn, event_id=morning, method="register") == 5
    assert count(db, CheckIn, event_id=afternoon, method="scan") == 3
    assert count(db, ServiceGiven) == 2 and count(db, Interest) == 1 and count(db, Tally) == 2
    assert count(db, CheckIn) + count(db, ServiceGiven) + count(db, Interest) + count(db, Tally) \
        + count(db, Attendee) == made
    page.wait_for_selector(f"#st-receipt:has-text('{made}')")
    assert "✓" in page.inner_text("#st-receipt")
    screenshot(page, "field-after-sync")
    # The pass token made on the tablet is the one the server keeps.
    name = NAMES[1]
    stored = db.session.scalars(select(Attendee).where(Attendee.name == name)).one()
    assert stored.pass_token == tokens[name]


def test_the_same_batch_twice_changes_nothing(tablet, county, db, live_server):
    context, page = tablet(fresh=True)
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    register(page, "Gulnar")
    wait_pending(page, 0)
    records = [{k: r[k] for k in ("type", "id", "seq", "at", "data")} for r in store(page, "sent")]
    token = page.evaluate("async () => (await (await import('/static/js/field/db.js')).getMeta('device')).token")
    before = [count(db, m) for m in (Attendee, CheckIn, Tally)]
    for _ in range(2):
        answer = page.request.post(live_server + "/api/sync/v1/push", data={"records": records},
                                   headers={"Authorization": f"Bearer {token}"})
        assert {r["status"] for r in answer.json()["results"]} == {"duplicate"}
        assert answer.json()["receipt"]["device_records"] == 3
    assert [count(db, m) for m in (Attendee, CheckIn, Tally)] == before == [1, 1, 1]


def test_server_error_in_the_middle_of_the_push_loses_nothing(tablet, county, db):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    tab(page, "tally")
    for _ in range(6):
        page.click("[data-tally=job_info]")
    wait_pending(page, 6)
    calls = []

    def flaky(route):
        size = len(route.request.post_data_json["records"])
        calls.append(size)
        if size > 3:
            return route.fulfill(status=413, body="too large")   # the tablet halves its batch
        if len(calls) == 3:
            return route.fulfill(status=500, body="boom")        # the second batch of three fails
        return route.continue_()

    context.route("**/api/sync/v1/push", flaky)
    context.set_offline(False)
    sync_and_wait(page)
    wait_pending(page, 3)
    assert count(db, Tally) == 3
    page.click("#sync-now")
    wait_pending(page, 0)
    assert count(db, Tally) == 6 and calls[:3] == [6, 3, 3]


def test_server_down_the_tablet_keeps_its_records_and_sends_each_once_when_it_is_back(
        tablet, server, county, db):
    # The server really stops: the browser stays online, and every request (the page's and the service
    # worker's) is refused, as when the county's server or its link is down.
    context, page = tablet(fresh=True)
    page.evaluate("navigator.serviceWorker.ready")   # the app shell is cached before the server goes
    register(page, "Gulnar")
    wait_pending(page, 0)
    server.stop()
    register(page, "Ahmet")
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    wait_pending(page, 3)
    sync_and_wait(page)
    page.wait_for_selector("body[data-sync=offline]", state="attached")
    context.close()
    context, page = tablet()                          # restarted while the server is still down
    assert page.reload().from_service_worker
    page.wait_for_selector("body[data-ready=true]")
    wait_pending(page, 3)
    assert count(db, Attendee) == 1 and count(db, Tally) == 0

    server.start()                                    # back, on the same address
    page.click("#sync-now")
    wait_pending(page, 0)
    assert sorted(db.session.scalars(select(Attendee.name))) == ["Ahmet", "Gulnar"]
    assert count(db, CheckIn) == 2 and count(db, Tally) == 1
    page.wait_for_selector("#st-receipt:has-text('5')")
    assert "✓" in page.inner_text("#st-receipt")


def test_a_sync_asked_for_while_another_tab_syncs_runs_after_it(tablet, county, db, live_server):
    # One sync per tablet, across tabs (a Web Lock). A tab that asks while the lock is taken (another tab
    # syncs, or the page before a reload has not let go of it yet) must sync after it, not drop the
    # request: nothing else would send the record for a minute, nor show a revoked tablet as revoked.
    context, page = tablet(fresh=True)
    wait_pending(page, 0)
    other = context.new_page()
    other.goto(live_server + "/")
    other.evaluate("""() => new Promise((granted) => navigator.locks.request('caravan-sync', () => {
        granted();
        return new Promise((release) => { window.releaseSync = release; });
    }))""")
    tab(page, "tally")
    page.click("[data-tally=visitor]")    # saved, and a sync asked for while the other tab holds the lock
    wait_pending(page, 1)
    assert count(db, Tally) == 0
    other.evaluate("window.releaseSync()")
    wait_pending(page, 0)
    assert count(db, Tally) == 1
    other.close()


def test_answer_lost_after_the_server_committed_gives_no_duplicate(tablet, county, db):
    context, page = tablet(fresh=True)
    lost = []

    def lose_first_answer(route):
        if lost:
            return route.continue_()
        response = route.fetch()          # the server gets the batch and commits it...
        lost.append(response.status)
        route.abort("connectionreset")    # ...and the answer never reaches the tablet

    context.route("**/api/sync/v1/push", lose_first_answer)
    register(page, "Gulnar")
    # A dropped connection looks like being offline: the calm state, not the red server error.
    page.wait_for_selector("#st-message.fa-calm")
    assert lost == [200] and pending(page) == 2 and count(db, Attendee) == 1
    page.click("#sync-now")
    wait_pending(page, 0)
    assert count(db, Attendee) == 1 and count(db, CheckIn) == 1
    assert {r["state"] for r in store(page, "sent")} == {"duplicate"}


def test_401_keeps_the_queue_and_a_new_enrollment_sends_it(tablet, county, db, code):
    context, page = tablet(fresh=True)
    page.evaluate("""async () => { const db = await import('/static/js/field/db.js');
        const d = await db.getMeta('device'); await db.setMeta('device', {...d, token: 'forgotten'}); }""")
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    page.wait_for_selector("#reenroll:not([hidden])")
    expect(page.locator("#st-message")).to_contain_text("重新注册")
    assert pending(page) == 1 and count(db, Tally) == 0
    page.click("#reenroll")
    enroll(page, code=code(), wait=False)
    wait_pending(page, 0)
    assert count(db, Tally) == 1


def test_revoked_tablet_keeps_its_records_and_the_office_imports_its_export(tablet, county, db):
    from caravan.services.sync.outbox import import_outbox, read_outbox

    context, page = tablet(fresh=True)
    device = device_of(db)
    device.revoked_at = utcnow()
    db.session.commit()
    register(page, "Gulnar")
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    # The register's sync has already drawn "revoked": wait for the tally to be saved before the reload,
    # which would otherwise end the page in the middle of its transaction.
    wait_pending(page, 3)
    page.wait_for_selector("#st-message:has-text('停用')")
    page.reload()
    page.wait_for_selector("#st-message:has-text('停用')")
    assert pending(page) == 3 and count(db, Tally) == 0
    with page.expect_download() as download:
        page.click("#export")
    with open(download.value.path(), "rb") as fh:
        raw = fh.read()
    device, records = read_outbox(raw)
    results = import_outbox(device, records)
    db.session.commit()
    assert sorted(r.status for r in results) == ["accepted"] * 3
    assert count(db, Attendee) == 1 and count(db, CheckIn) == 1 and count(db, Tally) == 1


def test_checkin_of_a_resident_registered_on_a_tablet_not_yet_synced_is_held_then_applied(
        persistent, browser, live_server, county, db, code):
    # Tablet B registers a resident offline.
    other = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page_b = open_app(other, live_server)
    enroll(page_b, code=code(), name="平板 B")
    pick_event(page_b)
    other.set_offline(True)
    register(page_b, "Nurgul")
    person = next(a for a in store(page_b, "attendees") if a.get("local"))
    # Tablet A learns of the person (its staff typed the pass) and checks them in, online.
    context = persistent()
    page = open_app(context, live_server)
    enroll(page, code=code(), name="平板 A")
    pick_event(page)
    page.evaluate("""async (a) => { const db = await import('/static/js/field/db.js');
        await db.tx(['attendees'], 'readwrite', (t) => t.objectStore('attendees').put(
            {id: a.id, name: a.name, pass_hash: a.pass_hash, group: a.group})); }""", person)
    enter_code(page, person["token"])
    page.wait_for_selector("#st-held-wrap:not([hidden])")
    assert store(page, "outbox")[0]["state"] == "held" and count(db, CheckIn) == 0
    # Tablet B comes online: the attendee arrives and the held check-in is applied.
    other.set_offline(False)
    page_b.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page_b, 0)
    assert count(db, CheckIn) == 2   # B's own (register) and A's held one
    page.click("#sync-now")
    wait_pending(page, 0)
    expect(page.locator("#st-held-wrap")).to_be_hidden()
    assert count(db, CheckIn) == 2
    other.close()


def test_enrollment_with_a_wrong_code_says_so(persistent, live_server, county):
    context = persistent()
    page = open_app(context, live_server)
    page.fill("#enroll-form [name=code]", "WRONG-CODE1")
    page.fill("#enroll-form [name=name]", "平板")
    page.click("#enroll-form button[type=submit]")
    expect(page.locator("#enroll-error")).not_to_be_empty()
    assert page.evaluate("async () => (await import('/static/js/field/db.js')).getMeta('device')") is None


def test_a_revoked_tablet_enrolled_with_an_ordinary_code_stays_one_tablet(tablet, county, db, code):
    """The tablet sends the token it held: the server gives the same device row a new token, so its records
    are not split between two tablets in the office, and its receipt counts all of them."""
    from caravan.models import Device
    context, page = tablet(fresh=True)
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    wait_pending(page, 0)
    device = device_of(db)
    device.revoked_at = utcnow()
    db.session.commit()
    page.click("[data-tally=visitor]")
    wait_pending(page, 1)
    page.wait_for_selector("#st-message:has-text('停用')")
    page.click("#reenroll")
    enroll(page, code=code(), wait=False)
    wait_pending(page, 0)
    db.session.expire_all()
    assert count(db, Device) == 1 and count(db, Tally) == 2
    assert page.evaluate("async () => (await import('/static/js/field/db.js')).getMeta('device')")["id"] == device.id
    expect(page.locator("#st-receipt")).to_have_attribute("data-confirmed", "true")
