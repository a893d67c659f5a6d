"""The employer visit on the tablet: recorded offline with two vacancy lines, synced later, then in the
round's coverage with lines the office turns into draft postings; and a refused visit in the problems list."""
from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import EmployerVisit, SurveyRound
from caravan.services import surveys
from caravan.services.catalogue.texts import local_today
from caravan.services.survey_coverage import coverage
from tests.browser.conftest import PHONE, TABLET
from tests.browser.field_helpers import count, device_of, sync_and_wait, wait_pending


def survey(build, db, county):
    village = county["villages"][0]
    gin = build.employer(name_zh="阿克村轧花厂", name_ug="ئاق كەنت پاختا تازىلاش زاۋۇتى", name_en="Ak Cotton Gin",
                         area=village)
    build.employer(name_zh="托格拉克村运输队", name_ug="توغراق كەنت توشۇش ئەترىتى", name_en="Toghraq Transport",
                   area=county["villages"][1])
    today = local_today()
    survey_round = SurveyRound(name="2027上半年用工调查", area=county["county"], starts_on=today - timedelta(days=10),
                               ends_on=today + timedelta(days=60))
    db.session.add(survey_round)
    db.session.commit()
    return survey_round, gin


def open_visit_form(page):
    if page.locator("#event-name").is_visible():
        page.click("#event-name")  # back to the events: the visit is no event's
    expect(page.locator("#visit-offer")).to_be_visible()
    page.click("#visit-open")
    expect(page.locator("#visit")).to_be_visible()


def fill_line(page, n, occupation, count_, wage_min="", wage_max="", unit="month", requirements=""):
    line = page.locator(f".fa-visit-line[data-line='{n}']")
    line.locator("[name=occupation]").fill(occupation)
    line.locator("[name=count]").fill(count_)
    line.locator("[name=wage_min]").fill(wage_min)
    line.locator("[name=wage_max]").fill(wage_max)
    line.locator("[name=wage_unit]").select_option(unit)
    line.locator("[name=requirements]").fill(requirements)


def test_a_visit_recorded_offline_reaches_the_round_and_its_lines_become_draft_postings(
        tablet, county, build, db, screenshot):
    survey_round, gin = survey(build, db, county)
    context, page = tablet(fresh=True)
    context.set_offline(True)
    open_visit_form(page)
    expect(page.locator("#visit-round option")).to_have_text(["2027上半年用工调查"])
    page.fill("#visit-employer-search", "轧花")
    page.click(f"#visit-employers [data-employer='{gin.id}']")
    expect(page.locator("#visit-employer-name")).to_have_text("阿克村轧花厂")
    page.fill("#visit-form [name=contact_name]", "王经理")
    page.fill("#visit-form [name=contact_phone]", "0997-1234567")
    fill_line(page, 0, "轧花工", "8", "3500", "4500", requirements="18至50岁")
    page.click("#visit-add-line")
    page.click("#visit-add-line")
    fill_line(page, 1, "司机", "2", "180", "220", unit="day")
    page.click(".fa-visit-line[data-line='2'] [data-remove]")  # a line added by mistake
    expect(page.locator(".fa-visit-line")).to_have_count(2)
    page.fill("#visit-form [name=planned_hires]", "15")
    page.fill("#visit-form [name=training_needs]", "电工、焊工培训")
    for lang in ("zh", "ug"):
        page.click(f"[data-lang={lang}]")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        # The language changes the words, never what was typed.
        expect(page.locator(".fa-visit-line[data-line='1'] [name=occupation]")).to_have_value("司机")
        for name, size in (("1280", TABLET), ("360", PHONE)):
            page.set_viewport_size(size)
            screenshot(page, f"field-visit-{lang}-{name}")
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.set_viewport_size(TABLET)
    page.click("#visit-form button[type=submit]")
    expect(page.locator("#visit-saved")).not_to_be_empty()
    expect(page.locator("#visit-employer-name")).to_be_hidden()  # an empty form for the next visit
    wait_pending(page, 1)
    assert count(db, EmployerVisit) == 0

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page, 0)
    db.session.expire_all()
    visit = db.session.scalars(select(EmployerVisit)).one()
    assert visit.device_id == device_of(db).id and visit.employer_id == gin.id and visit.planned_hires == 15
    assert visit.staff_name == "Tablet Staff" and visit.contact_name == "王经理"
    assert [(v.occupation, v.count, v.wage_min, v.wage_max, v.wage_unit.value) for v in visit.vacancies] == [
        ("轧花工", 8, 3500, 4500, "month"), ("司机", 2, 180, 220, "day")]
    assert gin.id in coverage(survey_round).last_visit
    drafts = surveys.create_draft_postings(visit)
    assert [d.openings for d in drafts] == [8, 2]


