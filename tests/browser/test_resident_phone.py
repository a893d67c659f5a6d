"""A resident's phone (360x740) in Uyghur: open a posting from its QR URL, register, see the pass."""
import re

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from caravan import printing
from caravan.models import Attendee, Interest, PostingTranslation
from caravan.qr import public_url
from tests.browser.conftest import PHONE
from tests.test_pdf import decoded_urls

ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def posting(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    build.area("village", parent=township, name_zh="博斯坦村", name_ug="بوستان كەنتى", name_en="Bostan")
    employer = build.employer(name_zh="棉花合作社", name_ug="پاختا كوپېراتىپى", name_en="Cotton Co-op")
    posting = build.posting(employer=employer, area=township, wage_min=3000, wage_max=4500, housing=True,
                            meals=True, translations=[
                                PostingTranslation(lang="zh", title="缝纫工", description="缝制工作服。"),
                                PostingTranslation(lang="ug", title="تىككۈچى", description="خىزمەت كىيىمى تىكىش.",
                                                   work_place="ئاق بازىرى سانائەت باغچىسى")])
    build.event(area=township, place_zh="阿克镇巴扎", place_ug="ئاق بازىرى بازار", postings=[posting])
    return posting


def test_uyghur_phone_opens_a_posting_registers_and_sees_the_pass(app, live_server, new_page, posting,
                                                                   screenshot, db, tmp_path):
    # Read the QR off the printed poster; it carries PUBLIC_BASE_URL, and the phone opens its path here.
    (tmp_path / "poster").mkdir()
    ((url,),) = decoded_urls(printing.posters_pdf([posting], per_page=1), tmp_path / "poster")
    assert url == public_url("j", posting.code)
    page = new_page(viewport=PHONE, locale="ug-CN")
    page.goto(live_server + url.removeprefix(app.config["PUBLIC_BASE_URL"]))
    html = page.locator("html")
    assert html.get_attribute("lang") == "ug" and html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "تىككۈچى"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    screenshot(page, "resident-posting-ug-phone")

    page.get_by_role("button", name="مەن قىزىقىمەن").click()
    page.wait_for_url(re.compile(r".*/register\?j=" + posting.code))
    assert ARABIC.search(page.locator(".consent").inner_text())
    page.get_by_role("button", name="تىزىملىتىش").click()  # empty: the server says what is missing
    assert page.locator(".alert-error").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.fill("input[name=name]", "دىلنۇر ئابلىز")
    page.fill("input[name=phone]", "13900001234")
    page.select_option("select[name=village]", label="بوستان كەنتى · ئاق بازىرى")
    page.check("input[name=group][value=rural_worker]")
    page.check("input[name=consent]")
    screenshot(page, "resident-register-ug-phone")
    page.get_by_role("button", name="تىزىملىتىش").click()
    page.wait_for_url(re.compile(r".*/p/[A-Z2-7]{32}\?added=" + posting.code))
    assert page.locator(".pass .name").inner_text() == "دىلنۇر ئابلىز"
    assert "تىككۈچى" in page.locator(".cards").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "resident-pass-ug-phone")

    # The QR on the screen reads back as this pass's URL.
    attendee = db.session.scalar(select(Attendee))
    shot = tmp_path / "qr.png"
    page.locator(".pass .qr").screenshot(path=str(shot))
    (result,) = zxingcpp.read_barcodes(Image.open(shot))
    assert result.text == public_url("p", attendee.pass_token)
    assert db.session.scalar(select(Interest)).attendee_id == attendee.id

    # The pass cookie is HttpOnly: scripts on the page cannot read it.
    assert "caravan_pass" not in page.evaluate("document.cookie")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_posting_and_event_on_a_phone(live_server, new_page, posting, screenshot, lang):
    page = new_page(viewport=PHONE, locale=lang)
    page.goto(f"{live_server}/j/{posting.code}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"resident-posting-{lang}-phone")
    page.goto(live_server + "/")
    page.locator(".event-card h3 a").first.click()
    page.wait_for_url(re.compile(r".*/e/[A-Z2-9]{6}"))
    assert page.locator(".cards .card").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"resident-event-{lang}-phone")
