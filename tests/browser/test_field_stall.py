"""Several tablets at one stall, and passes that can be typed: check-ins pulled from other tablets count as
"already checked in"; the short pass code (the same derivation as the server's) finds a person offline;
name search tells namesakes apart. Against the real server, with two browser contexts for two tablets."""
from __future__ import annotations

from playwright.sync_api import expect

from caravan.models import CheckIn, Device
from caravan.models.base import utcnow
from caravan.services.codes import pass_code_of_token, show_pass_code
from caravan.services.sync.enroll import new_enrollment_code
from tests.browser.field_helpers import (count, device_of, enroll, enter_code, local_tokens, open_app, pick_event,
                                         register, store, sync_and_wait, tab, wait_pending)
from tests.pass_code_vectors import VECTORS


def _enrolled(new_page, live_server, text, name):
    """A second (or first) tablet in its own browser context, enrolled with ``text``, the morning event open."""
    page = new_page()
    page.context.set_default_timeout(15_000)
    page = open_app(page.context, live_server)
    enroll(page, code=text, name=name)
    pick_event(page)
    return page


def _code(db, area):
    _, text = new_enrollment_code(area)
    db.session.commit()
    return text


def test_the_tablets_pass_code_matches_the_servers_vectors(tablet):
    _, page = tablet(fresh=True)
    got = page.evaluate("""async (hashes) => {
        const pass = await import('/static/js/field/pass.js');
        const out = [];
        for (const h of hashes) out.push([await pass.passCode(h), pass.showPassCode(await pass.passCode(h))]);
        out.push(['parse', ['9b2v-gngf', ' 9B2V GNGF ', '9B2VGNGF', '9B2V-GNG0', '9B2V-GNG', 'hello'].map(pass.parsePassCode)]);
        return out;
    }""", [h for _, h, _ in VECTORS])
    assert got[:-1] == [[code, show_pass_code(code)] for _, _, code in VECTORS]
    assert got[-1] == ["parse", ["9B2VGNGF", "9B2VGNGF", "9B2VGNGF", None, None, None]]


def test_checked_in_on_tablet_a_is_already_checked_in_on_tablet_b(new_page, live_server, county, build, db):
    """B serves the bazaar's village only; the visitor lives in the other village, registered long before:
    B learns them (and their check-in on A) from its pull, and refuses a second check-in."""
    visitor = build.attendee("托合提", village=county["villages"][1], phone="13912345678")
    a = _enrolled(new_page, live_server, _code(db, county["county"]), "平板 A")
    b = _enrolled(new_page, live_server, _code(db, county["villages"][0]), "平板 B")
    assert not [p for p in store(b, "attendees") if p["id"] == visitor.id]  # not B's resident (yet)
    enter_code(a, f"{live_server}/p/{visitor.pass_token}")
    a.wait_for_selector("#confirm-box.fa-ok:has-text('托合提')")
    wait_pending(a, 0)
    assert count(db, CheckIn, attendee_id=visitor.id) == 1
    sync_and_wait(b)
    assert [(c["event_id"], c["attendee_id"]) for c in store(b, "checkins")] == [
        (county["events"][0].id, visitor.id)]
    tab(b, "scan")
    enter_code(b, show_pass_code(pass_code_of_token(visitor.pass_token)).lower())  # typed: any case, a dash
    b.wait_for_selector("#confirm-box.fa-again:has-text('托合提')")
    assert [r for r in store(b, "outbox") if r["type"] == "checkin"] == []
    sync_and_wait(b)
    assert count(db, CheckIn, attendee_id=visitor.id) == 1


