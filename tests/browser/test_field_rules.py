"""The tablet checks a newcomer's fields by the rules the server serves (caravan.services.resident_rules)
and refuses, in its language, what the server would refuse, before it makes a pass the person would keep."""
from __future__ import annotations

from playwright.sync_api import expect

from caravan.models import Attendee
from tests.browser.field_helpers import count, pending, store, tab, wait_pending

FORM = "#register-form"


def _fill(page, name: str, phone: str) -> None:
    page.fill(f"{FORM} [name=name]", name)
    page.fill(f"{FORM} [name=phone]", phone)
    page.select_option("#reg-village", index=1)
    page.check(f"{FORM} [name=group][value=rural_worker]")
    page.check(f"{FORM} [name=consent]")


def test_a_bad_phone_or_a_too_long_name_is_refused_before_the_pass(tablet, county, db, screenshot):
    context, page = tablet(fresh=True)
    context.set_offline(True)  # the rules came with the strings file: no network needed to apply them
    tab(page, "register")
    _fill(page, "古丽娜尔", "12")
    page.click(f"{FORM} button[type=submit]")
    expect(page.locator("#register-error")).to_contain_text("请填写完整的电话号码")
    assert page.locator("#pass").is_hidden()
    assert pending(page) == 0 and store(page, "outbox") == []
    assert page.input_value(f"{FORM} [name=phone]") == "12"  # what was typed stays, to be corrected
    screenshot(page, "field-register-bad-phone")

    page.click(".fa-bar [data-lang=en]")
    page.click(f"{FORM} button[type=submit]")
    expect(page.locator("#register-error")).to_contain_text("Please write the whole phone number")

    # A name longer than the limit (pasted past the field's maxlength by a script, say) is refused too.
    page.fill(f"{FORM} [name=phone]", "+86 139-0000-1234")
    page.locator(f"{FORM} [name=name]").evaluate("(input) => { input.value = 'x'.repeat(101); }")
    page.click(f"{FORM} button[type=submit]")
    expect(page.locator("#register-error")).to_contain_text("At most 100 characters.")
    assert page.locator("#pass").is_hidden() and pending(page) == 0

    page.fill(f"{FORM} [name=name]", "Gulnar")
    page.click(f"{FORM} button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    page.click("#pass-done")
    wait_pending(page, 2)  # the attendee and the check-in
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page, 0)
    assert count(db, Attendee, phone="+86 139-0000-1234", name="Gulnar") == 1
