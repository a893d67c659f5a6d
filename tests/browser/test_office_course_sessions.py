"""A clerk adds a course's session with its place in three languages, enrols a resident in it from the referral
queue (choosing among the course's sessions), and the resident's phone shows the session's dates and place."""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import InstructionLanguage, NoticeTranslation, TrainingSession
from caravan.services.catalogue.texts import local_today
from caravan.services.residents import add_interest
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def course(build, db):
    county = build.county()
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    village = build.area("village", parent=town, name_zh="托万村", name_ug="تۆۋەن كەنت", name_en="Towen")
    notice = build.notice(translations=[NoticeTranslation(lang="zh", title="电工培训"),
                                        NoticeTranslation(lang="ug", title="ئېلېكتىرچىلىك تەربىيەلەش")])
    start = local_today() + timedelta(days=20)
    db.session.add(TrainingSession(notice=notice, area=town, starts_on=start, ends_on=start + timedelta(days=9),
                                   place_zh="阿克镇文化站", place_ug="ئاق بازىرى مەدەنىيەت پونكىتى", seats=2,
                                   language=InstructionLanguage.zh))
    aygul = build.attendee(name="ئايگۈل تۇرسۇن", village=village, phone="13800001111")
    interest, _added = add_interest(aygul, notice)
    db.session.commit()
    return {"user": build.user("office", area=county), "notice": notice, "aygul": aygul, "interest": interest,
            "town": town}


def test_a_session_in_three_languages_and_an_enrolment_that_names_it(live_server, new_page, course, screenshot):
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, course["user"])
    notice = course["notice"]

    # A second session, its place typed in the three languages.
    page.goto(f"{live_server}/office/notices/{notice.id}/edit#sessions")
    form = page.locator("#session-form")
    start = local_today() + timedelta(days=40)
    form.locator("[name=starts_on]").fill(start.isoformat())
    form.locator("[name=ends_on]").fill((start + timedelta(days=4)).isoformat())
    form.locator("[name=place_zh]").fill("县技工学校")
    form.locator("[name=place_ug]").fill("ناھىيەلىك تېخنىكىلىق مەكتەپ")
    form.locator("[name=place_en]").fill("County Technical School")
    form.locator("[name=seats]").fill("30")
    form.locator("[name=language]").select_option("ug")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("#sessions tbody tr")).to_have_count(2)
    expect(page.locator("#sessions")).to_contain_text("县技工学校")
    page.locator("#sessions").scroll_into_view_if_needed()
    screenshot(page, "office-course-sessions-zh-1280")

    # Enrolling: two sessions, so the clerk must choose; refused without one, the note kept.
    page.goto(f"{live_server}/office/referrals/?kind=course")
    row = page.locator(f"#r-{course['interest'].id}")
    row.locator("details.step summary").click()
    row.locator("select[name=status]").select_option("enrolled")
    expect(row.locator("select[name=session] option")).to_have_count(3)
    row.locator("textarea[name=note]").fill("已电话通知")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    expect(page.locator("[role=alert]")).to_contain_text("请选择报名入班的培训班次")
    row = page.locator(f"#r-{course['interest'].id}")
    expect(row.locator("textarea[name=note]")).to_have_value("已电话通知")
    row.locator("select[name=session]").select_option(label=row.locator("select[name=session] option")
                                                       .nth(1).inner_text())
    screenshot(page, "office-referrals-session-zh-1280")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    expect(page.locator(f"#r-{course['interest'].id}")).to_contain_text("已报名入班")

    # The resident's phone, in Uyghur: the session's dates and its Uyghur place.
    phone = new_page(viewport=PHONE, locale="ug")
    phone.goto(f"{live_server}/p/{course['aygul'].pass_token}?lang=ug")
    card = phone.locator(".card.course")
    expect(card).to_contain_text("ئاق بازىرى مەدەنىيەت پونكىتى")
    expect(card.locator("dl.session")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the pass scrolls sideways on a phone ({width}px)"
    card.scroll_into_view_if_needed()
    screenshot(phone, "pass-course-session-ug-360")

    # The course's page in Chinese on a phone: each session's place and seats left.
    phone.goto(f"{live_server}/lang/zh")
    phone.goto(f"{live_server}/n/{notice.code}")
    sessions = phone.locator(".card.session")
    expect(sessions).to_have_count(2)
    expect(sessions.first).to_contain_text("剩余")
    expect(sessions.nth(1)).to_contain_text("县技工学校")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    sessions.first.scroll_into_view_if_needed()
    screenshot(phone, "notice-sessions-zh-360")
    phone.goto(f"{live_server}/lang/ug")
    phone.goto(f"{live_server}/n/{notice.code}")
    expect(phone.locator(".card.session").nth(1)).to_contain_text("ناھىيەلىك تېخنىكىلىق مەكتەپ")
    phone.locator(".card.session").first.scroll_into_view_if_needed()
    screenshot(phone, "notice-sessions-ug-360")


def test_the_session_choice_in_uyghur(live_server, new_page, course, screenshot, build, db):
    start = local_today() + timedelta(days=50)
    db.session.add(TrainingSession(notice=course["notice"], area=course["town"], starts_on=start,
                                   ends_on=start + timedelta(days=3), place_zh="县技工学校",
                                   place_ug="ناھىيەلىك تېخنىكىلىق مەكتەپ", seats=30, language=InstructionLanguage.ug))
    db.session.commit()
    page = new_page(viewport=TABLET, locale="ug")
    sign_in(page, live_server, course["user"])
    page.goto(live_server + "/lang/ug")
    page.goto(f"{live_server}/office/referrals/?kind=course")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    row = page.locator(f"#r-{course['interest'].id}")
    row.locator("details.step summary").click()
    options = row.locator("select[name=session] option")
    expect(options).to_have_count(3)
    expect(options.nth(2)).to_contain_text("ناھىيەلىك تېخنىكىلىق مەكتەپ")
    row.locator("select[name=status]").select_option("enrolled")
    row.locator("select[name=session]").select_option(index=2)
    screenshot(page, "office-referrals-session-ug-1280")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    expect(page.locator(f"#r-{course['interest'].id}")).to_contain_text("ناھىيەلىك تېخنىكىلىق مەكتەپ")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