def test_a_typed_code_finds_the_person_offline_and_a_shared_code_asks_for_the_name(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    code = pass_code_of_token(residents[1].pass_token)
    enter_code(page, f" {code[:4]} {code[4:].lower()} ")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('买买提')")
    page.evaluate("async () => (await import('/static/js/field/ui.js')).hideConfirm()")
    # Two residents with one code (possible, if unlikely): staff choose by name.
    page.evaluate("""async () => {
        const db = await import('/static/js/field/db.js');
        await db.tx(['attendees'], 'readwrite', (t) => {
            const s = t.objectStore('attendees');
            s.put({id: 'twin-1', name: '阿力木', pass_hash: 'a', code: 'ABCDEFGH', registered_on: '2025-03-01'});
            s.put({id: 'twin-2', name: '艾力', pass_hash: 'b', code: 'ABCDEFGH', phone_tail: '42'});
        });
    }""")
    enter_code(page, "abcd-efgh")
    expect(page.locator("#search-results button")).to_have_count(2)
    expect(page.locator("#search-results")).to_contain_text("就业卡号相同")
    page.click("#search-results button:has-text('艾力')")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('艾力')")
    made = sorted((r for r in store(page, "outbox") if r["type"] == "checkin"), key=lambda r: r["seq"])
    assert [r["data"]["attendee_id"] for r in made] == [residents[1].id, "twin-2"]


def test_name_search_tells_namesakes_apart(tablet, county, build, db):
    ak, toghraq = county["villages"]
    build.attendee("阿依古丽", village=ak, phone="13912345678")
    build.attendee("阿依古丽", village=toghraq, phone="13800000042")
    _, page = tablet(fresh=True)
    tab(page, "scan")
    page.fill("#name-search", "阿依")
    results = page.locator("#search-results button")
    expect(results).to_have_count(2)
    texts = sorted(results.all_inner_texts())
    assert "阿克村" in texts[0] + texts[1] and "托格拉克村" in texts[0] + texts[1]
    assert any("尾号 78" in t for t in texts) and any("尾号 42" in t for t in texts)
    assert all("登记" in t for t in texts)


def test_the_pass_screen_after_registration_shows_the_code(tablet, county, db):
    _, page = tablet(fresh=True)
    tab(page, "register")
    page.fill("#register-form [name=name]", "古丽娜")
    page.fill("#register-form [name=phone]", "13912345601")
    page.check("#register-form [name=consent]")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    expect(page.locator("#pass-code")).not_to_have_text("")
    shown = page.inner_text("#pass-code")
    page.click("#pass-done")
    token = local_tokens(page)["古丽娜"]
    assert shown == show_pass_code(pass_code_of_token(token))
    mine = [p for p in store(page, "attendees") if p.get("local")][0]
    assert mine["code"] == pass_code_of_token(token) and mine["phone_tail"] == "01"
    assert "13912345601" not in str({k: v for k, v in mine.items() if k != "name"})


def test_a_revoked_tablet_re_enrolled_is_the_same_tablet_and_its_receipt_counts_all_its_records(
        tablet, county, db):
    context, page = tablet(fresh=True)
    register(page, "古丽娜")
    tab(page, "tally")
    page.click("[data-tally=visitor]")
    wait_pending(page, 0)
    made = page.evaluate("async () => (await import('/static/js/field/db.js')).getMeta('seq')")
    assert made == 3
    tablet_id = device_of(db).id
    device = device_of(db)
    device.revoked_at = utcnow()
    db.session.commit()
    page.click("#sync-now")
    page.wait_for_selector("#reenroll:not([hidden])")
    _, text = new_enrollment_code(device.area, device=device)  # what the office's "Re-enroll" makes
    db.session.commit()
    page.click("#reenroll")
    enroll(page, code=text, name="平板 1", wait=False)
    page.wait_for_selector("#enroll", state="hidden")
    sync_and_wait(page)  # the enrollment cleared the old receipt: this one is the server's answer since
    meta = page.evaluate("""async () => { const db = await import('/static/js/field/db.js');
        return [await db.getMeta('device'), await db.getMeta('receipt')]; }""")
    assert meta[0]["id"] == tablet_id and meta[1]["device_records"] == made
    expect(page.locator("#st-receipt")).to_contain_text(f"{made}")
    expect(page.locator("#st-receipt")).to_contain_text("✓")
    assert count(db, Device) == 1 and not device_of(db).revoked
