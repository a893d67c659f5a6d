"""The frame of every page on a phone and a desktop: the staff menu, the dashboard's figures, long words."""
import pytest
from playwright.sync_api import expect

from caravan.models import NoticeTranslation, PostingTranslation
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in

DESKTOP = {"width": 1280, "height": 800}
LONG_WORD = "x" * 200
LONG_URL = "https://example.org/" + "/".join(f"seg{n}" for n in range(14)) + "?q=" + "a" * 60  # fits a place (200)
LONG_TEXT = f"{LONG_WORD} {LONG_URL} 长词{'长' * 120}"


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("innerWidth") == width


@pytest.mark.parametrize("locale", ["ug-CN", "zh-CN"])
def test_the_office_top_bar_is_one_short_row_on_a_phone_and_its_menu_opens(live_server, new_page, build,
                                                                          screenshot, locale):
    admin = build.user("admin", display_name="Amina")
    page = new_page(viewport=PHONE, locale=locale)
    sign_in(page, live_server, admin, home="/office/admin/")
    page.goto(live_server + "/office/")
    bar = page.locator("header.topbar").bounding_box()
    assert bar["height"] <= 64, bar
    assert page.locator("main h1").bounding_box()["y"] <= bar["height"] + 40
    nav = page.locator("nav.nav")
    expect(nav).to_be_hidden()
    screenshot(page, f"office-home-{locale[:2]}-phone")
    page.click("summary.menu-button")
    expect(nav).to_be_visible()
    for link in nav.locator("a").all():
        assert link.bounding_box()["height"] >= 40  # the links under "More" too: one flat list on a phone
    expect(nav.locator("a")).to_have_count(14)
    expect(page.locator("summary.nav-more-button")).to_be_hidden()
    expect(page.locator("nav.langs")).to_be_visible()
    expect(page.locator("form.signout button")).to_be_visible()
    _no_sideways_scroll(page, PHONE["width"])
    screenshot(page, f"office-menu-{locale[:2]}-phone")
    with page.expect_navigation():
        nav.locator("a[href='/office/postings/']").click()
    expect(page.locator("nav.nav")).to_be_hidden()
    # The dashboard's six figures: two a row on a phone, not one.
    page.goto(live_server + "/office/")
    boxes = [li.bounding_box() for li in page.locator("ul.stats").first.locator("li").all()]
    assert len({round(b["y"]) for b in boxes}) <= 3, boxes
    _no_sideways_scroll(page, PHONE["width"])


@pytest.mark.parametrize("locale", ["zh-CN", "ug-CN", "en-GB"])
def test_the_admin_navigation_stays_on_one_line_on_a_desktop(live_server, new_page, build, screenshot, locale):
    admin = build.user("admin", display_name="Amina")
    page = new_page(viewport=DESKTOP, locale=locale)
    sign_in(page, live_server, admin, home="/office/admin/")
    page.goto(live_server + "/office/")
    screenshot(page, f"office-home-{locale[:2]}-desktop")
    expect(page.locator("summary.menu-button")).to_be_hidden()
    # Eleven links and "More" (print, audit log, administration) in one row, with room for one more item.
    more = page.locator("summary.nav-more-button")
    items = [a.bounding_box() for a in page.locator("nav.nav a").all() if a.is_visible()] + [more.bounding_box()]
    assert len(items) == 12 and len({round(b["y"]) for b in items}) == 1, items
    row = page.locator("nav.nav").bounding_box()
    room = row["x"] + row["width"] - max(b["x"] + b["width"] for b in items) if locale[:2] != "ug" \
        else min(b["x"] for b in items) - row["x"]
    assert room >= max(b["width"] for b in items), (room, items)
    # Two rows: the brand, languages and sign-out; the links under them.
    assert page.locator("header.topbar").bounding_box()["height"] <= 112
    _no_sideways_scroll(page, DESKTOP["width"])
    more.click()
    hidden = page.locator(".nav-more-body a")
    expect(hidden).to_have_count(3)
    for link in hidden.all():
        expect(link).to_be_visible()
    screenshot(page, f"office-more-{locale[:2]}-desktop")
    with page.expect_navigation():
        page.click(".nav-more-body a[href='/office/audit']")
    expect(page.locator("summary.nav-more-button.current")).to_be_visible()


@pytest.mark.parametrize("locale", ["ug-CN", "zh-CN"])
def test_a_200_character_word_and_a_long_url_wrap_on_a_phone(live_server, new_page, build, screenshot, locale):
    county = build.county()
    employer = build.employer(name_zh=LONG_WORD, name_ug=LONG_WORD)
    posting = build.posting(employer=employer, area=county, translations=[
        PostingTranslation(lang=lang, title=LONG_WORD, description=LONG_TEXT, requirements=LONG_URL,
                           work_place=LONG_URL) for lang in ("zh", "ug")])
    notice = build.notice(translations=[NoticeTranslation(lang=lang, title=LONG_WORD, body=LONG_TEXT)
                                        for lang in ("zh", "ug")])
    event = build.event(area=county, place_zh=LONG_WORD, place_ug=LONG_URL)
    event.postings.append(posting)
    event.notices.append(notice)
    build.db.session.commit()
    page = new_page(viewport=PHONE, locale=locale)
    for path in (f"/j/{posting.code}", f"/n/{notice.code}", f"/e/{event.code}", "/"):
        page.goto(live_server + path)
        _no_sideways_scroll(page, PHONE["width"])
        screenshot(page, f"long-words{path.replace('/', '-')}-{locale[:2]}-phone")
    # The office's own pages show the same texts: a list and a form.
    office = build.user("office", area=county)
    sign_in(page, live_server, office)
    for path in ("/office/", "/office/postings/", f"/office/postings/{posting.id}/edit", "/office/events/",
                 "/office/notices/", "/office/employers/"):
        page.goto(live_server + path)
        _no_sideways_scroll(page, PHONE["width"])
    screenshot(page, f"long-words-office-{locale[:2]}-phone")