def test_a_visit_the_rule_refuses_is_in_the_problems_list_with_the_line_named(tablet, county, build, db, screenshot):
    survey_round, gin = survey(build, db, county)
    context, page = tablet(fresh=True)
    # A contact phone with letters: the tablet saves it offline (it does not check a phone's form), the
    # server's rule (the office form's) refuses it, naming the field.
    open_visit_form(page)
    context.set_offline(True)
    page.fill("#visit-employer-search", "Ak")
    page.click(f"#visit-employers [data-employer='{gin.id}']")
    page.fill("#visit-form [name=contact_phone]", "0997-12AB")
    fill_line(page, 0, "轧花工", "8", "3500", "4500")
    page.click("#visit-back")  # leaving the form and coming back keeps what was typed
    open_visit_form(page)
    expect(page.locator("#visit-employer-name")).to_have_text("阿克村轧花厂")
    expect(page.locator(".fa-visit-line[data-line='0'] [name=wage_min]")).to_have_value("3500")
    page.click("#visit-form button[type=submit]")
    expect(page.locator("#visit-saved")).not_to_be_empty()
    context.set_offline(False)
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, EmployerVisit) == 0
    page.click("#st-problems")
    problem = page.locator(".fa-problem").first
    expect(problem).to_contain_text("用人单位走访")
    expect(problem.locator(".fa-reason")).to_have_text("联系电话的值不在允许范围内。")
    screenshot(page, "field-visit-refused-zh")


