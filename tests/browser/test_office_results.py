"""An event's results in Chromium: a live event's figures refresh by themselves as a tablet syncs, the charts
draw under the CSP, and the page and the dashboard fit a phone in Uyghur and a desktop in Chinese."""
import pytest
from playwright.sync_api import expect

from caravan.models.base import utcnow
from caravan.services.devices import create_device
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in
from tests.sync.conftest import Tablet


@pytest.fixture
def live_event(build, db, client):
    """An event going on in a township, a tablet there that has pushed a check-in and 5 visitors."""
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    event = build.event(area=township, starts_in_hours=-1, hours=6, place_zh="阿克镇巴扎",
                        place_ug="ئاق بازىرى بازىرى")
    device, token = create_device("平板 1", township.code)
    db.session.commit()
    tablet = Tablet(client, device, token)
    person = build.attendee()
    arrived = tablet.checkin(event.id, person.id)
    arrived["at"] = utcnow().isoformat()
    response = tablet.push([arrived, tablet.tally(event.id, count=5),
                            tablet.service(event.id, "policy_advice")])
    assert response.status_code == 200
    return build.user("office", area=township, display_name="Amina"), event, tablet


@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_a_live_events_results_refresh_as_a_tablet_syncs(live_server, new_page, live_event, screenshot,
                                                         locale, lang, viewport, size):
    user, event, tablet = live_event
    page = new_page(viewport=viewport, locale=locale)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.clock.install()  # htmx's polling timer runs on this clock: the test moves it on, it does not wait
    sign_in(page, live_server, user)
    screenshot(page, f"office-dashboard-{lang}-{size}")
    page.goto(live_server + "/office/events/")
    page.click(f"a[href='/office/events/{event.id}']")
    page.wait_for_url(live_server + f"/office/events/{event.id}")
    visitors = page.locator("[data-figure=visitors]")
    expect(visitors).to_have_text("5")
    expect(page.locator("[data-figure=visits]")).to_have_text("1")
    chart = page.locator("svg.chart").first
    assert chart.bounding_box()["width"] > 200
    # The bars are painted in the series colour: the page's stylesheet reached the inline SVG.
    fill = page.locator("svg.chart .series .rect").first.evaluate("r => getComputedStyle(r).fill")
    assert fill == "rgb(31, 122, 77)"
    screenshot(page, f"office-event-results-{lang}-{size}")
    # Nothing sticks out sideways at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    assert tablet.push([tablet.tally(event.id, count=3)]).status_code == 200
    page.clock.fast_forward("00:31")
    expect(visitors).to_have_text("8")
    expect(page.locator("#event-figures[hx-trigger]")).to_have_count(1)  # still polling: the event is on
    assert not [e for e in errors if "Content Security Policy" in e], errors

    # The session ends while the page polls: the whole page goes to sign-in, not into the figures' place.
    page.context.clear_cookies()
    # The figures' own request, as the polling makes it (HX-Request, the same target and swap); made at once
    # rather than by moving the fake clock again, whose next poll is armed by htmx's settling of the swap.
    page.evaluate("""() => { const figures = document.querySelector('#event-figures');
        htmx.ajax('GET', figures.getAttribute('hx-get'), {source: figures, target: figures, swap: 'outerHTML'}); }""")
    page.wait_for_url(live_server + f"/signin?next=/office/events/{event.id}")
    expect(page.locator("input[name=username]")).to_be_visible()
