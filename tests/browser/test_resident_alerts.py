"""Job alerts on a resident's phone (360x740): opt in on the pass page (no JavaScript needed), an alert
about the next matching posting, its opt-out link; and the office's counts on a desktop."""
import os
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import PublishStatus, SmsMessage
from caravan.services import alerts
from caravan.services.catalogue import postings
from tests.browser.conftest import ARTIFACTS, PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def resident(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    build.area("township", name_zh="托格拉克乡", name_ug="توغراق يېزىسى", name_en="Toghraq")
    return township, build.attendee("دىلنۇر ئابلىز", phone="13900001234")


def _no_sideways_scroll(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("lang, words", [
    ("ug", {"send": "ماڭا خىزمەت ئەسكەرتىشى ئەۋەتىڭ", "sector": "قۇرۇلۇش", "stop": "خىزمەت ئەسكەرتىشىنى توختىتىش",
            "yes": "ھەئە، توختىتىمەن"}),
    ("zh", {"send": "给我发送岗位提醒", "sector": "建筑", "stop": "退订岗位提醒", "yes": "确定退订"}),
])
def test_a_resident_opts_in_on_the_phone_gets_an_alert_and_opts_out_by_its_link(
        app, live_server, browser, new_page, resident, build, db, screenshot, lang, words):
    township, attendee = resident
    page = new_page(viewport=PHONE, locale=lang, java_script_enabled=False)  # a form, no script needed
    page.goto(f"{live_server}/p/{attendee.pass_token}?lang={lang}")
    section = page.locator("section.alerts-box")
    section.get_by_label(words["sector"]).check()
    section.get_by_role("button", name=words["send"]).click()  # the consent box not ticked
    assert page.url.endswith("/alerts#alerts")
    # The page opens at the section (not at the top, far above on a phone), its error summary in sight.
    expect(section.locator(".alert-error")).to_be_in_viewport()
    expect(section.get_by_role("heading")).to_be_in_viewport()
    page.screenshot(path=os.path.join(ARTIFACTS, f"resident-alerts-error-{lang}-phone-view.png"))
    assert page.locator("#alert-consent-error").is_visible()
    assert section.get_by_label(words["sector"]).is_checked()  # the choice is kept
    _no_sideways_scroll(page, PHONE["width"])
    screenshot(page, f"resident-alerts-error-{lang}-phone")

    section.get_by_label(township.name_in(lang)).check()
    section.locator("input[name=consent]").check()
    section.get_by_role("button", name=words["send"]).click()
    page.wait_for_url(re.compile(r".*/p/[A-Z2-7]{32}\?alerts=on#alerts"))
    assert page.locator("section.alerts-box .alert-ok").is_visible()
    assert "13900001234" in page.locator("section.alerts-box .note").inner_text()
    _no_sideways_scroll(page, PHONE["width"])
    screenshot(page, f"resident-alerts-on-{lang}-phone")

    # The office publishes a matching posting: one alert is queued, in the resident's language.
    from caravan.models import PostingTranslation, Sector
    posting = build.posting(status="draft", sector=Sector.construction, area=township, translations=[
        PostingTranslation(lang="zh", title="钢筋工"), PostingTranslation(lang="ug", title="ئارماتۇرا ئىشچىسى")])
    postings.set_status(posting, PublishStatus.published)
    db.session.commit()
    message = db.session.scalar(select(SmsMessage))
    assert ("ئارماتۇرا ئىشچىسى" if lang == "ug" else "钢筋工") in message.text
    link = re.search(r"/a/[A-Z0-9]{16}", message.text).group(0)

    # The link opened from the SMS app, on a phone set to English: the page speaks the SMS's language.
    phone = new_page(viewport=PHONE, locale="en-US")
    phone.goto(live_server + link)
    expect(phone.locator("html")).to_have_attribute("lang", lang)
    _no_sideways_scroll(phone, PHONE["width"])
    screenshot(phone, f"resident-alerts-stop-{lang}-phone")
    phone.get_by_role("button", name=words["yes"]).click()
    phone.wait_for_load_state()
    assert phone.locator("[role=status]").is_visible()
    db.session.expire_all()
    assert not alerts.subscription_of(attendee).active
    assert db.session.scalar(select(SmsMessage)) is None  # the waiting alert is dropped

    page.goto(f"{live_server}/p/{attendee.pass_token}")
    assert page.get_by_role("button", name=words["send"]).is_visible()
    assert page.get_by_role("button", name=words["stop"]).count() == 0


def test_the_office_page_shows_counts_at_desktop_width(live_server, new_page, build, db, resident, screenshot):
    township, attendee = resident
    alerts.subscribe(attendee, [], [], True, "ug")
    db.session.commit()
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, build.user("office"))
    page.goto(f"{live_server}/office/postings/")
    page.locator(".page-head").get_by_role("link", name="岗位提醒").click()
    page.wait_for_url(f"{live_server}/office/postings/alerts")
    assert page.locator("#alert-subscriptions td").first.inner_text() == "1"
    assert "13900001234" not in page.content()
    screenshot(page, "office-alerts-zh-desktop")
    # The same page in Uyghur on a phone: right to left, nothing wider than the screen.
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/lang/ug?next=/office/postings/alerts")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "قىسقا ئۇچۇر ئارقىلىق خىزمەت ئەسكەرتىشى"
    _no_sideways_scroll(page, PHONE["width"])
    screenshot(page, "office-alerts-ug-phone")
