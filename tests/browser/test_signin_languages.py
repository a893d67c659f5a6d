"""A staff member signs in on a tablet and reads the home page in Chinese, Uyghur and English."""
import re

import pytest

from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def office_user(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    build.event(area=township, place_zh="阿克镇巴扎", place_ug="ئاق بازىرى", place_en="Aq bazaar",
                postings=[build.posting()])
    return build.user("office", display_name="Amina")


def test_office_home_in_three_languages(live_server, new_page, office_user, screenshot):
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, office_user)
    assert page.locator("html").get_attribute("lang") == "zh"
    zh_heading = page.locator("h1").inner_text()
    assert re.search(r"[\u4e00-\u9fff]", zh_heading), zh_heading
    screenshot(page, "office-home-zh-tablet")

    page.click("nav.langs a[lang=ug]")
    page.wait_for_load_state()
    assert page.url == live_server + "/office/"
    html = page.locator("html")
    assert html.get_attribute("lang") == "ug" and html.get_attribute("dir") == "rtl"
    assert re.search(r"[\u0600-\u06ff]", page.locator("h1").inner_text())
    # The layout mirrors: the brand sits at the right edge, the language switch to its left.
    brand = page.locator(".brand").bounding_box()
    langs = page.locator("nav.langs").bounding_box()
    assert brand["x"] + brand["width"] > TABLET["width"] - 40
    assert langs["x"] < brand["x"]
    assert page.locator(".event-card h3").first.inner_text() == "ئاق بازىرى"
    screenshot(page, "office-home-ug-tablet")

    page.click("nav.langs a[lang=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "Test County"  # the user's own area, whatever its level
    assert page.locator(".brand").bounding_box()["x"] < 40

    # The choice is remembered on the next visit, whatever the browser prefers.
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("locale, lang", [("ug-CN", "ug"), ("zh-CN", "zh"), ("en-GB", "en")])
def test_public_home_fits_a_phone(live_server, new_page, office_user, screenshot, locale, lang):
    page = new_page(viewport=PHONE, locale=locale)
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == lang
    # Nothing wider than the screen: no sideways scrolling on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Touch targets are at least 40 px high.
    for box in page.locator("nav.langs a").all():
        assert box.bounding_box()["height"] >= 40
    screenshot(page, f"public-home-{lang}-phone")


def test_wrong_password_shows_an_error_in_the_chosen_language(live_server, new_page, office_user):
    page = new_page(viewport=PHONE, locale="ug-CN")
    page.goto(live_server + "/signin")
    page.fill("input[name=username]", office_user.username)
    page.fill("input[name=password]", "wrong password")
    page.click("button[type=submit]")
    alert = page.locator("[role=alert]")
    assert re.search(r"[\u0600-\u06ff]", alert.inner_text())
    assert page.url.endswith("/signin")
