"""What a new user met on the tablet: text the app fills in (search results, the services' choices, the lock
screen's messages) that stayed in the old language after a tap on another language, and name-search results
that a phone squeezed into narrow columns and scrolled sideways."""
from __future__ import annotations

import re

from flask_babel import force_locale
from playwright.sync_api import expect

from caravan.field.strings import STRINGS
from tests.browser.conftest import PHONE
from tests.browser.field_helpers import PIN, STAFF, enroll, open_app, pick_event, tab, wait_pending

LONG_UG = "يېڭىئۆستەڭبويىدىكى چوڭقۇرتۇغراقلىقبازار كەنتى"


def text(app, key: str, lang: str, **values) -> str:
    """A tablet string in ``lang`` as the app shows it (placeholders filled)."""
    with app.test_request_context(), force_locale(lang):
        value = str(STRINGS[key])
    for name, filled in values.items():
        value = value.replace(f"%({name})s", str(filled))
    return value


def lang(page, code: str) -> None:
    page.click(f".fa-bar [data-lang={code}]")
    page.wait_for_selector(f"html[lang={code}]", state="attached")


def lines_of(page, selector: str) -> int:
    """How many lines the text of ``selector`` takes."""
    return page.evaluate("""(sel) => { const r = document.createRange();
      r.selectNodeContents(document.querySelector(sel));
      return new Set(Array.from(r.getClientRects()).map((b) => Math.round(b.top))).size; }""", selector)


