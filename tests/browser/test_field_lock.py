"""The tablet's staff lock and residents' data at rest: a tablet in a bag is not a list of residents."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re

from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import Attendee, User
from caravan.models.base import utcnow
from caravan.services import residents as resident_service
from tests.browser.conftest import PHONE
from tests.browser.field_helpers import (PIN, STAFF, count, device_of, enroll, open_app, pending, pick_event,
                                         raw_store, register, staff_signin, store, sync_and_wait, unlock_with_pin,
                                         wait_pending)

# Distinctive, so that finding them anywhere in a dump can only mean they are kept in clear.
PULLED = [("Xerxesova Qyzylgul", "13700001111"), ("Bakhtiyarjan Zzyzx", "13722223333")]
MADE_ONLINE = ("Quintessa Oltinoy", "13955556666")
MADE_OFFLINE = ("Yusupjan Vexillum", "13877778888")

DUMP = """async () => {
  const out = {};
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error); });
    for (const name of db.objectStoreNames) {
      const t = db.transaction(name, 'readonly').objectStore(name);
      const [keys, values] = await Promise.all([t.getAllKeys(), t.getAll()].map((r) => new Promise((ok) => {
        r.onsuccess = () => ok(r.result); })));
      out[info.name + '/' + name] = {keys, values};
    }
    db.close();
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) out['cache/' + cacheName + request.url] = await (await cache.match(request)).text();
  }
  return JSON.stringify(out);
}"""


def fresh_tablet(persistent, live_server, code, **kw):
    """A tablet enrolled, signed in by hand (no AUTO_STAFF), with the morning event open."""
    context = persistent(auto_staff=False, **kw)
    page = open_app(context, live_server, unlock=False)
    enroll(page, code=code())
    pick_event(page)
    return context, page


def read_export(page, selector="#export") -> dict:
    with page.expect_download() as download:
        page.click(selector)
    with open(download.value.path(), "rb") as fh:
        return json.load(fh)


def recovery_key(app, device_id: str) -> bytes:
    return hmac.new(app.config["SECRET_KEY"].encode(), b"caravan tablet recovery key\0" + device_id.encode(),
                    hashlib.sha256).digest()


OPEN_EXPORT = """async ({file, key}) => {
  const raw = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const kek = await crypto.subtle.importKey('raw', raw(key), 'AES-GCM', false, ['decrypt']);
  const dk = await crypto.subtle.importKey('raw',
    await crypto.subtle.decrypt({name: 'AES-GCM', iv: raw(file.key.iv)}, kek, raw(file.key.wrapped)), 'AES-GCM', false, ['decrypt']);
  const out = [];
  for (const r of file.records) {
    if (!r.data.sealed) continue;
    const plain = await crypto.subtle.decrypt({name: 'AES-GCM', iv: raw(r.data.sealed.iv),
      additionalData: new TextEncoder().encode(r.id)}, dk, raw(r.data.sealed.ct));
    out.push(JSON.parse(new TextDecoder().decode(plain)));
  }
  return out;
}"""


def test_no_resident_name_or_phone_in_clear_anywhere_on_the_tablet(tablet, county, build, db, app):
    village = county["villages"][0]
    for name, phone in PULLED:
        build.attendee(name, phone=phone, village=village)
    context, page = tablet(fresh=True)
    assert {a["name"] for a in store(page, "attendees")} >= {n for n, _ in PULLED}  # pulled, and readable
    register(page, MADE_ONLINE[0], phone=MADE_ONLINE[1])
    wait_pending(page, 0)
    context.set_offline(True)
    register(page, MADE_OFFLINE[0], phone=MADE_OFFLINE[1])
    wait_pending(page, 2)
    tokens = [a["token"] for a in store(page, "attendees") if a.get("local")]
    assert len(tokens) == 2
    dump = page.evaluate(DUMP)
    assert "caravan-field/attendees" in dump and "caravan-field/outbox" in dump and "cache/" in dump
    export = read_export(page)
    assert export["version"] == 2 and export["key"] == page.evaluate(
        "async () => (await (await import('/static/js/field/db.js')).getMeta('keys')).recovery")
    secrets = [s for pair in (*PULLED, MADE_ONLINE, MADE_OFFLINE) for s in pair] + tokens
    for where, text in (("IndexedDB and Cache Storage", dump), ("export file", json.dumps(export, ensure_ascii=False))):
        found = [s for s in secrets if s in text]
        assert not found, f"{found} in clear in the {where}"
    # The export opens with the server's recovery key (as the office's import does) and holds the person.
    opened = page.evaluate(OPEN_EXPORT, {"file": export, "key": base64.b64encode(
        recovery_key(app, export["device_id"])).decode()})
    assert [(p["name"], p["phone"]) for p in opened] == [MADE_OFFLINE]
    assert all(r["by"] == str(db.session.scalar(select(User.id).where(User.username == STAFF["username"])))
               for r in export["records"])


def test_pin_unlocks_offline_after_a_reload_and_a_wrong_pin_says_so(persistent, live_server, county, code, db):
    context, page = fresh_tablet(persistent, live_server, code)
    expect(page.locator("#lock-who")).to_have_text(STAFF["name"])
    context.set_offline(True)
    register(page, MADE_OFFLINE[0], phone=MADE_OFFLINE[1])
    wait_pending(page, 2)
    page.reload()   # the data key lived in memory only: a reloaded app is locked
    page.wait_for_selector("body[data-lock=unlock]", state="attached")
    assert page.is_hidden("#work") and pending(page) == 2
    expect(page.locator("#st-message")).to_contain_text("锁定")   # nothing is sent while locked
    expect(page.locator("#export")).to_be_enabled()
    page.fill("#unlock-form [name=pin]", "000000")
    page.click("#unlock-form button[type=submit]")
    expect(page.locator("#unlock-error")).to_contain_text("4")
    assert page.get_attribute("body", "data-lock") == "unlock"
    unlock_with_pin(page)
    page.wait_for_selector("#work:not([hidden])")
    page.fill("#name-search", "Vexillum")
    expect(page.locator("#search-results")).to_contain_text(MADE_OFFLINE[0])
    # "Lock" forgets what was on the screen; the next staff member unlocks with their PIN.
    page.click("#lock-now")
    page.wait_for_selector("body[data-lock=unlock]", state="attached")
    assert page.is_hidden("#work") and page.inner_text("#search-results") == ""
    context.set_offline(False)
    unlock_with_pin(page)
    wait_pending(page, 0)
    assert count(db, Attendee, name=MADE_OFFLINE[0]) == 1


def test_another_staff_member_signs_in_and_gets_their_own_pin(persistent, live_server, county, code, build, db):
    other = build.user("field", area=county["county"], username="amina", display_name="Amina")
    context, page = fresh_tablet(persistent, live_server, code)
    page.click("#lock-now")
    page.click("#add-staff")
    staff_signin(page, username="amina", password=build.password, pin="24680135")
    expect(page.locator("#lock-who")).to_have_text("Amina")
    page.click("[data-tab=tally]")
    page.click("[data-tally=visitor]")
    expect(page.locator("[data-count=visitor]")).to_have_text("1")  # saved
    wait_pending(page, 0)
    assert [r["by"] for r in raw_store(page, "sent")] == [str(other.id)]
    page.click("#lock-now")
    expect(page.locator("#unlock-staff option")).to_have_count(2)
    page.select_option("#unlock-staff", str(other.id))
    unlock_with_pin(page, "24680135")


def test_five_wrong_pins_wipe_the_pins_and_an_online_signin_recovers_every_record(
        persistent, live_server, county, code, db):
    context, page = fresh_tablet(persistent, live_server, code)
    context.set_offline(True)
    register(page, MADE_OFFLINE[0], phone=MADE_OFFLINE[1])
    page.click("[data-tab=tally]")
    page.click("[data-tally=visitor]")
    wait_pending(page, 3)
    page.reload()
    page.wait_for_selector("body[data-lock=unlock]", state="attached")
    for left in (4, 3, 2, 1):
        page.fill("#unlock-form [name=pin]", "111111")
        page.click("#unlock-form button[type=submit]")
        expect(page.locator("#unlock-error")).to_contain_text(str(left))
    page.fill("#unlock-form [name=pin]", "111111")
    page.click("#unlock-form button[type=submit]")
    page.wait_for_selector("body[data-lock=signin]", state="attached")
    expect(page.locator("#lock-message")).to_contain_text("PIN")
    keys = page.evaluate("async () => (await (await import('/static/js/field/db.js')).getMeta('keys'))")
    assert keys["pins"] == {} and keys["recovery"]["wrapped"]
    # Even the right PIN cannot help now, and a reload changes nothing.
    page.reload()
    page.wait_for_selector("body[data-lock=signin]", state="attached")
    page.fill("#signin-form [name=username]", STAFF["username"])
    page.fill("#signin-form [name=password]", STAFF["password"])
    page.click("#signin-form button[type=submit]")
    expect(page.locator("#signin-error")).to_have_text(re.compile("网络"))
    assert pending(page) == 3
    context.set_offline(False)
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector("#pin-form:not([hidden])")
    expect(page.locator("#lock-message")).to_be_empty()  # the warning is answered: not above the new-PIN form
    page.fill("#pin-form [name=pin]", "97531086")
    page.fill("#pin-form [name=pin2]", "97531086")
    page.click("#pin-form button[type=submit]")
    page.wait_for_selector("body[data-lock=open]", state="attached")
    wait_pending(page, 0)
    assert count(db, Attendee, name=MADE_OFFLINE[0], phone=MADE_OFFLINE[1]) == 1
    page.reload()
    unlock_with_pin(page, "97531086")


def test_the_tablet_locks_after_the_idle_time_the_server_sets(persistent, live_server, county, code, app):
    app.config["TABLET_LOCK_MINUTES"] = 0.1   # six seconds
    context, page = fresh_tablet(persistent, live_server, code)
    page.wait_for_selector("body[data-lock=unlock]", state="attached", timeout=20_000)
    assert page.is_hidden("#work") and page.is_visible("#unlock-form")
    unlock_with_pin(page)
    page.wait_for_selector("#work:not([hidden])")
    page.wait_for_selector("body[data-lock=unlock]", state="attached", timeout=20_000)


def test_revoked_tablet_wipes_residents_and_keeps_and_exports_its_unsent_records(
        persistent, live_server, county, code, build, db, app):
    for name, phone in PULLED:
        build.attendee(name, phone=phone, village=county["villages"][0])
    context, page = fresh_tablet(persistent, live_server, code)
    register(page, MADE_ONLINE[0], phone=MADE_ONLINE[1])
    wait_pending(page, 0)
    context.set_offline(True)
    register(page, MADE_OFFLINE[0], phone=MADE_OFFLINE[1])
    wait_pending(page, 2)
    assert len(raw_store(page, "attendees")) == 4
    device = device_of(db)
    device.revoked_at = utcnow()
    db.session.commit()
    context.set_offline(False)
    sync_and_wait(page)
    expect(page.locator("#st-message")).to_contain_text("停用")
    # Not a green "online": the tablet no longer syncs.
    expect(page.locator("#st-net")).to_have_text("已停用")
    expect(page.locator("#st-net")).to_have_class("fa-net fa-noanswer")
    assert raw_store(page, "attendees") == []
    sent = raw_store(page, "sent")
    assert [r["type"] for r in sent if r["type"] == "attendee"] == ["attendee"]
    assert all("sealed" not in r["data"] and "name" not in r["data"] for r in sent)
    outbox = raw_store(page, "outbox")
    assert len(outbox) == 2 and next(r for r in outbox if r["type"] == "attendee")["data"]["sealed"]
    # Locked (a reload), the tablet still says what happened, and exports without an unlock.
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator("#lock-message")).to_contain_text("停用")
    expect(page.locator("#st-net")).to_have_text("已停用")
    expect(page.locator("#st-message")).to_be_empty()  # the lock screen says it; once is enough
    assert pending(page) == 2
    export = read_export(page)
    assert [r["type"] for r in export["records"]] == ["attendee", "checkin"]
    assert MADE_OFFLINE[0] not in json.dumps(export, ensure_ascii=False)
    opened = page.evaluate(OPEN_EXPORT, {"file": export, "key": base64.b64encode(
        recovery_key(app, device.id)).decode()})
    assert [p["name"] for p in opened] == [MADE_OFFLINE[0]]


def test_an_erased_resident_leaves_no_sealed_fields_on_the_tablet(tablet, county, db):
    context, page = tablet(fresh=True)
    register(page, MADE_ONLINE[0], phone=MADE_ONLINE[1])
    wait_pending(page, 0)
    [record] = [r for r in raw_store(page, "sent") if r["type"] == "attendee"]
    assert record["data"]["sealed"]
    resident_service.erase(db.session.scalars(select(Attendee)).one())
    db.session.commit()
    sync_and_wait(page)
    [record] = [r for r in raw_store(page, "sent") if r["type"] == "attendee"]
    assert "sealed" not in record["data"] and raw_store(page, "attendees") == []


def test_what_an_older_app_stored_in_clear_is_sealed_at_the_first_unlock(persistent, live_server, county, code, db):
    context, page = fresh_tablet(persistent, live_server, code)
    context.set_offline(True)
    # What the app before this change kept: a registration in clear, in the outbox and the attendees store.
    page.evaluate("""async ([name, phone]) => {
        const db = await import('/static/js/field/db.js');
        const id = crypto.randomUUID();
        await db.tx(['outbox', 'attendees', 'meta'], 'readwrite', (t) => {
          t.objectStore('outbox').put({type: 'attendee', id, seq: 1, at: new Date().toISOString(), state: 'pending',
            data: {name, phone, group: 'other', consent_at: new Date().toISOString(), consent_version: '2026-11',
                   pass_token: 'QWERTYUIOPASDFGHJKLZXCVBNM234567'}});
          t.objectStore('attendees').put({id, name, group: 'other', pass_hash: 'x', token: 'QWERTYUIOPASDFGHJKLZXCVBNM234567', local: true});
          t.objectStore('meta').put(1, 'seq');
        });
    }""", list(MADE_OFFLINE))
    page.reload()
    unlock_with_pin(page)
    page.wait_for_selector("#work:not([hidden])")
    dump = page.evaluate(DUMP)
    assert MADE_OFFLINE[0] not in dump and MADE_OFFLINE[1] not in dump and "QWERTYUIOPASDFGHJKLZXCVBNM234567" not in dump
    page.fill("#name-search", "Vexillum")
    expect(page.locator("#search-results")).to_contain_text(MADE_OFFLINE[0])
    context.set_offline(False)
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, Attendee, name=MADE_OFFLINE[0], phone=MADE_OFFLINE[1]) == 1


def test_the_lock_screens_fit_a_phone_in_three_languages(persistent, live_server, county, code, screenshot):
    context, page = fresh_tablet(persistent, live_server, code, viewport=PHONE)
    page.click("#lock-now")
    for lang in ("zh", "ug", "en"):
        page.click(f".fa-bar [data-lang={lang}]")
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ug" else "ltr")
        for form in ("signin", "unlock"):
            page.click("#add-staff" if form == "signin" else "#signin-back")
            page.wait_for_selector(f"#{form}-form:not([hidden])")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{form} {lang}: page is {width}px wide"
            box = page.locator(f"#{form}-form button[type=submit]").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5
            screenshot(page, f"field-lock-{form}-phone-{lang}")
