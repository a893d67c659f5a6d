"""Small things a stall needs: undo of the last tally tap, event dates with the weekday in the tablet's
language, and an event that is over marked so and opened only when the staff member confirms."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect
from sqlalchemy import func, select

from caravan.models import Tally
from tests.browser.conftest import PHONE
from tests.browser.field_helpers import count, store, sync_and_wait, tab, wait_pending

WEEKDAYS = {"zh": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
            "ug": ["دۈشەنبە", "سەيشەنبە", "چارشەنبە", "پەيشەنبە", "جۈمە", "شەنبە", "يەكشەنبە"],
            "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}


def tap(page, kind: str, shown: int) -> None:
    page.click(f"[data-tally={kind}]")
    page.wait_for_selector(f"[data-count={kind}]:has-text('{shown}')")
    page.wait_for_selector("#tally-undo:not([hidden])")


def test_undo_takes_an_unsent_tap_out_of_the_outbox_and_cancels_a_sent_one(tablet, county, db, screenshot):
    context, page = tablet(fresh=True)
    context.set_offline(True)
    tab(page, "tally")
    tap(page, "visitor", 1)
    tap(page, "job_info", 1)
    assert "+1" in page.inner_text("#tally-undo")
    assert page.inner_text("#event-name").startswith("巴扎天 · 阿克村巴扎 · ")
    for lang, undo in (("ug", "يېنىۋېلىش"), ("en", "Undo: +1 job information"), ("zh", "撤销")):
        page.click(f"[data-lang={lang}]")
        expect(page.locator("#tally-undo")).to_contain_text(undo)
        for size, viewport in (("tablet", {"width": 1024, "height": 768}), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            screenshot(page, f"field-tally-undo-{lang}-{size}")
    page.click("#tally-undo")  # the last tap only: job information
    page.wait_for_selector("[data-count=job_info]:has-text('0')")
    assert page.is_hidden("#tally-undo")
    assert [r["data"]["kind"] for r in store(page, "outbox")] == ["visitor"]
    context.set_offline(False)
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, Tally) == 1

    # Sent already: a correcting record cancels it on the server.
    tap(page, "visitor", 2)
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, Tally) == 2
    page.click("#tally-undo")
    page.wait_for_selector("[data-count=visitor]:has-text('1')")
    sync_and_wait(page)
    wait_pending(page, 0)
    cancel = [r for r in store(page, "sent") if r["data"].get("cancels_id")]
    assert len(cancel) == 1 and cancel[0]["data"]["count"] == -1
    db.session.expire_all()
    assert db.session.scalar(select(func.sum(Tally.count)).where(Tally.kind == "visitor")) == 1
    assert count(db, Tally) == 3


def test_events_show_the_weekday_in_the_tablets_language_and_an_ended_one_is_marked(
        tablet, county, build, screenshot):
    over = build.event(starts_in_hours=-3 / 60, hours=2 / 60, area=county["villages"][0], place_zh="早市")
    context, page = tablet(fresh=True)
    page.click("#event-name")
    page.wait_for_selector("#event-list button")
    morning = county["events"][0]
    day = morning.starts_at.astimezone(ZoneInfo("Asia/Urumqi")).weekday()
    items = page.locator("#event-list button")
    ended = page.locator(f"#event-list button[data-id='{over.id}']")
    for lang in ("ug", "en", "zh"):
        page.click(f"[data-lang={lang}]")
        first = page.locator(f"#event-list button[data-id='{morning.id}']")
        expect(first.locator(".fa-weekday")).to_have_text(WEEKDAYS[lang][day])
        expect(ended.locator(".fa-over")).to_have_count(1)
        expect(first.locator(".fa-over")).to_have_count(0)
        screenshot(page, f"field-events-{lang}")
    assert items.count() == 3
    assert "已结束" in ended.inner_text()

    # Opening an ended event asks first; "no" stays on the list.
    ended.click()
    page.wait_for_selector("#ask:not([hidden])")
    screenshot(page, "field-event-over-ask")
    page.click("#ask-no")
    assert page.is_hidden("#ask") and page.is_visible("#events")
    ended.click()
    page.click("#ask-yes")
    page.wait_for_selector("#work:not([hidden])")
    title = page.inner_text("#event-name")
    today = datetime.now(ZoneInfo("Asia/Urumqi")).weekday()
    assert "已结束" in title and "早市" in title and WEEKDAYS["zh"][today] in title
    for lang in ("ug", "en", "zh"):
        page.click(f"[data-lang={lang}]")
        expect(page.locator("#event-name .fa-weekday")).to_have_text(WEEKDAYS[lang][today])
        for size, viewport in (("tablet", {"width": 1024, "height": 768}), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            screenshot(page, f"field-event-over-{lang}-{size}")
    # After a restart the ended event is not reopened by itself.
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_selector("#events:not([hidden])")


def test_undo_while_the_tap_is_being_pushed_cancels_it_instead(tablet, county, db):
    """A tap in a push under way may reach the server whatever the tablet does now: it is cancelled by a
    correcting record, never just taken out of the outbox."""
    context, page = tablet(fresh=True)
    wait_pending(page, 0)
    stalled = []
    context.route("**/api/sync/v1/push", lambda route: stalled.append(route))
    tab(page, "tally")
    with page.expect_request(lambda r: r.url.endswith("/push")):
        tap(page, "visitor", 1)  # the save starts a sync, whose push now waits on the network
    while not stalled:  # the route's handler runs as Playwright takes in the browser's events
        page.evaluate("() => true")
    page.click("#tally-undo")
    page.wait_for_selector("[data-count=visitor]:has-text('0')")
    stalled[0].continue_()
    context.unroute("**/api/sync/v1/push")
    sync_and_wait(page)
    wait_pending(page, 0)
    db.session.expire_all()
    assert count(db, Tally) == 2
    assert db.session.scalar(select(func.sum(Tally.count))) == 0
