"""A phone past its registration allowance, in Uyghur at 360 px: the form comes back as typed, with the
minutes to wait, and another phone on the same network still registers."""
from playwright.sync_api import expect

from tests.browser.conftest import PHONE


def test_a_refused_registration_keeps_the_form_and_says_when(app, live_server, new_page, build, screenshot):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    build.area("village", parent=township, name_zh="博斯坦村", name_ug="بوستان كەنتى", name_en="Bostan")
    app.config["REGISTER_MAX_PER_PHONE"] = 1
    page = new_page(viewport=PHONE, locale="ug-CN")

    def fill(name):
        page.goto(live_server + "/register")
        page.fill("input[name=name]", name)
        page.fill("input[name=phone]", "13900001234")
        page.select_option("select[name=village]", index=1)
        page.check("input[name=group][value=rural_worker]")
        page.fill("textarea[name=skills]", "تىكىش")
        page.check("input[name=consent]")
        with page.expect_navigation():
            page.click("form button[type=submit]")

    fill("ئايگۈل")
    expect(page).to_have_url(f"{live_server}/p/" + page.url.rsplit("/", 1)[-1])
    fill("مەرىيەم")
    alert = page.locator("[role=alert]")
    expect(alert).to_contain_text("60 مىنۇتتىن كېيىن")
    expect(page.locator("input[name=name]")).to_have_value("مەرىيەم")
    expect(page.locator("textarea[name=skills]")).to_have_value("تىكىش")
    expect(page.locator("input[name=consent]")).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "register-refused-ug-phone")

    neighbour = new_page(viewport=PHONE, locale="zh-CN")
    neighbour.goto(live_server + "/register")
    neighbour.fill("input[name=name]", "阿依古丽")
    neighbour.check("input[name=group][value=rural_worker]")
    neighbour.check("input[name=consent]")
    with neighbour.expect_navigation():
        neighbour.click("form button[type=submit]")
    expect(neighbour.locator("h1")).not_to_have_text("登记并领取就业卡")
    assert "/p/" in neighbour.url
