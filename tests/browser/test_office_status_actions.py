"""An office user edits a posting and presses Publish: the edit is kept. Enter in a field only saves.
Cancelling an event asks first and is undone with one button, in Uyghur on a phone."""
import re

from playwright.sync_api import expect

from caravan.models import PostingTranslation
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


def test_publish_keeps_the_edit_typed_above_it(live_server, new_page, build, screenshot):
    county = build.county()
    employer = build.employer(name_zh="石榴花餐厅", area=county)
    posting = build.posting(employer=employer, area=county, status="draft", openings=2,
                            translations=[PostingTranslation(lang="zh", title="厨师")])
    user = build.user("office", area=county)
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/office/postings/{posting.id}/edit")

    # Enter in a field presses the form's first button: a plain save, not the status buttons above it.
    page.fill("input[name=openings]", "4")
    with page.expect_navigation():
        page.press("input[name=openings]", "Enter")
    expect(page.locator("[role=status]")).to_contain_text("已保存")
    expect(page.locator(".status-bar .status")).to_have_text("草稿")
    expect(page.locator("input[name=openings]")).to_have_value("4")

    page.fill("input[name=openings]", "6")
    page.fill("input[name=title_zh]", "中餐厨师")
    page.fill("textarea[name=description_zh]", "负责炒菜。")
    with page.expect_navigation():
        page.click(".status-bar button[value=publish]")
    expect(page.locator(".status-bar .status")).to_have_text("已发布")
    expect(page.locator("input[name=openings]")).to_have_value("6")
    expect(page.locator("input[name=title_zh]")).to_have_value("中餐厨师")
    expect(page.locator("textarea[name=description_zh]")).to_have_value("负责炒菜。")
    expect(page.locator("[role=status]", has_text=posting.code)).to_be_visible()
    screenshot(page, "office-posting-saved-and-published-zh-tablet")

    # Close with an edit: kept too, and the list shows the closed posting under its new title.
    page.fill("input[name=openings]", "1")
    with page.expect_navigation():
        page.click(".status-bar button[value=close]")
    expect(page.locator(".status-bar .status")).to_have_text("已关闭")
    expect(page.locator("input[name=openings]")).to_have_value("1")

    # The status bar on a phone, in Uyghur: its buttons fit the screen.
    phone = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(phone, live_server, user)
    phone.goto(f"{live_server}/office/postings/{posting.id}/edit")
    expect(phone.locator(".status-bar button[value=publish]")).to_have_text("ساقلاپ ئېلان قىلىش")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-posting-status-bar-ug-phone")


def test_cancel_an_event_asks_first_and_can_be_undone(live_server, new_page, build, screenshot):
    county = build.county()
    event = build.event(area=county, place_zh="周日巴扎", place_ug="يەكشەنبە بازىرى")
    user = build.user("office", area=county)
    page = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/office/events/{event.id}/edit")
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.fill("input[name=place_en]", "Sunday bazaar")
    with page.expect_navigation():
        page.click(".status-bar button[value=cancel]")
    expect(page.locator("#event-cancel h1")).to_contain_text(event.code)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "office-event-cancel-confirm-ug-phone")

    # "No": back to the event, still planned, with the edit saved.
    with page.expect_navigation():
        page.click("#event-cancel a.btn")
    expect(page.locator("input[name=place_en]")).to_have_value("Sunday bazaar")
    expect(page.locator(".status-bar .status")).to_have_text("پىلانلانغان")

    with page.expect_navigation():
        page.click(".status-bar button[value=cancel]")
    with page.expect_navigation():
        page.click("#event-cancel button[type=submit]")
    expect(page.locator(".status-bar .status")).to_have_text("بىكار قىلىنغان")
    expect(page.locator("[role=status]", has_text=event.code)).to_be_visible()
    restore = page.locator(".status-bar button[value=restore]")
    expect(restore).to_be_visible()
    screenshot(page, "office-event-cancelled-ug-phone")

    with page.expect_navigation():
        restore.click()
    expect(page.locator(".status-bar .status")).to_have_text("پىلانلانغان")
    assert re.search(r"/office/events/[0-9a-f-]{36}/edit$", page.url)
    screenshot(page, "office-event-restored-ug-phone")

    # The confirmation on a desktop, in Chinese.
    desk = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(desk, live_server, user)
    desk.goto(f"{live_server}/office/events/{event.id}/cancel")
    expect(desk.locator("#event-cancel h1")).to_have_text(f"取消活动 {event.code}？")
    screenshot(desk, "office-event-cancel-confirm-zh-desktop")
