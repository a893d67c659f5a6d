"""A resident on a 360 px phone, from a poster's QR link that names her language: the course's page, "I'm
interested", registration, and the course's page again, which now shows where her interest stands; the
office's pages with job and course interests apart, on a phone and a desktop."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import InstructionLanguage, Interest, NoticeTranslation, TrainingSession
from caravan.models.base import new_uuid, utcnow
from caravan.services import alerts
from caravan.services.catalogue.texts import local_today
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


def _no_sideways_scroll(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def course(build, db):
    notice = build.notice(title="电工培训", translations=[
        NoticeTranslation(lang="zh", title="电工培训", body="免费培训两周。"),
        NoticeTranslation(lang="ug", title="ئېلېكتىرچىلىك كۇرسى", body="ئىككى ھەپتە ھەقسىز.")])
    start = local_today() + timedelta(days=10)
    db.session.add(TrainingSession(notice=notice, area=build.county(), starts_on=start,
                                   ends_on=start + timedelta(days=3), place_zh="县技工学校", seats=20,
                                   language=InstructionLanguage.bilingual))
    db.session.commit()
    return notice


@pytest.mark.parametrize("lang, words", [
    ("ug", {"said": "سىز قىزىقىدىغانلىقىڭىزنى بىلدۈرگەن", "status": "قىزىقىش بىلدۈرگەن",
            "course": "سىز قىزىققان تەربىيەلەش كۇرسى", "press": "تەربىيەلەش كۇرسى بېتىدە"}),
    ("zh", {"said": "您已表示有意向", "status": "有意向", "course": "您有意向的培训课程：", "press": "在培训课程页面"}),
])
def test_the_course_page_shows_the_residents_own_interest_after_she_said_so(
        live_server, new_page, course, screenshot, lang, words):
    page = new_page(viewport=PHONE, locale="en-US", java_script_enabled=False)  # the browser speaks neither
    page.goto(f"{live_server}/n/{course.code}?lang={lang}")  # a poster's QR link names the language
    assert page.url == f"{live_server}/n/{course.code}"
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator(f'form[action="/n/{course.code}/interest"] button').click()
    page.wait_for_url(re.compile(r".*/register\?n="))
    expect(page.locator(".res .note").first).to_contain_text(words["course"])  # a course, not a job
    page.fill("input[name=name]", "دىلنۇر ئابلىز")
    page.check("input[name=group][value=other]")
    page.check("input[name=consent]")
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/p/[A-Z2-7]{32}\?added="))
    page.goto(f"{live_server}/n/{course.code}")
    mine = page.locator("#my-interest")
    expect(mine).to_contain_text(words["said"])
    expect(mine.locator(".status")).to_contain_text(words["status"])
    expect(page.locator(f'form[action="/n/{course.code}/interest"]')).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", lang)  # remembered from the link
    _no_sideways_scroll(page, PHONE["width"])
    # The register page again from the course, a pass on the phone: press "I'm interested" on the course.
    page.goto(f"{live_server}/register?n={course.code}")
    expect(page.locator(".res .note").nth(1)).to_contain_text(words["press"])
    screenshot(page, f"register-course-haspass-{lang}-360")
    _no_sideways_scroll(page, PHONE["width"])
    screenshot(page, f"resident-own-course-interest-{lang}-phone")


@pytest.mark.parametrize("lang, words", [
    ("ug", {"jobs": "خىزمەت ئورنىغا قىزىقىشلار", "courses": "تەربىيەلەش كۇرسلىرىغا قىزىقىشلار",
            "both": "ئىككى تىزىملىتىشنىڭ ھەر ئىككىسىدە"}),
    ("zh", {"jobs": "岗位意向", "courses": "培训课程意向", "both": "两条登记都开通了短信岗位提醒"}),
])
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["phone", "desktop"])
def test_the_office_counts_job_and_course_interests_apart_and_says_when_both_merged_records_had_alerts(
        live_server, new_page, build, db, course, screenshot, lang, words, viewport):
    county = build.county()
    clerk = build.user("office", area=county, display_name="县局办公室")
    event = build.event(area=county, starts_in_hours=-2)
    posting = build.posting(title="缝纫工")
    people = [build.attendee(name=f"学员{n}", phone=f"1000000000{n}") for n in range(3)]
    for person, subject in zip(people, ({"posting_id": posting.id}, {"notice_id": course.id},
                                        {"notice_id": course.id})):
        db.session.add(Interest(id=new_uuid(), event_id=event.id, attendee_id=person.id, staff_id=clerk.id,
                                device_at=utcnow() - timedelta(minutes=5), **subject))
    older, newer = build.attendee(name="Aygul Memet"), build.attendee(name="aygul memet", phone="10012345678")
    older.consent_at = utcnow() - timedelta(days=20)
    older.phone = "10087654321"
    db.session.flush()
    for who in older, newer:
        alerts.subscribe(who, [], [], True, lang)
    db.session.commit()
    page = new_page(viewport=viewport, locale="en-US")
    sign_in(page, live_server, clerk)
    page.goto(f"{live_server}/office/?lang={lang}")
    table = page.locator("#month-table")
    expect(table.locator("tr", has_text=words["jobs"]).locator('[data-figure="interests-this"]')).to_have_text("1")
    expect(table.locator("tr", has_text=words["courses"]).locator('[data-figure="course_interests-this"]')) \
        .to_have_text("2")
    width = viewport["width"]
    screenshot(page, f"office-interests-month-{lang}-{'phone' if width < 400 else 'desktop'}")
    page.goto(f"{live_server}/office/events/{event.id}")
    staff = page.locator("#staff-table")
    expect(staff).to_contain_text(words["jobs"])
    expect(staff).to_contain_text(words["courses"])
    # The course in a table of its own, not a row of the table by posting.
    expect(page.locator("#course-interests tbody tr")).to_have_count(1)
    expect(page.locator("#course-interests tbody td").last).to_have_text("2")
    expect(page.locator("#interests tbody tr")).to_have_count(1)
    screenshot(page, f"office-interests-event-{lang}-{'phone' if width < 400 else 'desktop'}")
    page.goto(f"{live_server}/office/residents/{newer.id}/duplicates/{older.id}")
    page.check("input[name=confirm]")
    page.locator('form[action$="/merge"] button.btn-primary').click()
    page.wait_for_url(f"{live_server}/office/residents/{older.id}")
    expect(page.locator(".alert-ok").filter(has_text=words["both"])).to_have_count(1)
    screenshot(page, f"office-merge-both-alerts-{lang}-{'phone' if width < 400 else 'desktop'}")