def test_search_results_follow_the_language_and_fit_a_phone(tablet, county, build, db, app, screenshot):
    village = build.area("village", parent=county["county"], name_zh="库木巴格乡托万克库木巴格村",
                         name_ug=LONG_UG, name_en="Tovan Kumbagh Village of Kumbagh Township")
    build.attendee("李婷", village=village, phone="13912345601")
    db.session.commit()
    context, page = tablet(fresh=True, viewport=PHONE)
    tab(page, "scan")
    page.fill("#name-search", "李婷")
    result = page.locator("#search-results button")
    expect(result).to_have_count(1)
    expect(result).to_contain_text("库木巴格乡托万克库木巴格村")
    for code, village_name in (("ug", LONG_UG), ("en", "Tovan Kumbagh"), ("zh", "库木巴格乡托万克库木巴格村")):
        lang(page, code)
        expect(result).to_contain_text(village_name)
        expect(result).to_contain_text(text(app, "phone_tail", code, digits="01"))
        registered = text(app, "registered_on", code, date="")
        expect(result).to_contain_text(registered.strip())
        # The date keeps its digits' order inside right-to-left text.
        expect(result.locator("bdi[dir=ltr]")).to_have_text(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{code}: page is {width}px wide"
        assert lines_of(page, "#search-results .fa-person-name") == 1, code
        box, name = result.bounding_box(), page.locator("#search-results .fa-person-name").bounding_box()
        assert name["y"] + name["height"] <= page.locator("#search-results .fa-person-details").bounding_box()["y"] + 1
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        screenshot(page, f"field-languages-search-phone-{code}")


def test_the_services_choices_and_saved_note_follow_the_language(tablet, county, residents, app):
    context, page = tablet(fresh=True)
    tab(page, "scan")
    page.fill("#name-search", "买买")
    page.click("#search-results button")
    page.wait_for_selector("#confirm-box.fa-ok")
    tab(page, "give")
    expect(page.locator("#give-training")).to_contain_text("电工培训班")
    page.check("#give-training input[value='']")
    page.check("#give-jobs input >> nth=1")
    lang(page, "en")
    expect(page.locator("#give-training")).to_contain_text(text(app, "training_info", "en"))
    expect(page.locator("#give-training")).to_contain_text("Electrician course")
    expect(page.locator("#give-policy")).to_contain_text(text(app, "policy_advice", "en"))
    expect(page.locator("#give-jobs")).to_contain_text("Jujube picker")
    # The form is the same form in another language: what was ticked stays ticked.
    expect(page.locator("#give-training input[value='']")).to_be_checked()
    expect(page.locator("#give-jobs input >> nth=1")).to_be_checked()
    page.click("#give-form button[type=submit]")
    expect(page.locator("#give-saved")).to_have_text(f"{text(app, 'saved', 'en')} (2)")
    wait_pending(page, 0)
    lang(page, "ug")
    expect(page.locator("#give-saved")).to_have_text(f"{text(app, 'saved', 'ug')} (2)")
    expect(page.locator("#give-jobs")).to_contain_text("قىزىل چىلان تەرگۈچى")


def test_lock_screen_messages_follow_the_language(persistent, live_server, code, county, app):
    context = persistent(auto_staff=False)
    page = open_app(context, live_server, unlock=False)
    enroll(page, code=code(), wait=False)
    page.wait_for_selector("#signin-form:not([hidden])")
    page.fill("#signin-form [name=username]", STAFF["username"])
    page.fill("#signin-form [name=password]", STAFF["password"])
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector("#pin-form:not([hidden])")
    # Signed in: the request to sign in is answered and no longer shown above the PIN form.
    expect(page.locator("#lock-message")).to_have_text("")
    for code_ in ("ug", "en"):
        lang(page, code_)
        expect(page.locator("#pin-help")).to_have_text(text(app, "pin_help", code_, num=6, name=STAFF["name"]))
    page.fill("#pin-form [name=pin]", "12")
    page.click("#pin-form button[type=submit]")
    expect(page.locator("#pin-error")).to_have_text(text(app, "pin_short", "en", num=6))
    lang(page, "zh")
    expect(page.locator("#pin-error")).to_have_text(text(app, "pin_short", "zh", num=6))
    page.fill("#pin-form [name=pin]", PIN)
    page.fill("#pin-form [name=pin2]", PIN)
    page.click("#pin-form button[type=submit]")
    page.wait_for_selector("body[data-lock=open]", state="attached")
    pick_event(page)
    page.click("#lock-now")
    page.wait_for_selector("#unlock-form:not([hidden])")
    page.fill("#unlock-form [name=pin]", "000000")
    page.click("#unlock-form button[type=submit]")
    expect(page.locator("#unlock-error")).to_have_text(text(app, "pin_wrong", "zh", num=4))
    lang(page, "en")
    expect(page.locator("#unlock-error")).to_have_text(text(app, "pin_wrong", "en", num=4))
    lang(page, "ug")
    expect(page.locator("#unlock-error")).to_have_text(text(app, "pin_wrong", "ug", num=4))
    assert page.evaluate("() => getComputedStyle(document.querySelector('#unlock-error')).direction") == "rtl"


def test_a_tablet_not_enrolled_says_nothing_of_a_lock_and_offers_no_export(persistent, live_server, code, county):
    context = persistent(auto_staff=False)
    page = open_app(context, live_server, unlock=False)
    page.wait_for_selector("#enroll:not([hidden])")
    expect(page.locator("#st-message")).to_be_empty()
    expect(page.locator("#export")).to_be_hidden()
    enroll(page, code=code(), wait=False)
    page.wait_for_selector("#signin-form:not([hidden])")
    expect(page.locator("#export")).to_be_visible()   # enrolled: locked, and records could be waiting


def test_the_pass_code_stays_on_one_line_left_to_right_on_a_phone(tablet, county):
    context, page = tablet(fresh=True, viewport=PHONE)
    lang(page, "ug")
    tab(page, "register")
    page.fill("#register-form [name=name]", "ئايگۈل")
    page.select_option("#reg-village", index=1)
    page.check("#register-form [name=consent]")
    page.click("#register-form button[type=submit]")
    page.wait_for_selector("#pass:not([hidden])")
    expect(page.locator("#pass-code")).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$"))
    assert lines_of(page, "#pass-code") == 1
    assert page.evaluate("() => getComputedStyle(document.querySelector('#pass-code')).direction") == "ltr"