def test_a_refused_visit_is_corrected_on_the_tablet_and_sent_again(tablet, county, build, db, screenshot):
    """From the problems list back into the visit form, as sent, the reason above it; saved, it goes out again
    under the same id and the server stores it."""
    survey_round, gin = survey(build, db, county)
    context, page = tablet(fresh=True)
    open_visit_form(page)
    page.fill("#visit-employer-search", "Ak")
    page.click(f"#visit-employers [data-employer='{gin.id}']")
    page.fill("#visit-form [name=contact_phone]", "0997-12AB")
    fill_line(page, 0, "轧花工", "8", "4500", "5000")
    page.click("#visit-add-line")
    fill_line(page, 1, "司机", "2", "0", "220", unit="day")
    page.fill("#visit-form [name=notes]", "第二次走访")
    page.click("#visit-form button[type=submit]")
    expect(page.locator("#visit-saved")).not_to_be_empty()
    sync_and_wait(page)
    wait_pending(page, 0)
    page.click("#st-problems")
    problem = page.locator(".fa-problem").first
    record_id = problem.get_attribute("data-id")
    expect(problem.locator(".fa-todo")).to_have_text("请更正走访记录并保存：将重新发送。")
    problem.locator("[data-correct]").click()
    expect(page.locator("#visit")).to_be_visible()
    expect(page.locator("#visit-correcting")).to_contain_text("正在更正服务器拒收的走访：联系电话")  # no space in zh
    page.click("[data-lang=ug]")
    expect(page.locator("#visit-correcting")).not_to_contain_text("联系电话")  # in the language chosen
    page.click("[data-lang=zh]")
    expect(page.locator("#visit-employer-name")).to_have_text("阿克村轧花厂")
    line = page.locator(".fa-visit-line[data-line='1']")
    expect(line.locator("[name=wage_min]")).to_have_value("0")
    expect(line.locator("[name=wage_unit]")).to_have_value("day")
    expect(page.locator("#visit-form [name=notes]")).to_have_value("第二次走访")
    for lang, (name, size) in (("ug", ("360", PHONE)), ("zh", ("1280", TABLET))):
        page.click(f"[data-lang={lang}]")
        page.set_viewport_size(size)
        screenshot(page, f"field-visit-correct-{lang}-{name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.fill("#visit-form [name=contact_phone]", "0997-1234567")
    page.click("#visit-form button[type=submit]")
    expect(page.locator("#visit-correcting")).to_be_hidden()  # an empty form for the next visit
    wait_pending(page, 0)
    expect(page.locator(".fa-problem")).to_have_count(0)
    db.session.expire_all()
    visit = db.session.get(EmployerVisit, record_id)
    assert visit is not None and visit.device_id == device_of(db).id and visit.notes == "第二次走访"
    assert [(v.occupation, v.wage_min, v.wage_max) for v in visit.vacancies] == [("轧花工", 4500, 5000),
                                                                                 ("司机", 0, 220)]


def test_the_tablet_refuses_a_line_the_server_would_refuse_and_marks_its_field(tablet, county, build, db, screenshot):
    """Wages the wrong way round, or no vacancies: the rules of the office form (served to the tablet) refuse
    the line before it is saved, the message beside the field that is marked and focused; nothing is saved,
    nothing typed is lost."""
    survey_round, gin = survey(build, db, county)
    context, page = tablet(fresh=True)
    open_visit_form(page)
    page.click("#visit-form button[type=submit]")  # the employer is missing: marked where it is chosen
    search = page.locator("#visit-employer-search")
    expect(search).to_have_attribute("aria-invalid", "true")
    expect(search).to_be_focused()
    expect(page.locator("#visit-employer-box .fa-field-error")).to_have_text("此项必填。")
    page.fill("#visit-employer-search", "Ak")
    page.click(f"#visit-employers [data-employer='{gin.id}']")
    fill_line(page, 0, "轧花工", "8", "5000", "3000")
    page.click("#visit-add-line")
    fill_line(page, 1, "司机", "0", "180", "220", unit="day")
    page.click("#visit-form button[type=submit]")
    line0, line1 = (page.locator(f".fa-visit-line[data-line='{n}']") for n in (0, 1))
    wage_max = line0.locator("[name=wage_max]")
    expect(wage_max).to_have_attribute("aria-invalid", "true")
    expect(wage_max).to_be_focused()  # the first problem, in view
    expect(line0.locator(".fa-field-error")).to_have_text(["最高工资不能低于最低工资。"])
    expect(line1.locator("[name=count]")).to_have_attribute("aria-invalid", "true")
    expect(line1.locator(".fa-field-error")).to_have_text(["请填写 1 到 10000 之间的数。"])
    expect(page.locator("#visit-error")).to_have_text("请修改标出的项目。")
    expect(page.locator("#visit-saved")).to_be_empty()
    assert page.evaluate("wageMaxInView => { const r = document.querySelector(wageMaxInView).getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= innerHeight; }",
                         ".fa-visit-line[data-line='0'] [name=wage_max]")
    page.click("[data-lang=ug]")  # the marks stay, their messages in the language chosen
    expect(line0.locator(".fa-field-error")).to_have_count(1)
    expect(line0.locator(".fa-field-error")).not_to_contain_text("最高工资")
    expect(line1.locator("[name=count]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#visit-error")).not_to_have_text("请修改标出的项目。")
    for name, size in (("360", PHONE), ("1280", TABLET)):
        page.set_viewport_size(size)
        wage_max.scroll_into_view_if_needed()
        screenshot(page, f"field-visit-marked-ug-{name}")
    page.click("[data-lang=zh]")
    wage_max.fill("5500")
    expect(wage_max).not_to_have_attribute("aria-invalid", "true")  # changed: the mark goes
    line1.locator("[name=count]").fill("2")
    page.click("#visit-form button[type=submit]")
    expect(page.locator("#visit-saved")).not_to_be_empty()
    expect(page.locator("#visit-form [aria-invalid]")).to_have_count(0)
    sync_and_wait(page)
    wait_pending(page, 0)
    db.session.expire_all()
    visit = db.session.scalars(select(EmployerVisit)).one()
    assert [(v.occupation, v.count, v.wage_min, v.wage_max) for v in visit.vacancies] == [
        ("轧花工", 8, 5000, 5500), ("司机", 2, 180, 220)]
