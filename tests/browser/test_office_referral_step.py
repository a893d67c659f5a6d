"""A course interest's step form in the referral queue: it fits a phone however long its sessions' places are,
and a step refused for want of a session is answered at its row, the session marked, the note kept."""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import InstructionLanguage, NoticeTranslation, TrainingSession
from caravan.services.catalogue.texts import local_today
from caravan.services.residents import add_interest
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in

PLACE = {"zh": "英艾日克镇党群服务中心", "ug": "يېڭىئېرىق بازىرى پارتىيە-ئاممە مۇلازىمەت مەركىزى",
         "en": "Yengi Eriq Township Party and Public Service Centre"}


@pytest.fixture
def course(build, db):
    county = build.county()
    town = build.area("township", name_zh="英艾日克镇", name_ug="يېڭىئېرىق بازىرى", name_en="Yengi Eriq")
    village = build.area("village", parent=town, name_zh="托万村", name_ug="تۆۋەن كەنت", name_en="Towen")
    notice = build.notice(translations=[
        NoticeTranslation(lang="zh", title="家政服务员（月嫂）职业技能培训"),
        NoticeTranslation(lang="ug", title="ئائىلە مۇلازىمەتچىلىكى (ئاي ئاچا) كەسپىي ماھارەت تەربىيەلەش"),
        NoticeTranslation(lang="en", title="Domestic service (maternity nurse) vocational training")])
    for days in (1, 15):
        start = local_today() + timedelta(days=days)
        db.session.add(TrainingSession(notice=notice, area=town, starts_on=start, ends_on=start + timedelta(days=13),
                                       place_zh=PLACE["zh"], place_ug=PLACE["ug"], place_en=PLACE["en"], seats=40,
                                       language=InstructionLanguage.zh))
    people = [build.attendee(name=name, village=village) for name in ("ئايگۈل تەكشۈرۈش", "米尔扎提")]
    interests = [add_interest(person, notice)[0] for person in people]
    db.session.commit()
    return {"user": build.user("office", area=county), "interests": interests}


def _open_queue(page, live_server, user, lang):
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/lang/{lang}")
    page.goto(f"{live_server}/office/referrals/?kind=course")


@pytest.mark.parametrize("lang", ["ug", "zh", "en"])
def test_the_step_form_fits_a_phone(live_server, new_page, course, screenshot, lang):
    page = new_page(viewport=PHONE, locale=lang)
    _open_queue(page, live_server, course["user"], lang)
    row = page.locator(f"#r-{course['interests'][0].id}")
    row.locator("details.step summary").click()
    row.locator("select[name=status]").select_option("enrolled")
    form = row.locator("details.step form")
    expect(form).to_be_visible()
    form.scroll_into_view_if_needed()
    for part in ("details.step form", "select[name=status]", "select[name=session]", "textarea[name=note]",
                 "button[type=submit]"):
        box = row.locator(part).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], \
            f"{part} runs off a {PHONE['width']} px screen in {lang}: {box}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"
    screenshot(page, f"office-referral-stepform-{lang}-360")


@pytest.mark.parametrize("viewport, lang", [(TABLET, "zh"), (PHONE, "ug")])
def test_a_missing_session_is_answered_at_its_row(live_server, new_page, course, screenshot, viewport, lang):
    page = new_page(viewport=viewport, locale=lang)
    _open_queue(page, live_server, course["user"], lang)
    second = course["interests"][1]
    row = page.locator(f"#r-{second.id}")
    row.locator("details.step summary").click()
    row.locator("select[name=status]").select_option("enrolled")
    row.locator("textarea[name=note]").fill("已电话通知")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()

    # The problem stands beside the session select, which is marked and has the focus, in the row's open form.
    row = page.locator(f"#r-{second.id}")
    expect(row.locator("details.step")).to_have_attribute("open", "")
    session = row.locator("select[name=session]")
    expect(session).to_have_attribute("aria-invalid", "true")
    error = row.locator(f"#ss-{second.id}-error")
    expect(error).to_be_visible()
    expect(session).to_be_focused()
    expect(session).to_be_in_viewport()
    expect(row.locator("select[name=status]")).to_have_value("enrolled")
    expect(row.locator("textarea[name=note]")).to_have_value("已电话通知")
    # Only this row's form says so: the top of the page has no alert of its own.
    expect(page.locator("[role=alert]")).to_have_count(1)
    screenshot(page, f"office-referral-no-session-{lang}-{viewport['width']}")

    # With a session chosen the step is stored, and the answer is a redirect to the queue: a reload sends nothing.
    session.select_option(index=1)
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    assert "/step" not in page.url and "/office/referrals/" in page.url
    expect(page.locator("[role=status]")).to_be_visible()
    expect(page.locator(f"#r-{second.id} .referral-enrolled")).to_be_visible()


@pytest.mark.parametrize("lang", ["ug", "zh"])
def test_a_card_on_a_phone_says_next_step_once(live_server, new_page, course, screenshot, lang):
    """On a phone each row is a card of labelled lines; the next step's line is labelled by its own summary,
    not by the card's label as well (it read "Next step" twice)."""
    page = new_page(viewport=PHONE, locale=lang)
    _open_queue(page, live_server, course["user"], lang)
    cell = page.locator(f"#r-{course['interests'][0].id} td.next-step")
    summary = cell.locator("details.step summary")
    expect(summary).to_be_visible()
    label = summary.inner_text().strip()
    shown = cell.evaluate("td => getComputedStyle(td, '::before').display !== 'none' "
                          "&& getComputedStyle(td, '::before').content")
    assert shown in (False, "none", "normal"), f"the card's label {shown} stands before the summary {label!r}"
    box = summary.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    screenshot(page, f"office-referral-next-step-once-{lang}-360")
