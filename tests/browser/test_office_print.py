"""A clerk prints a poster in the languages they tick, on a phone in Uyghur and on a desktop in Chinese."""
import re

import pytest
from playwright.sync_api import expect

from caravan.models import PostingTranslation
from tests.browser.conftest import PHONE
from tests.browser.staff import sign_in
from tests.test_pdf import pdf_text

DESKTOP = {"width": 1280, "height": 800}
NOTHING_CHOSEN = {"ug-CN": "بېسىش ئۈچۈن ئاز دېگەندە بىر تۈرنى تاللاڭ.", "zh-CN": "请至少选择一项进行打印。"}


@pytest.mark.parametrize("viewport, locale, ticked, present, absent", [
    (PHONE, "ug-CN", ["ug"], "تىككۈچى", r"[\u4e00-\u9fff]"),
    (DESKTOP, "zh-CN", ["zh", "en"], "Sewing worker", r"[\u0600-\u06ff]"),
])
def test_a_poster_in_the_ticked_languages(live_server, new_page, build, screenshot, tmp_path, viewport, locale,
                                          ticked, present, absent):
    county = build.county()
    employer = build.employer(name_zh="棉花合作社", name_ug="پاختا كوپېراتىپى", name_en="Cotton Co-op")
    posting = build.posting(employer=employer, area=county, translations=[
        PostingTranslation(lang="zh", title="缝纫工"), PostingTranslation(lang="ug", title="تىككۈچى"),
        PostingTranslation(lang="en", title="Sewing worker")])
    user = build.user("office", area=county)
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/print/")
    form = page.locator("form:has(input[name=kind][value=posters])")
    form.locator(f"input[name=item][value=\"{posting.code}\"]").check()
    for lang in ticked:
        form.locator(f"input[name=lang][value={lang}]").check()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= viewport["width"]
    screenshot(page, f"office-print-{locale[:2]}-{viewport['width']}")
    with page.expect_download() as download:
        form.locator("button[type=submit]").click()
    text = pdf_text(download.value.path().read_bytes(), tmp_path)
    assert present in text and not re.search(absent, text)
    # Nothing ticked: an error in the page's language, the ticked languages kept.
    form.locator(f"input[name=item][value=\"{posting.code}\"]").uncheck()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator(".alert-error", has_text=NOTHING_CHOSEN[locale])).to_be_visible()
    form = page.locator("form:has(input[name=kind][value=posters])")
    for lang in ticked:
        expect(form.locator(f"input[name=lang][value={lang}]")).to_be_checked()
