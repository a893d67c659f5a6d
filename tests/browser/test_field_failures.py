"""Failures are never silent: a local save that fails says so in the tablet's language and keeps the form;
a version-1 database is upgraded with its data kept; a new shell replaces the old one without losing the
outbox; a browser without IndexedDB is told it cannot keep records."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from playwright.sync_api import expect

from caravan import pwa
from caravan.models import Attendee, CheckIn, ServiceGiven, Tally
from caravan.services.codes import new_pass_token
from caravan.services.devices import create_device
from tests.browser.field_helpers import count, enter_code, staff_signin, store, sync_and_wait, tab, wait_pending

SAVE_FAILED = "平板未能保存"

# Make the next `add` on an object store fail, once: as storage full (QuotaExceededError thrown by the
# call) or as a transaction that aborts after the call.
FAIL_NEXT_ADD = """(how) => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (...args) {
        IDBObjectStore.prototype.add = add;
        if (how === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        const request = add.apply(this, args);
        this.transaction.abort();
        return request;
    };
}"""


def test_storage_full_on_register_says_so_keeps_the_form_and_a_retry_saves_once(tablet, county, db, screenshot):
    context, page = tablet(fresh=True)
    tab(page, "register")
    page.fill("#register-form [name=name]", "努尔古丽")
    page.fill("#register-form [name=phone]", "138 0000 1234")
    page.check("#register-form [name=consent]")
    page.evaluate(FAIL_NEXT_ADD, "quota")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector(f"#register-error:has-text('{SAVE_FAILED}')")
    assert page.is_hidden("#pass")
    screenshot(page, "field-save-failed")
    assert page.input_value("#register-form [name=name]") == "努尔古丽"
    assert page.input_value("#register-form [name=phone]") == "138 0000 1234"
    assert page.is_checked("#register-form [name=consent]")
    assert store(page, "outbox") == [] and store(page, "attendees") == []
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    assert page.inner_text("#register-error") == ""
    sync_and_wait(page)
    wait_pending(page, 0)
    assert sorted(r["type"] for r in store(page, "sent")) == ["attendee", "checkin"]
    assert count(db, Attendee, name="努尔古丽") == 1 and count(db, CheckIn) == 1


def test_an_aborted_save_of_services_and_a_tally_says_so_and_keeps_the_ticks(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    enter_code(page, residents[0].pass_token)
    page.wait_for_selector("#confirm-box.fa-ok")
    wait_pending(page, 0)
    tab(page, "give")
    page.check("#give-jobs input >> nth=0")
    page.evaluate(FAIL_NEXT_ADD, "abort")
    page.click("#give-form button[type=submit]")
    page.wait_for_selector(f"#give-saved:has-text('{SAVE_FAILED}')")
    assert page.is_checked("#give-jobs input >> nth=0")
    assert [r for name in ("outbox", "sent") for r in store(page, name) if r["type"] == "service"] == []
    page.click("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('(1)')")
    tab(page, "tally")
    page.evaluate(FAIL_NEXT_ADD, "quota")
    page.click("[data-tally=visitor]")
    page.wait_for_selector(f"#tally-message:has-text('{SAVE_FAILED}')")
    assert page.inner_text("[data-count=visitor]") == "0"
    page.click("[data-tally=visitor]")
    page.wait_for_selector("[data-count=visitor]:has-text('1')")
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, ServiceGiven) == 1 and count(db, Tally) == 1


# The first schema (UPGRADES[0] in static/js/field/db.js), written out as a tablet of the first release
# made it, with data in every kind of store.
V1_TABLET = """async ({device, records, sent, resident, eventId}) => {
    const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('caravan-field', 1);
        req.onupgradeneeded = () => {
            const db = req.result;
            db.createObjectStore('meta');
            for (const name of ['outbox', 'sent', 'problems']) {
                const store = db.createObjectStore(name, {keyPath: 'id'});
                store.createIndex('seq', 'seq');
                store.createIndex('checkin', 'checkin');
            }
            for (const name of ['areas', 'employers', 'events', 'postings', 'notices', 'attendees']) {
                db.createObjectStore(name, {keyPath: 'id'});
            }
            req.transaction.objectStore('attendees').createIndex('pass_hash', 'pass_hash');
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
    });
    const t = db.transaction(['meta', 'outbox', 'sent', 'attendees'], 'readwrite');
    const meta = t.objectStore('meta');
    meta.put(device, 'device');
    meta.put(records.length + sent.length, 'seq');
    meta.put(0, 'cursor');
    meta.put(eventId, 'eventId');
    for (const r of records) t.objectStore('outbox').add(r);
    for (const r of sent) t.objectStore('sent').add(r);
    t.objectStore('attendees').add(resident);
    await new Promise((resolve, reject) => { t.oncomplete = resolve; t.onerror = () => reject(t.error); });
    db.close();
}"""


def test_a_version_1_database_is_upgraded_with_everything_kept_and_still_sends(new_page, live_server, county, db):
    device, token = create_device("平板 旧", county["county"].code)
    db.session.commit()
    event_id = county["events"][0].id
    at = datetime.now(timezone.utc).isoformat()
    person, pass_token = str(uuid.uuid4()), new_pass_token()
    data = {"name": "买合木提", "group": "rural_worker", "village_id": county["villages"][0].id,
            "consent_at": at, "consent_version": "2026-11", "pass_token": pass_token}
    records = [
        {"type": "attendee", "id": person, "seq": 2, "at": at, "data": data, "state": "pending"},
        {"type": "checkin", "id": str(uuid.uuid4()), "seq": 3, "at": at, "state": "pending",
         "data": {"event_id": event_id, "attendee_id": person, "method": "register"},
         "checkin": f"{event_id}|{person}"},
        {"type": "tally", "id": str(uuid.uuid4()), "seq": 4, "at": at, "state": "pending",
         "data": {"event_id": event_id, "kind": "visitor", "count": 3}},
    ]
    sent = [{"type": "tally", "id": str(uuid.uuid4()), "seq": 1, "at": at, "state": "accepted",
             "data": {"event_id": event_id, "kind": "visitor", "count": 1}, "device": device.id}]
    resident = {"id": person, "name": "买合木提", "village_id": data["village_id"], "group": "rural_worker",
                "pass_hash": "0" * 64, "token": pass_token, "local": True}
    page = new_page()
    page.goto(live_server + "/")  # same origin, without the app: the old tablet's database comes first
    page.evaluate(V1_TABLET, {"device": {"token": token, "id": device.id, "name": device.name, "area": None},
                              "records": records, "sent": sent, "resident": resident, "eventId": event_id})
    page.goto(live_server + "/field/app")
    page.wait_for_selector("body[data-ready=true]")
    # The updated app asks for a staff member first (the old one had no lock), then seals what was clear.
    staff_signin(page)
    schema = page.evaluate("""async () => {
        const db = await (await import('/static/js/field/db.js')).open();
        const t = db.transaction(Array.from(db.objectStoreNames), 'readonly');
        const indexes = {};
        for (const name of db.objectStoreNames) indexes[name] = Array.from(t.objectStore(name).indexNames).sort();
        return {version: db.version, indexes};
    }""")
    assert schema["version"] == 3
    assert schema["indexes"]["survey_rounds"] == []  # version 3: the survey rounds, for employer visits
    assert schema["indexes"]["checkins"] == ["checkin"]
    for name in ("outbox", "sent", "problems"):
        assert schema["indexes"][name] == ["checkin", "form", "seq"]
    assert schema["indexes"]["attendees"] == ["code", "pass_hash"]
    # The app syncs as it opens: each record is either still unsent or confirmed, none lost.
    kept = page.evaluate("""async () => {  // one transaction: a record the sync moves is seen once
        const db = await import('/static/js/field/db.js');
        return db.tx(['outbox', 'sent'], 'readonly', async (t) =>
            [...await db.req(t.objectStore('outbox').getAll()), ...await db.req(t.objectStore('sent').getAll())]);
    }""")
    assert sorted(r["id"] for r in kept) == sorted(r["id"] for r in records + sent)
    assert [a["name"] for a in store(page, "attendees") if a.get("local")] == ["买合木提"]
    meta = page.evaluate("""async () => { const db = await import('/static/js/field/db.js');
        return {device: await db.getMeta('device'), seq: await db.getMeta('seq')}; }""")
    assert meta["device"]["token"] == token and meta["seq"] >= 4
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, Attendee, id=person) == 1 and count(db, CheckIn, attendee_id=person) == 1
    assert count(db, Tally, device_id=device.id) == 1
    # A new record after the upgrade follows on the old sequence.
    page.click(f"#event-list button[data-id='{event_id}']")
    tab(page, "tally")
    page.click("[data-tally=job_info]")
    page.wait_for_selector("[data-count=job_info]:has-text('1')")
    wait_pending(page, 0)
    assert [r["seq"] for r in store(page, "sent") if r["data"].get("kind") == "job_info"] == [5]


WAIT_FOR_NEW_WORKER = """async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const worker = reg.installing || reg.waiting || reg.active;
    if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => {
            if (worker.state === 'activated') resolve();
        }));
    }
    return caches.keys();
}"""


def test_a_new_shell_replaces_the_old_one_and_the_outbox_still_sends(tablet, county, db, app, monkeypatch):
    context, page = tablet(fresh=True)
    page.evaluate("navigator.serviceWorker.ready")
    old = page.evaluate("caches.keys()")
    assert len(old) == 1 and page.get_attribute("script[data-strings]", "data-tz") == "Asia/Urumqi"
    context.set_offline(True)
    tab(page, "tally")
    for made in (1, 2):
        page.click("[data-tally=visitor]")
        page.wait_for_selector(f"[data-count=visitor]:has-text('{made}')")
    wait_pending(page, 2)
    # A new release on the server: another shell (here: the county's time zone it carries) and so
    # another worker version.
    monkeypatch.setitem(app.config, "BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai")
    monkeypatch.setattr(pwa, "shell_version", lambda files: "0123456789abcdef")
    # Online for the update, but the sync API does not answer: the records stay unsent through it.
    context.route("**/api/sync/**", lambda route: route.abort())
    context.set_offline(False)
    assert page.evaluate(WAIT_FOR_NEW_WORKER) == ["caravan-shell-0123456789abcdef"]
    context.set_offline(True)  # the new shell comes from the new worker's cache
    response = page.reload()
    assert response.from_service_worker
    page.wait_for_selector("body[data-ready=true]")
    assert page.get_attribute("script[data-strings]", "data-tz") == "Asia/Shanghai"
    wait_pending(page, 2)
    assert len(store(page, "outbox")) == 2
    context.unroute("**/api/sync/**")
    context.set_offline(False)
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, Tally) == 2


def test_without_indexeddb_the_app_says_it_cannot_keep_records(new_page, live_server, county):
    page = new_page(locale="en-US")
    page.context.add_init_script(
        "IDBFactory.prototype.open = function () { throw new DOMException('storage off', 'InvalidStateError'); }")
    page.goto(live_server + "/field/app")
    page.wait_for_selector("body[data-ready=failed]", state="attached")
    message = page.locator("#app-error")
    assert message.is_visible() and "cannot keep records" in message.inner_text()
    page.click("[data-lang=ug]")  # the message follows the language chosen on the tablet
    expect(message).to_contain_text("خاتىرە ساقلىيالمايدۇ")
