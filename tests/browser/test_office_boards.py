"""A township clerk keeps the village notice boards: prints a board's bulletin, records the refresh (a future
date refused), and sees the board move to the end of the list; on a phone in Uyghur, on a desktop in Chinese."""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import PostingTranslation
from caravan.services.listings import local_today
from tests.browser.conftest import PHONE
from tests.browser.staff import sign_in
from tests.test_boards import page_count
from tests.test_pdf import pdf_text

DESKTOP = {"width": 1280, "height": 800}
FUTURE = {"ug-CN": "چېسلا كەلگۈسىدە بولسا بولمايدۇ.", "zh-CN": "日期不能晚于今天。"}


@pytest.mark.browser
@pytest.mark.parametrize("viewport, locale", [(PHONE, "ug-CN"), (DESKTOP, "zh-CN")])
def test_a_clerk_prints_a_board_and_records_its_refresh(live_server, new_page, build, screenshot, tmp_path,
                                                        viewport, locale):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى")
    orchard = build.area("village", parent=township, name_zh="果园村", name_ug="باغ كەنتى")
    river = build.area("village", parent=township, name_zh="河边村", name_ug="دەريا بويى كەنتى")
    build.posting(area=orchard, translations=[PostingTranslation(lang="zh", title="缝纫工"),
                                              PostingTranslation(lang="ug", title="تىككۈچى")])
    user = build.user("office", area=township)
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/print/")
    page.locator("a[href='/office/boards/']").first.click()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(orchard.code)  # never refreshed: code order
    screenshot(page, f"office-boards-{locale[:2]}-{viewport['width']}")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= viewport["width"]

    bulletin = page.locator("form[action$='/boards/bulletin']")
    bulletin.locator("select[name=area]").select_option(orchard.code)
    with page.expect_download() as download:
        bulletin.locator("button[type=submit]").click()
    pdf = download.value.path().read_bytes()
    assert page_count(pdf, tmp_path) == 1
    text = pdf_text(pdf, tmp_path)
    assert "缝纫工" in text and "تىككۈچى" in text

    # The refresh, first with tomorrow's date: refused in the page's language, the choices kept.
    record = page.locator("form[action$='/boards/refresh']")
    record.locator("select[name=village]").select_option(orchard.code)
    tomorrow = (local_today() + timedelta(days=1)).isoformat()
    record.locator("input[name=day]").evaluate("(el, v) => { el.removeAttribute('max'); el.value = v; }", tomorrow)
    with page.expect_navigation():
        record.locator("button[type=submit]").click()
    expect(page.locator(".error", has_text=FUTURE[locale])).to_be_visible()
    record = page.locator("form[action$='/boards/refresh']")
    expect(record.locator("select[name=village]")).to_have_value(orchard.code)
    expect(record.locator("input[name=day]")).to_have_value(tomorrow)
    screenshot(page, f"office-boards-error-{locale[:2]}-{viewport['width']}")
    record.locator("input[name=day]").fill(local_today().isoformat())
    with page.expect_navigation():
        record.locator("button[type=submit]").click()
    expect(page.locator(".alert-ok")).to_be_visible()
    rows = page.locator("table tbody tr")
    expect(rows.nth(0)).to_contain_text(river.code)  # never refreshed comes first now
    expect(rows.nth(1)).to_contain_text(orchard.code)
    expect(rows.nth(1)).to_contain_text(user.display_name or user.username)
    screenshot(page, f"office-boards-done-{locale[:2]}-{viewport['width']}")
