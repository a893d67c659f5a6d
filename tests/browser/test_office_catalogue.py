"""An office user puts a posting online in three languages and finds it again with the live filter."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import PostingTranslation
from caravan.services.catalogue.texts import local_today
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def office(build):
    county = build.county()
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    employer = build.employer(name_zh="石榴花餐厅", name_ug="ئانارگۈل ئاشخانىسى", name_en="Pomegranate Restaurant",
                              area=town)
    for zh, ug, en in [("厨师", "ئاشپەز", "Cook"), ("收银员", "كاسسىر", "Cashier")]:
        build.posting(employer=employer, area=town, translations=[
            PostingTranslation(lang="zh", title=zh), PostingTranslation(lang="ug", title=ug),
            PostingTranslation(lang="en", title=en)])
    build.posting(title="棉花采摘工", area=county)  # no translations: flagged as missing
    return build.user("office", display_name="Amina", area=county), employer, town


def test_create_publish_and_find_a_posting(live_server, new_page, office, screenshot):
    user, employer, town = office
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, user)
    page.click("nav.nav a[href='/office/postings/']")
    page.click("a[href='/office/postings/new']")

    # A first try without a Chinese title is refused, with the reason beside the field, in Chinese.
    page.select_option("select[name=employer]", employer.id)
    page.fill("input[name=title_en]", "Waiter / waitress")
    with page.expect_navigation():
        page.click("form.catalogue-form button[type=submit]")
    expect(page.locator("#title_zh-error")).to_have_text("请填写中文标题。")

    page.select_option("select[name=sector]", "services")
    page.select_option("select[name=area]", town.code)
    page.fill("input[name=openings]", "4")
    page.fill("input[name=wage_min]", "3000")
    page.fill("input[name=wage_max]", "3600")
    page.fill("input[name=valid_until]", (local_today() + timedelta(days=30)).isoformat())
    page.check("input[name=meals]")
    page.fill("input[name=title_zh]", "餐厅服务员")
    page.fill("textarea[name=description_zh]", "负责点餐、上菜和收拾餐桌。")
    page.fill("input[name=work_place_zh]", "阿克镇人民路")
    page.fill("input[name=title_ug]", "ئاشخانا مۇلازىمەتچىسى")
    page.fill("textarea[name=description_ug]", "تاماق بۇيرۇتۇش، تاماق توشۇش ۋە ئۈستەل يىغىشتۇرۇش.")
    page.fill("textarea[name=description_en]", "Take orders, serve food and clear tables.")
    page.click("form.catalogue-form button[type=submit]")
    page.wait_for_url(re.compile(r"/office/postings/[0-9a-f-]{36}/edit$"))
    assert "草稿" in page.locator(".status-bar .status").inner_text()
    code = page.locator(".status-bar code").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{6}", code)
    screenshot(page, "office-posting-form-zh-tablet")

    with page.expect_navigation():
        page.click(".status-bar button[value=publish]")
    expect(page.locator(".status-bar .status")).to_have_text("已发布")
    assert code in page.locator("[role=status]").inner_text()

    # The live filter: typing swaps only the results (the page itself stays, the URL follows).
    with page.expect_navigation():
        page.click("nav.nav a[href='/office/postings/']")
    expect(page.locator("#postings-results tbody tr")).to_have_count(4)
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(lambda r: "q=" in r.url and r.request.headers.get("hx-request") == "true") as answer:
        page.fill("input[name=q]", "服务员")
    assert answer.value.status == 200 and "HX-Request" in answer.value.headers["vary"]
    expect(page.locator("#postings-results tbody tr")).to_have_count(1)
    row = page.locator("#postings-results tbody tr")
    assert code in row.inner_text() and "餐厅服务员" in row.inner_text() and "已发布" in row.inner_text()
    assert page.evaluate("window.stillTheSamePage") is True
    assert "q=%E6%9C%8D%E5%8A%A1%E5%91%98" in page.url
    with page.expect_response(lambda r: "status=draft" in r.url):
        page.select_option("select[name=status]", "draft")
    expect(page.locator("#postings-results tbody tr")).to_have_count(0)
    page.select_option("select[name=status]", "")
    page.fill("input[name=q]", "")
    expect(page.locator("#postings-results tbody tr")).to_have_count(4)
    assert "缺ئۇيغۇرچە" in page.locator("#postings-results").inner_text()  # the cotton posting
    screenshot(page, "office-postings-zh-tablet")

    with page.expect_navigation():
        page.click("nav.langs a[lang=en]")
    expect(page.locator("h1")).to_have_text("Job postings")
    assert "Waiter / waitress" in page.locator("#postings-results").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    screenshot(page, "office-postings-en-tablet")

    # The same list on a phone, in Uyghur, right to left, nothing wider than the screen.
    phone = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(phone, live_server, user)
    phone.goto(live_server + "/office/postings/?q=" + code)
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.locator("h1").inner_text() == "خىزمەت ئورۇنلىرى"
    assert "ئاشخانا مۇلازىمەتچىسى" in phone.locator("#postings-results").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.click("summary.menu-button")  # on a phone the links are in the menu
    for link in phone.locator("nav.nav a").all():
        assert link.bounding_box()["height"] >= 40
    phone.click("summary.menu-button")
    screenshot(phone, "office-postings-ug-phone")
    phone.click("#postings-results tbody a >> nth=0")
    phone.wait_for_url(re.compile(r"/edit$"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-posting-form-ug-phone")
