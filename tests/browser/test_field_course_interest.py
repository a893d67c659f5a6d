"""On the tablet, a resident's interest in a training course shown at the stall: the event's courses are
offered beside its postings under "Interested in", marked as courses; ticking one saves an ``interest``
record naming the course, which reaches the server's referral queue as a course interest."""
from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import Interest, ReferralStatus
from tests.browser.field_helpers import device_of, enter_code, tab, wait_pending


def test_a_course_interest_is_ticked_saved_and_synced(tablet, county, residents, db, screenshot):
    context, page = tablet(fresh=True)
    enter_code(page, residents[0].pass_token)
    page.wait_for_selector("#confirm-box.fa-ok")
    tab(page, "give")
    course = page.locator("#give-interest label:has(input[name=course_interest])")
    expect(course).to_have_count(1)
    expect(course).to_contain_text("电工培训班")
    expect(course.locator(".fa-tag")).to_have_text("技能培训")
    # The postings are still there, first, as before.
    expect(page.locator("#give-interest input[name=interest]")).to_have_count(len(county["postings"]))
    course.locator("input").check()
    page.click("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('1')")
    screenshot(page, "field-course-interest")
    wait_pending(page, 0)  # online: sent at once
    db.session.expire_all()
    stored = db.session.scalars(select(Interest).where(Interest.device_id == device_of(db).id)).all()
    assert [(i.notice_id, i.posting_id, i.attendee_id, i.event_id, i.status) for i in stored] == [
        (county["notice"].id, None, residents[0].id, county["events"][0].id, ReferralStatus.interested)]
    # The tag follows the tablet's language.
    page.click(".fa-bar [data-lang=ug]")
    expect(course.locator(".fa-tag")).to_have_text("تەربىيەلەش كۇرسى")
    expect(course).to_contain_text("ئېلېكتر ئىشچىلىرى كۇرسى")
    screenshot(page, "field-course-interest-ug")
    context.close()
