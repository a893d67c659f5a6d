"""A posting with a 200-character word and a long address on the tablet: its cards, the kiosk and the
services list break the text instead of widening the screen."""
import pytest
from playwright.sync_api import expect

from caravan.models import PostingTranslation
from tests.browser.conftest import PHONE, TABLET
from tests.browser.field_helpers import tab

LONG_WORD = "x" * 200
LONG_URL = "https://example.org/" + "/".join(f"segment{n}" for n in range(17))  # 179 characters: fits a place (200)


def _fits(page, width: int, where: str) -> None:
    scroll = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll <= width, f"{where}: {scroll}px wide"


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_long_words_break_on_the_tablet(tablet, county, build, db, screenshot, viewport):
    employer = build.employer(name_zh=LONG_WORD, name_ug=LONG_WORD, name_en=LONG_WORD)
    posting = build.posting(employer=employer, area=county["villages"][0], translations=[
        PostingTranslation(lang=lang, title=LONG_WORD, description=f"{LONG_WORD} {LONG_URL}", work_place=LONG_URL,
                           requirements=LONG_URL) for lang in ("zh", "ug", "en")])
    county["events"][0].postings.append(posting)
    db.session.commit()
    context, page = tablet(fresh=True, viewport=viewport)
    for lang in ("ug", "zh"):
        page.click(f".fa-bar [data-lang={lang}]")
        tab(page, "postings")
        expect(page.locator(".fa-card")).to_have_count(4)
        _fits(page, viewport["width"], f"postings {lang}")
        screenshot(page, f"field-long-words-postings-{lang}-{viewport['width']}")
        tab(page, "give")
        _fits(page, viewport["width"], f"give {lang}")
    tab(page, "postings")
    page.click("#kiosk-open")
    page.wait_for_selector("#kiosk:not([hidden]) .fa-card-big")
    for _ in range(4):
        _fits(page, viewport["width"], "kiosk")
        if LONG_WORD[:20] in page.inner_text(".fa-card-big h3"):
            break
        page.click("#kiosk-card")
    screenshot(page, f"field-long-words-kiosk-{viewport['width']}")
