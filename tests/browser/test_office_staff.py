"""An administrator resets a staff member's password; the staff member signs in with it on a phone and
chooses their own."""
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


def test_reset_a_password_and_choose_a_new_one_at_sign_in(live_server, new_page, build, screenshot):
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    clerk = build.user("field", area=town, username="aygul", display_name="ئايگۈل")
    admin = build.user("admin", area=town)
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, admin, home="/office/admin/")
    page.click(f"a[href='/office/admin/staff/{clerk.id}']")
    screenshot(page, "office-staff-zh-tablet")
    with page.expect_navigation():
        page.click("button:has-text('重置密码')")
    temporary = page.locator("[data-temporary]").inner_text()
    screenshot(page, "office-staff-reset-zh-tablet")

    phone = new_page(viewport=PHONE, locale="ug")
    phone.goto(live_server + "/lang/ug")
    phone.goto(live_server + "/signin")
    phone.fill("input[name=username]", "aygul")
    phone.fill("input[name=password]", temporary)
    phone.click("button[type=submit]")
    phone.wait_for_url(live_server + "/account/password")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    phone.fill("input[name=current]", temporary)
    phone.fill("input[name=new]", "short")
    phone.fill("input[name=repeat]", "short")
    with phone.expect_navigation():
        phone.click("main form button[type=submit]")
    expect(phone.locator("#f-new-error")).to_be_visible()
    screenshot(phone, "account-password-ug-phone")
    phone.fill("input[name=current]", temporary)
    phone.fill("input[name=new]", "my own password")
    phone.fill("input[name=repeat]", "my own password")
    phone.click("main form button[type=submit]")
    phone.wait_for_url(live_server + "/field/")
