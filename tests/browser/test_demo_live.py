"""A new user tries the demo: enrolls a tablet in the demo township, signs in as its field login and checks a
resident in at the event that is on today."""
import pytest
from sqlalchemy import select

from caravan.demo.loader import load_demo
from caravan.demo.season import load_season
from caravan.demo.stops import TOWNSHIP
from caravan.models import Area, Attendee, CheckIn, Event
from caravan.models.base import utcnow
from caravan.services.sync.enroll import new_enrollment_code
from tests.browser.conftest import PHONE
from tests.browser.field_helpers import count, enroll, enter_code, open_app, pick_event, staff_signin, wait_pending


@pytest.mark.browser
@pytest.mark.parametrize("locale, viewport", [("ug", None), ("zh-CN", PHONE)])
def test_a_new_user_checks_a_resident_in_at_the_demo_event_of_today(persistent, live_server, db, screenshot,
                                                                   locale, viewport):
    load_demo("demo-pass-4")
    load_season("demo-pass-4")
    db.session.commit()
    township = db.session.scalar(select(Area).where(Area.code == TOWNSHIP))
    now = utcnow()
    live = db.session.scalar(select(Event).where(Event.area_id == township.id, Event.starts_at <= now,
                                                 Event.ends_at > now))
    # A resident of the township's villages, registered at an earlier stop, not yet here today.
    resident = db.session.scalar(
        select(Attendee).join(Attendee.village).where(
            Area.code.startswith(f"{TOWNSHIP}-"), Attendee.erased_at.is_(None),
            Attendee.id.not_in(select(CheckIn.attendee_id).where(CheckIn.event_id == live.id)))
        .order_by(Attendee.consent_at).limit(1))
    _, code = new_enrollment_code(township)
    db.session.commit()

    context = persistent(auto_staff=False, locale=locale, **({"viewport": viewport} if viewport else {}))
    page = open_app(context, live_server, unlock=False)
    enroll(page, code, name="演示平板 1", wait=False)
    staff_signin(page, "field.kt02", "demo-pass-4")
    page.wait_for_selector("#event-list button")
    place = live.place_ug if locale == "ug" else live.place_zh
    assert place in page.inner_text("#event-list button >> nth=0")  # today's event comes first
    pick_event(page, 0)
    enter_code(page, resident.pass_token)
    page.wait_for_selector("#confirm-box.fa-ok")
    assert resident.name in page.inner_text("#confirm-box")
    screenshot(page, f"demo-live-checkin-{locale}")
    page.click("#sync-now")
    wait_pending(page, 0)
    assert count(db, CheckIn, event_id=live.id, attendee_id=resident.id) == 1
