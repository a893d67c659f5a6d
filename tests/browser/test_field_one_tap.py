"""Every tap makes exactly one record: each action that writes to the outbox is double-clicked with the CPU
slowed four times (as on a cheap tablet), and the records are counted in IndexedDB and, after a sync, on
the server."""
from __future__ import annotations

from playwright.sync_api import expect

from caravan.models import Attendee, CheckIn, Device, ServiceGiven, Tally
from tests.browser.field_helpers import count, enter_code, open_app, store, sync_and_wait, tab, wait_pending

SLOW = 4


def slow(context, page) -> None:
    """Slow the page's CPU down (Chrome DevTools' CPU throttling)."""
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOW})


def made(page, kind: str) -> list[dict]:
    """The records of ``kind`` this tablet made, sent or not."""
    return [r for name in ("outbox", "sent") for r in store(page, name) if r["type"] == kind]


def settle(page) -> None:
    """Sync and wait until nothing is unsent (every save of the double tap has finished by then)."""
    sync_and_wait(page)
    wait_pending(page, 0)


def test_double_tap_on_register_makes_one_resident_pass_and_checkin(tablet, county, db):
    context, page = tablet(fresh=True)
    tab(page, "register")
    page.fill("#register-form [name=name]", "吐尔逊")
    page.select_option("#reg-village", index=1)
    page.check("#register-form [name=consent]")
    slow(context, page)
    page.dblclick("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    expect(page.locator("#register-form button[type=submit]")).to_be_enabled()
    settle(page)
    assert len(made(page, "attendee")) == 1 and len(made(page, "checkin")) == 1
    assert len([a for a in store(page, "attendees") if a.get("local")]) == 1
    assert (count(db, Attendee, name="吐尔逊"), count(db, CheckIn)) == (1, 1)
    # The form was emptied for the next person; registering them is a new submission.
    page.click("#pass-done")
    page.fill("#register-form [name=name]", "热依拉")
    page.check("#register-form [name=consent]")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    settle(page)
    assert count(db, Attendee) == 2 and count(db, CheckIn) == 2


def test_double_tap_on_save_makes_one_record_per_tick(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    enter_code(page, residents[0].pass_token)
    page.wait_for_selector("#confirm-box.fa-ok")
    tab(page, "give")
    page.check("#give-jobs input >> nth=0")
    page.check("#give-training input >> nth=0")
    slow(context, page)
    page.dblclick("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('2')")
    expect(page.locator("#give-form button[type=submit]")).to_be_enabled()
    settle(page)
    assert len(made(page, "service")) == 2
    assert count(db, ServiceGiven, attendee_id=residents[0].id) == 2


def test_double_tap_on_a_tally_counts_one(tablet, county, db):
    context, page = tablet(fresh=True)
    tab(page, "tally")
    slow(context, page)
    page.dblclick("[data-tally=visitor]")
    page.wait_for_selector("[data-count=visitor]:has-text('1')")
    expect(page.locator("[data-tally=visitor]")).to_be_enabled()
    settle(page)
    assert len(made(page, "tally")) == 1 and page.inner_text("[data-count=visitor]") == "1"
    assert count(db, Tally) == 1
    # A tap after the first one has settled is the next visitor.
    page.click("[data-tally=visitor]")
    page.wait_for_selector("[data-count=visitor]:has-text('2')")
    settle(page)
    assert count(db, Tally) == 2


def test_double_tap_on_manual_checkin_checks_in_once_and_says_so(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    page.fill("#manual-form [name=code]", residents[1].pass_token)
    slow(context, page)
    page.dblclick("#manual-form button")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('买买提')")
    expect(page.locator("#manual-form button")).to_be_enabled()
    settle(page)
    # The second tap of the double tap is not a second scan: the screen still says "checked in".
    assert page.get_attribute("#confirm-box", "class") == "fa-confirm fa-ok"
    assert len(made(page, "checkin")) == 1
    assert count(db, CheckIn, attendee_id=residents[1].id) == 1


def test_double_tap_on_a_name_found_checks_in_once_and_says_so(tablet, county, residents, db):
    context, page = tablet(fresh=True)
    page.fill("#name-search", "阿依古丽")
    page.wait_for_selector("#search-results button")
    slow(context, page)
    page.dblclick("#search-results button >> nth=0")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('阿依古丽')")
    settle(page)
    assert page.get_attribute("#confirm-box", "class") == "fa-confirm fa-ok"
    assert len(made(page, "checkin")) == 1
    assert count(db, CheckIn, attendee_id=residents[0].id) == 1


def test_double_tap_on_enroll_enrolls_once(persistent, live_server, code, db):
    context = persistent()
    page = open_app(context, live_server)
    enrolls = []
    page.on("request", lambda r: enrolls.append(r.url) if r.url.endswith("/enroll") else None)
    page.fill("#enroll-form [name=code]", code())
    page.fill("#enroll-form [name=name]", "平板 1")
    slow(context, page)
    page.dblclick("#enroll-form button[type=submit]")
    page.wait_for_selector("#event-list button")
    expect(page.locator("#enroll-form button[type=submit]")).to_be_enabled()
    sync_and_wait(page)
    assert len(enrolls) == 1 and count(db, Device) == 1
    assert page.inner_text("#enroll-error") == ""


def test_a_form_token_is_saved_once_even_when_two_saves_race(tablet, county, db):
    """The second line of defence behind the disabled button: two saves of one form token, started
    together (as a tap that slipped through would), write one set of records; another token writes again."""
    context, page = tablet(fresh=True)
    event_id = county["events"][0].id
    results = page.evaluate("""async (eventId) => {
        const outbox = await import('/static/js/field/outbox.js');
        const register = await import('/static/js/field/register.js');
        const tally = [{type: 'tally', data: {event_id: eventId, kind: 'visitor', count: 1}}];
        const form = outbox.formToken();
        const twice = await Promise.all([outbox.addRecords(tally, {form}), outbox.addRecords(tally, {form})]);
        const again = await outbox.addRecords(tally, {form});
        const other = await outbox.addRecords(tally, {form: outbox.formToken()});
        const person = {name: '阿力木', group: 'other'};
        const regForm = outbox.formToken();
        const registered = await Promise.all([register.register(person, eventId, regForm),
                                              register.register(person, eventId, regForm)]);
        return {twice: twice.map((r) => r && r.length), again, other: other.length,
                registered: registered.map((r) => r && r.records.length)};
    }""", event_id)
    assert sorted(results["twice"], key=str) == [1, None] and results["again"] is None and results["other"] == 1
    assert sorted(results["registered"], key=str) == [2, None]
    settle(page)
    assert len(made(page, "tally")) == 2 and len(made(page, "attendee")) == 1
    assert count(db, Tally) == 2 and count(db, Attendee, name="阿力木") == 1
