"""The office runs an employer survey round as a new user would: imports the employer register, sets a
round, records a visit with two vacancy lines, sees the coverage, and turns the visit into published
postings."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in

REGISTER = ("name_zh,name_ug,name_en,sector,area_code,contact_name,contact_phone\r\n"
            "阿克镇石榴花餐厅,ئانارگۈل ئاشخانىسى,Pomegranate Restaurant,services,{town},马丽,13900001111\r\n"
            "阿克镇物流中心,,Aq Logistics,logistics,{town},,\r\n"
            "萨依村红枣合作社,سايكەنت قىزىل چىلان كوئوپېراتىپى,,agriculture,{village},,\r\n")


@pytest.fixture
def office(build):
    county = build.county()
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    village = build.area("village", parent=town, name_zh="萨依村", name_ug="ساي كەنتى", name_en="Say Village")
    build.area("township", name_zh="托格拉克乡", name_ug="توغراق يېزىسى", name_en="Toghraq Township")
    return build.user("office", display_name="Amina", area=county), town, village


def _upload(page, town, village):
    page.set_input_files("input[name=file]", files=[{
        "name": "register.csv", "mimeType": "text/csv",
        "buffer": REGISTER.format(town=town.code, village=village.code).encode()}])


def test_office_runs_a_round_sees_coverage_and_publishes_postings_from_a_visit(live_server, new_page, office,
                                                                                 screenshot):
    user, town, village = office
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, user)

    # The employer register: a preview first (nothing saved), then the import.
    page.click("nav.nav a[href='/office/employers/']")
    page.click("a[href='/office/employers/import']")
    expect(page.locator("pre.csv-heading")).to_contain_text("name_zh,name_ug,name_en,sector,area_code")
    _upload(page, town, village)
    page.click("button[value=preview]")
    expect(page.locator("ul.import-add li")).to_have_count(3)
    _upload(page, town, village)
    page.click("button[value=import]")
    page.wait_for_url(live_server + "/office/employers/")
    expect(page.locator("#employers-results tbody tr")).to_have_count(3)

    # A round of the county: nothing visited yet.
    page.click("nav.nav a[href='/office/surveys/']")
    page.click("a[href='/office/surveys/new']")
    page.fill("input[name=name]", "2027年上半年用工需求调查")
    page.fill("input[name=starts_on]", "2026-11-01")
    page.fill("input[name=ends_on]", "2027-06-30")
    page.click("form.catalogue-form button[type=submit]")
    page.wait_for_url(re.compile(r"/office/surveys/[0-9a-f-]{36}$"))
    round_url = page.url
    expect(page.locator(".coverage-total")).to_contain_text("0%")
    expect(page.locator("table.survey-not-visited tbody tr")).to_have_count(3)

    # A visit to the restaurant, from its row in the not-visited list; a second vacancy line added.
    page.locator("table.survey-not-visited tr", has_text="阿克镇石榴花餐厅").get_by_role("link").click()
    expect(page.locator("select[name=employer_id] option:checked")).to_have_text("阿克镇石榴花餐厅")
    page.fill("input[name=contact_name]", "马丽")
    page.fill("input[name='vacancies.0.occupation']", "服务员")
    page.fill("input[name='vacancies.0.count']", "4")
    page.fill("input[name='vacancies.0.wage_min']", "3000")
    page.fill("input[name='vacancies.0.wage_max']", "3600")
    page.fill("input[name=planned_hires]", "6")
    page.fill("textarea[name=training_needs]", "中式烹调师培训")
    page.click("button[value=add]")
    page.fill("input[name='vacancies.1.occupation']", "拉面师傅")
    page.fill("input[name='vacancies.1.count']", "0")
    page.click("form.visit-form .form-actions button[value=save]")
    expect(page.locator("[id='vacancies.1.count-error']")).to_be_visible()
    expect(page.locator("input[name='vacancies.0.occupation']")).to_have_value("服务员")
    expect(page.locator("textarea[name=training_needs]")).to_have_value("中式烹调师培训")
    page.fill("input[name='vacancies.1.count']", "2")
    page.click("form.visit-form .form-actions button[value=save]")
    page.wait_for_url(re.compile(r"/office/surveys/visits/[0-9a-f-]{36}$"))
    visit_url = page.url
    expect(page.locator("table.visit-vacancies tbody tr")).to_have_count(2)

    # Draft postings, one per line, then one published through the posting's own form.
    page.get_by_role("button", name="生成岗位草稿").click()
    expect(page.locator("table.visit-vacancies td code")).to_have_count(2)
    page.locator("table.visit-vacancies td a").first.click()
    page.wait_for_url(re.compile(r"/office/postings/[0-9a-f-]{36}/edit$"))
    expect(page.locator("input[name=title_zh]")).to_have_value("服务员")
    expect(page.locator("p.from-visit a")).to_have_attribute("href", visit_url.replace(live_server, ""))
    page.click("button[name=then][value=publish]")
    expect(page.locator(".status-bar .status")).to_have_text("已发布")

    # The coverage now counts the restaurant; the village co-operative counts under its township.
    page.goto(round_url)
    expect(page.locator(".coverage-total")).to_contain_text("33%")
    expect(page.locator("table.survey-coverage tr", has_text="阿克镇")).to_contain_text("33%")
    screenshot(page, "office-survey-round-zh-tablet")
    page.goto(visit_url)
    screenshot(page, "office-survey-visit-zh-tablet")

    # The same pages on a phone in Uyghur, right to left.
    phone = new_page(viewport=PHONE, locale="ug")
    sign_in(phone, live_server, user)
    phone.goto(live_server + "/lang/ug")
    phone.goto(round_url)
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("h2").first).to_have_text("رايونلار بويىچە قاپلىنىش ئەھۋالى")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(phone, "office-survey-round-ug-phone")
    phone.goto(round_url + "/visits/new")
    phone.click("button[value=add]")
    expect(phone.locator(".vacancy-line")).to_have_count(2)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(phone, "office-survey-visit-form-ug-phone")
    phone.goto(live_server + "/office/employers/import")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(phone, "office-employers-import-ug-phone")
