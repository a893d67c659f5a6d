"""The quarterly statistics in Chromium: a figure opens the records behind it (as many as it says, or adding
up to it), the table scrolls sideways on a phone in Uyghur without the page doing so, and submitting shows
what changed."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import CheckIn, CheckInMethod, Event, EventKind
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in
from tests.test_reports import EXPECTED, QUARTER, TOTAL, YEAR, _id, build_season


@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_a_figure_opens_its_records_and_a_late_record_shows_as_a_change(live_server, new_page, build, db,
                                                                        screenshot, locale, lang, viewport,
                                                                        size):
    season = build_season(build, db)
    user = build.user("office", display_name="Amina")
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + f"/office/reports/?year={YEAR}&quarter={QUARTER}")
    total = page.locator("#quarterly tr.total td")
    expect(total).to_have_count(len(EXPECTED[TOTAL]))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    expect(page.locator("#people-note")).to_be_visible()  # why people reached exceed visits, and do not add up
    screenshot(page, f"office-reports-{lang}-{size}")
    # Visits: 10 in the county, 10 rows behind the figure.
    page.locator("#quarterly tr.total td").nth(4).locator("a").click()
    expect(page.locator("#report-records tbody tr")).to_have_count(EXPECTED[TOTAL]["visits"])
    screenshot(page, f"office-report-records-{lang}-{size}")
    page.go_back()
    # People reached: residents and anonymous visitors' tallies; the page says what the rows add up to.
    page.locator("#quarterly tr.total td").nth(3).locator("a").click()
    expect(page.locator("#records-sum")).to_contain_text(str(EXPECTED[TOTAL]["people"]))
    screenshot(page, f"office-report-records-sum-{lang}-{size}")
    page.go_back()
    page.locator("#submission button[type=submit]").click()
    expect(page.locator("#submission code")).to_have_count(1)
    job_fair = db.session.scalar(select(Event).where(Event.kind == EventKind.job_fair))
    late = build.attendee(village_id=season["a1"].id)
    db.session.add(CheckIn(id=_id(), event_id=job_fair.id, attendee_id=late.id, method=CheckInMethod.scan,
                           device_at=job_fair.starts_at))
    db.session.commit()
    page.reload()
    expect(page.locator("#changes tbody tr")).to_have_count(4)
    expect(page.locator("#quarterly td.changed")).to_have_count(4)
    screenshot(page, f"office-report-changes-{lang}-{size}")


@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_any_period_by_group_and_a_figure_by_area_opens_its_records(live_server, new_page, build, db, screenshot,
                                                                    locale, lang, viewport, size):
    """The custom period is a plain form: the dates typed, rows by resident group (empty cells with a
    footnote), then by area, where a township's visits open as many records as the figure says."""
    season = build_season(build, db)
    user = build.user("office", display_name="Amina")
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/reports/")
    page.locator("a[href^='/office/reports/custom']").click()
    page.fill("#f-from", "2026-07-01")
    page.fill("#f-to", "2026-09-30")
    page.select_option("#f-by", "group")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator("#custom tbody tr")).to_have_count(3 + 1)  # three groups and the total
    expect(page.locator("#footnote")).to_be_visible()
    expect(page.locator("#custom tr.total td").nth(4)).to_have_text(str(EXPECTED[TOTAL]["visits"]))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, f"office-reports-custom-group-{lang}-{size}")
    # A group's visits (the first group's) open as many records as the figure says.
    rural = page.locator("#custom tbody tr").first.locator("td").nth(4)
    visits = int(rural.inner_text())
    rural.locator("a").click()
    expect(page.locator("#report-records tbody tr")).to_have_count(visits)
    page.go_back()
    # So does its job information: the services given to its residents (tallies have no group).
    services = page.locator("#custom tbody tr").first.locator("td").nth(10)
    given = int(services.inner_text())
    assert given == 1
    services.locator("a").click()
    expect(page.locator("#report-records tbody tr")).to_have_count(given)
    expect(page.locator("#records-sum")).to_have_count(0)
    page.go_back()
    page.select_option("#f-by", "area")
    page.locator("form.filters button[type=submit]").click()
    township = page.locator("#custom tbody tr").first
    expect(township.locator("td a")).to_have_count(len(EXPECTED[TOTAL]))
    township.locator("td").nth(4).locator("a").click()
    expect(page.locator("#report-records tbody tr")).to_have_count(EXPECTED["a"]["visits"])
    screenshot(page, f"office-reports-custom-records-{lang}-{size}")


@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_a_summary_keeps_the_office_texts_and_refuses_a_long_one_keeping_it(live_server, new_page, build, db,
                                                                            screenshot, locale, lang, viewport,
                                                                            size):
    build_season(build, db)
    user = build.user("office", display_name="Amina")
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/reports/")
    page.locator("a[href^='/office/reports/summary']").click()
    page.select_option("#f-period", "year")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator("#comparison tbody tr")).to_have_count(len(EXPECTED[TOTAL]))
    expect(page.locator("figure.chart-figure svg")).to_have_count(2)
    page.fill("#f-work_done", "بازار كۈنى پائالىيىتى ئۆتكۈزۈلدى")
    page.fill("#f-plans", "x" * 4001)
    page.locator("#texts button[type=submit]").click()
    expect(page.locator("#f-plans[aria-invalid=true]")).to_be_visible()
    expect(page.locator("#f-work_done")).to_have_value("بازار كۈنى پائالىيىتى ئۆتكۈزۈلدى")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, f"office-report-summary-refused-{lang}-{size}")
    page.fill("#f-plans", "明年增加两场招聘会")
    page.locator("#texts button[type=submit]").click()
    expect(page.locator("#f-plans")).to_have_value("明年增加两场招聘会")
    expect(page.locator("#f-plans[aria-invalid=true]")).to_have_count(0)
    screenshot(page, f"office-report-summary-{lang}-{size}")
