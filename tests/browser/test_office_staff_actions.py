"""The buttons above a staff member's form keep what was typed; deactivating asks first and Reactivate
undoes it (in Uyghur on a phone). Revoking a tablet asks first and says what happens to residents' data.
A phone that tries pass links waits, on a page that says for how long."""
import re

from playwright.sync_api import expect

from caravan.models import Device
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


def test_deactivate_keeps_the_edit_asks_first_and_reactivate_undoes_it(live_server, new_page, build, screenshot):
    county = build.county()
    clerk = build.user("field", area=county, display_name="艾力")
    admin = build.user("admin", area=county)
    page = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(page, live_server, admin, home="/office/admin/")
    page.goto(f"{live_server}/office/admin/staff/{clerk.id}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "office-staff-status-bar-ug-phone")

    # Enter in a field only saves.
    page.fill("input[name=display_name]", "ئەلى")
    with page.expect_navigation():
        page.press("input[name=display_name]", "Enter")
    expect(page.locator(".status-bar .status").first).to_have_text("ئىشلىتىلىۋاتىدۇ")

    page.fill("input[name=display_name]", "ئەلى ئابلا")
    with page.expect_navigation():
        page.click(".status-bar button[value=deactivate]")
    expect(page.locator("#staff-deactivate h1")).to_contain_text(clerk.username)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "office-staff-deactivate-confirm-ug-phone")

    # "No": back to the page, still active, the edit saved.
    with page.expect_navigation():
        page.click("#staff-deactivate a.btn")
    expect(page.locator("input[name=display_name]")).to_have_value("ئەلى ئابلا")
    expect(page.locator(".status-bar .status").first).to_have_text("ئىشلىتىلىۋاتىدۇ")

    with page.expect_navigation():
        page.click(".status-bar button[value=deactivate]")
    with page.expect_navigation():
        page.click("#staff-deactivate button[type=submit]")
    expect(page.locator(".status-bar .status").first).to_have_text("توختىتىلغان")
    expect(page.locator("[role=status]", has_text=clerk.username)).to_be_visible()
    reactivate = page.locator(".status-bar button[value=reactivate]")
    page.fill("input[name=display_name]", "ئەلى")
    with page.expect_navigation():
        reactivate.click()
    expect(page.locator(".status-bar .status").first).to_have_text("ئىشلىتىلىۋاتىدۇ")
    expect(page.locator("input[name=display_name]")).to_have_value("ئەلى")
    assert re.search(r"/office/admin/staff/\d+$", page.url)

    desk = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(desk, live_server, admin, home="/office/admin/")
    desk.goto(f"{live_server}/office/admin/staff/{clerk.id}/deactivate")
    expect(desk.locator("#staff-deactivate h1")).to_have_text(f"停用 {clerk.username}？")
    screenshot(desk, "office-staff-deactivate-confirm-zh-desktop")


def test_revoking_a_tablet_asks_first_and_names_the_wipe(live_server, new_page, build, db, screenshot):
    county = build.county()
    device = Device(name="平板 3", area=county)
    db.session.add(device)
    db.session.commit()
    user = build.user("office", area=county)
    page = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/office/tablets/")
    with page.expect_navigation():
        page.click(f"a[href$='/tablets/{device.id}/revoke']")
    expect(page.locator("#tablet-revoke h1")).to_contain_text("平板 3")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "office-tablet-revoke-confirm-ug-phone")

    desk = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(desk, live_server, user)
    desk.goto(f"{live_server}/office/tablets/{device.id}/revoke")
    expect(desk.locator("#tablet-revoke")).to_contain_text("清除其中保存的居民数据")
    screenshot(desk, "office-tablet-revoke-confirm-zh-desktop")
    with desk.expect_navigation():
        desk.click("#tablet-revoke button[type=submit]")
    expect(desk.locator("td.state")).to_have_text("已停用")


def test_a_phone_trying_pass_links_is_told_when_to_try_again(live_server, new_page, build, app, screenshot):
    app.config.update(PASS_MISS_MAX_PER_PHONE=2)
    attendee = build.attendee()
    page = new_page(viewport=PHONE, locale="ug-CN")
    page.goto(f"{live_server}/register")
    for n in range(2):
        assert page.goto(f"{live_server}/p/{'B' * 31}{'CD'[n]}").status == 404
    response = page.goto(f"{live_server}/p/{attendee.pass_token}")
    assert response.status == 429 and int(response.headers["retry-after"]) > 500
    expect(page.locator("#pass-wait [role=alert]")).to_contain_text("10")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "public-pass-wait-ug-phone")
