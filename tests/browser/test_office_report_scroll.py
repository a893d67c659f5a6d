"""The quarterly table is wider than a 1280 px desktop and far wider than a phone: the page says so, the area
column stays in place while the figures scroll under it, and the scroller shows on which side there is more
(in Uyghur the table starts at the right and scrolls the other way)."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in
from tests.test_reports import QUARTER, YEAR, build_season


@pytest.mark.browser
@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", PHONE, "phone"),
                                                          ("ug-CN", "ug", TABLET, "desktop"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_the_wide_table_says_it_scrolls_and_keeps_the_area_column(live_server, new_page, build, db, screenshot,
                                                                  locale, lang, viewport, size):
    build_season(build, db)
    user = build.user("office", display_name="Amina")
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + f"/office/reports/?year={YEAR}&quarter={QUARTER}")
    wrap = page.locator(".table-wrap[data-scroll-hint]")
    hint = page.locator(".scroll-hint")
    expect(hint).to_be_visible()
    expect(wrap).to_have_class("table-wrap more-end")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    area = page.locator("#quarterly tbody tr").first.locator("th")
    before = area.bounding_box()
    screenshot(page, f"office-reports-scroll-start-{lang}-{size}")
    # Scroll to the far end (negative in a right-to-left page): the area column has not moved, the last
    # column is in view, the start side now shows the shadow and the end side no longer fades.
    wrap.evaluate("el => { el.scrollLeft = (getComputedStyle(el).direction === 'rtl' ? -1 : 1) * el.scrollWidth; }")
    expect(wrap).to_have_class("table-wrap more-start")
    after = area.bounding_box()
    assert abs(after["x"] - before["x"]) < 1
    last = page.locator("#quarterly thead th").last.bounding_box()
    box = wrap.bounding_box()
    assert box["x"] - 1 <= last["x"] and last["x"] + last["width"] <= box["x"] + box["width"] + 1
    shadow = area.evaluate("el => getComputedStyle(el).boxShadow")
    assert shadow != "none" and (shadow.split(") ")[1].startswith("-") == (lang == "ug")), shadow
    screenshot(page, f"office-reports-scroll-end-{lang}-{size}")
    # The custom period's table says so too.
    page.goto(live_server + "/office/reports/custom?from=2026-07-01&to=2026-07-02&by=group")
    expect(page.locator(".scroll-hint")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_the_summary_charts_names_end_at_the_axis(live_server, new_page, build, db, screenshot, locale, lang,
                                                  viewport, size):
    """The areas' names sit left of their bars, whether Uyghur (right to left) or not (on a Uyghur page, the
    page's direction is not theirs): none runs into the bars. Side by side, the two charts are as wide."""
    build_season(build, db)
    user = build.user("office", display_name="Amina")
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/reports/summary?year=2026&period=year")
    charts = page.locator("figure.chart-figure svg")
    expect(charts).to_have_count(2)
    for chart in charts.all():
        axis = chart.locator("g.plot > rect.background").bounding_box()["x"]
        names = chart.locator("g.axis.y text")
        assert names.count() == 3
        for name in names.all():
            box = name.bounding_box()
            assert box["x"] + box["width"] <= axis + 1, name.text_content()
    first, second = (chart.bounding_box() for chart in charts.all())
    assert abs(first["width"] - second["width"]) < 1
    screenshot(page, f"office-report-summary-charts-{lang}-{size}")
