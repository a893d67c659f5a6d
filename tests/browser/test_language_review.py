"""The language review (issue 12) as a user sees it: a resident's name labelled as a person's name on the
tablet's registration form and on the pass, what a posting does not provide said in words without a
strike-through, and '+1' kept in its order in right-to-left Uyghur."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.field_helpers import tab

NAME_LABEL = {"zh": "姓名", "ug": "ئىسىم-فامىلىسى"}
NO_TRANSPORT = {"zh": "不提供交通", "ug": "قاتناش بىلەن تەمىنلەنمەيدۇ"}


def lang(page, code: str) -> None:
    page.click(f".fa-bar [data-lang={code}]")
    page.wait_for_selector(f"html[lang={code}]", state="attached")


def test_tablet_registration_form_and_posting_cards_in_zh_and_ug(tablet, county, screenshot):
    context, page = tablet(fresh=True, viewport=PHONE)
    for code in ("zh", "ug"):
        lang(page, code)
        tab(page, "register")
        expect(page.locator("#tab-register span[data-t=name]")).to_have_text(NAME_LABEL[code])
        screenshot(page, f"review-tablet-register-{code}-360")
        tab(page, "postings")
        perk = page.locator(".fa-card .fa-perk-no span", has_text=NO_TRANSPORT[code]).first
        expect(perk).to_be_visible()
        # Asked through a locator that retries: the cards may be drawn again (a pull) between two reads.
        expect(perk.locator("xpath=ancestor::li[1]")).to_have_css("text-decoration-line", "none")
        screenshot(page, f"review-tablet-postings-{code}-360")
        page.set_viewport_size({"width": 1280, "height": 800})
        expect(perk).to_be_visible()
        screenshot(page, f"review-tablet-postings-{code}-1280")
        page.set_viewport_size(PHONE)
        tab(page, "tally")
        # '+1' stays at the start of the line (the right edge) in right-to-left text, read as "+1".
        label = page.locator("[data-t=tally_visitor]")
        if code == "ug":
            assert label.evaluate("(e) => e.textContent.startsWith('\\u200e+1')")
        screenshot(page, f"review-tablet-tally-{code}-360")


@pytest.mark.parametrize("code, locale", [("zh", "zh-CN"), ("ug", "ug")])
def test_pass_page_labels_the_name_as_a_persons_name(live_server, build, db, new_page, screenshot, code, locale):
    attendee = build.attendee("阿依古丽")
    db.session.commit()
    page = new_page(viewport=PHONE, locale=locale)
    page.goto(f"{live_server}/p/{attendee.pass_token}")
    expect(page.locator("dt", has_text=NAME_LABEL[code])).to_be_visible()
    expect(page.locator("dt", has_text=NAME_LABEL[code]).locator("xpath=following-sibling::dd[1]")).to_have_text(
        "阿依古丽")
    screenshot(page, f"review-pass-{code}-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator("dt", has_text=NAME_LABEL[code])).to_be_visible()
    screenshot(page, f"review-pass-{code}-1280")
