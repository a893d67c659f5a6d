"""Honest status on the tablet: the receipt, offline against a server that does not answer, and records the
server refused, explained and corrected, in Chromium against the live server."""
from __future__ import annotations

import json

from flask_babel import force_locale
from playwright.sync_api import expect
from sqlalchemy import select

from caravan.field.strings import STRINGS
from caravan.models import Attendee, CheckIn
from caravan.services.sync.reasons import MESSAGES
from tests.browser.conftest import ARTIFACTS, PHONE, TABLET
from tests.browser.field_helpers import count, local_tokens, register, store, sync_and_wait, tab, wait_pending

API = "**/api/sync/v1/**"


def text(app, key: str, lang: str = "zh", **values) -> str:
    """A tablet string in ``lang`` as the app shows it (placeholders filled)."""
    with app.test_request_context(), force_locale(lang):
        value = str(STRINGS[key])
    for name, filled in values.items():
        value = value.replace(f"%({name})s", str(filled))
    return value


def set_timeout(page, ms: int) -> None:
    """Make the tablet give up on a request after ``ms`` (30 s in use)."""
    page.evaluate("""async (ms) => {
        const s = await import('/static/js/field/sync.js');
        s.configure('/api/sync/v1/', { timeoutMs: ms });
    }""", ms)


def tally(page) -> None:
    tab(page, "tally")
    page.click("[data-tally=visitor]")


def test_the_receipt_says_confirmed_only_when_every_record_is_on_the_server(app, tablet, county, db):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    register(page, "阿依古丽")
    wait_pending(page, 2)
    # The tablet asked for its receipt when it was enrolled (an empty push): the server holds none of the two.
    expect(page.locator("#st-receipt")).to_have_text(
        f"{text(app, 'receipt', made=2, held=0)}：{text(app, 'receipt_to_send', count=2)}")
    context.set_offline(False)
    wait_pending(page, 0)
    receipt = page.locator("#st-receipt")
    expect(receipt).to_have_attribute("data-confirmed", "true")
    expect(receipt).to_contain_text(text(app, "receipt", made=2, held=2))
    expect(receipt).to_contain_text(text(app, "receipt_ok"))
    # One more record while offline: the server holds 2 of 3, and the line says so (it said "confirmed",
    # because the ids it had confirmed still matched).
    context.set_offline(True)
    tally(page)
    wait_pending(page, 1)
    expect(receipt).to_have_attribute("data-confirmed", "false")
    expect(receipt).to_have_text(
        f"{text(app, 'receipt', made=3, held=2)}：{text(app, 'receipt_to_send', count=1)}")
    context.set_offline(False)
    wait_pending(page, 0)
    expect(receipt).to_have_attribute("data-confirmed", "true")


def test_offline_is_told_apart_from_a_server_that_does_not_answer(app, tablet, county, screenshot):
    context, page = tablet(fresh=True)
    net, body = page.locator("#st-net"), page.locator("body")
    set_timeout(page, 1500)

    # No network: calm, and the records wait here.
    context.set_offline(True)
    tally(page)
    page.click("#sync-now")
    expect(body).to_have_attribute("data-sync", "offline")
    expect(net).to_have_text(text(app, "offline"))
    expect(net).to_have_class("fa-net fa-off")
    expect(page.locator("#st-message")).to_have_text(text(app, "offline_safe"))
    context.set_offline(False)
    wait_pending(page, 0)
    expect(body).to_have_attribute("data-sync", "ok")

    def answered_badly(handler, name, lang="zh"):
        page.route(API, handler)
        tally(page)
        page.click("#sync-now")
        expect(body).to_have_attribute("data-sync", "no-answer")
        expect(net).to_have_text(text(app, "no_answer", lang))
        expect(net).to_have_class("fa-net fa-noanswer")
        expect(page.locator("#st-message")).to_contain_text(text(app, "no_answer_safe", lang))
        screenshot(page, f"field-status-{name}-{lang}")
        page.unroute(API)
        page.click("#sync-now")
        wait_pending(page, 0)
        expect(body).to_have_attribute("data-sync", "ok")
        expect(net).to_have_text(text(app, "online", lang))

    # A proxy's 502, a captive portal's page answered 200, a redirect to a sign-in page.
    answered_badly(lambda route: route.fulfill(status=502, content_type="text/html", body="<h1>Bad gateway</h1>"),
                   "502")
    answered_badly(lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Wi-Fi login</h1>"),
                   "portal")
    page.click(".fa-bar [data-lang=ug]")
    answered_badly(lambda route: route.fulfill(status=302, headers={"Location": "http://portal.invalid/"}),
                   "redirect", "ug")
    page.click(".fa-bar [data-lang=en]")
    # A request that hangs is given up after the timeout and counts as no answer, not as offline.
    answered_badly(lambda route: None, "hang", "en")
    assert page.evaluate("async () => (await import('/static/js/field/sync.js')).state.error") is None
    page.unroute_all(behavior="ignoreErrors")


def break_name(page, name: str) -> None:
    """Give the unsent registration of ``name`` a name the server refuses, as an older app let through."""
    page.evaluate("""async (name) => {
        const db = await import('/static/js/field/db.js');
        const vault = await import('/static/js/field/vault.js');
        const opened = await Promise.all((await db.all('outbox')).map((r) => vault.openRecord(r)));
        const record = opened.find((r) => r.type === 'attendee' && r.data.name === name);
        const broken = await vault.sealRecord({ ...record, data: { ...record.data, name: name + '\\u0007' } });
        await db.tx(['outbox'], 'readwrite', async (t) => { t.objectStore('outbox').put(broken); });
    }""", name)


def test_a_refused_registration_is_explained_corrected_and_sent_with_its_check_in(app, tablet, county, db,
                                                                                 screenshot):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    register(page, "Aygul Tursun")
    token = local_tokens(page)["Aygul Tursun"]
    break_name(page, "Aygul Tursun")
    context.set_offline(False)
    page.wait_for_selector("body[data-problems='1']", state="attached")
    wait_pending(page, 1)  # the check-in, held by the server until the person arrives
    assert [r["state"] for r in store(page, "outbox")] == ["held"]
    assert count(db, CheckIn) == 0

    page.click("#st-problems")
    item = page.locator("#problem-list li")
    for lang in ("zh", "ug", "en"):
        page.click(f".fa-bar [data-lang={lang}]")
        expect(item).to_contain_text(text(app, "kind_attendee", lang))
        expect(item).to_contain_text("Aygul Tursun")
        expect(item).to_contain_text(text(app, "state_rejected", lang))
        with app.test_request_context(), force_locale(lang):
            reason = str(MESSAGES["control_characters"]) % {"field": str(STRINGS["name"])}
        expect(item.locator(".fa-reason")).to_have_text(reason)
        expect(item.locator(".fa-todo")).to_have_text(text(app, "todo_correct", lang))
        expect(item.locator("[data-correct]")).to_have_text(text(app, "correct", lang))
        for size, viewport in (("tablet", TABLET), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            screenshot(page, f"field-status-problem-{size}-{lang}")
            item.locator("[data-correct]").click()
            expect(page.locator("#correct")).to_be_visible()
            expect(page.locator("#correct-reason")).to_have_text(reason)
            screenshot(page, f"field-status-correct-{size}-{lang}")
            page.locator("#correct-form").screenshot(path=f"{ARTIFACTS}/field-status-correct-form-{size}-{lang}.png")
            page.click("#correct-cancel")
            expect(page.locator("#correct")).to_be_hidden()
    page.set_viewport_size(TABLET)
    page.click(".fa-bar [data-lang=en]")

    item.locator("[data-correct]").click()
    form = page.locator("#correct-form")
    assert form.locator("[name=name]").input_value() == "Aygul Tursun\x07"
    # The tablet's rules still refuse the bad name, in its language; nothing is saved.
    form.locator("button[type=submit]").click()
    expect(page.locator("#correct-error")).to_contain_text(text(app, "name", "en"))
    assert len(store(page, "problems")) == 1
    form.locator("[name=name]").fill("Aygul Tursun")
    form.locator("[name=phone]").fill("138 0000 1234")
    form.locator("button[type=submit]").click()
    expect(page.locator("#correct")).to_be_hidden()
    wait_pending(page, 0)
    page.wait_for_selector("body[data-problems='0']", state="attached")
    expect(page.locator("#st-receipt")).to_have_attribute("data-confirmed", "true")

    db.session.expire_all()
    person = db.session.scalars(select(Attendee)).one()
    assert (person.name, person.phone, person.pass_token) == ("Aygul Tursun", "138 0000 1234", token)
    assert db.session.scalars(select(CheckIn)).one().attendee_id == person.id
    assert local_tokens(page) == {"Aygul Tursun": token}  # the pass shown that day stays valid


def test_problems_the_server_holds_since_turn_into_sent_at_the_next_sync(app, tablet, county, db):
    """A record the server set aside (too many held) and then got from the office's import of the export."""
    app.config["SYNC_MAX_HELD_PER_DEVICE"] = 0
    context, page = tablet(fresh=True)
    context.set_offline(True)
    register(page, "Rahile")
    break_name(page, "Rahile")
    context.set_offline(False)
    page.wait_for_selector("body[data-problems='2']", state="attached")  # the check-in could not be held
    exported = page.evaluate("async () => (await import('/static/js/field/status.js')).exportUnsent()")
    assert sorted(r["type"] for r in exported["records"]) == ["attendee", "checkin"]
    # At the office the registration is corrected in the file and the file imported.
    # The file keeps the registration sealed; reading it opens it, as the office's import page does.
    from caravan.services.sync.outbox import import_outbox, read_outbox
    app.config["SYNC_MAX_HELD_PER_DEVICE"] = 100
    device, opened = read_outbox(json.dumps(exported).encode())
    assert all("sealed" not in r["data"] for r in opened)
    records = [{**r, "data": {**r["data"], "name": "Rahile"}} if r["type"] == "attendee" else r for r in opened]
    import_outbox(device, records)
    db.session.commit()
    assert count(db, CheckIn) == 1
    sync_and_wait(page)
    page.wait_for_selector("body[data-problems='0']", state="attached")
    assert sorted(r["state"] for r in store(page, "sent")) == ["stored", "stored"]
    expect(page.locator("#st-receipt")).to_have_attribute("data-confirmed", "true")
