"""A resident's phone (360 px) with JavaScript off finds a job on /jobs in Uyghur and in Chinese; the
office closes it and the list stops showing it at once. A 1280 px desktop shows the same list."""
import re

import pytest
from playwright.sync_api import expect

from caravan.models import PostingTranslation, PublishStatus
from tests.browser.conftest import PHONE

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def jobs(app, build):
    app.config["OFFICE_ADDRESS"] = {"zh": "县人民路 8 号就业服务中心", "ug": "ناھىيە خەلق يولى 8-نومۇر"}
    app.config["OFFICE_HOURS"] = {"zh": "周一至周五 10:00–19:00", "ug": "دۈشەنبىدىن جۈمەگىچە 10:00–19:00"}
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    other = build.area("township", name_zh="托乎拉镇", name_ug="توخۇلا بازىرى", name_en="Tohula")
    employer = build.employer(name_zh="棉花合作社", name_ug="پاختا كوپېراتىپى")
    sewing = build.posting(employer=employer, area=township, sector="manufacturing", wage_min=3000,
                           wage_max=4500, housing=True, meals=True, translations=[
                               PostingTranslation(lang="zh", title="缝纫工"),
                               PostingTranslation(lang="ug", title="تىككۈچى")])
    for n in range(14):  # enough for a second page
        build.posting(employer=employer, area=other, sector="agriculture", wage_min=120, wage_unit="day",
                      translations=[PostingTranslation(lang="zh", title=f"摘棉工{n}"),
                                    PostingTranslation(lang="ug", title=f"پاختا تەرگۈچى {n}")])
    build.event(area=township, place_zh="阿克镇巴扎", place_ug="ئاق بازىرى بازار", postings=[sewing])
    return {"sewing": sewing, "township": township}


@pytest.mark.parametrize("locale, lang, dir_, title, township, housing", [
    ("ug-CN", "ug", "rtl", "تىككۈچى", "ئاق بازىرى", "ياتاق بىلەن تەمىنلىنىدۇ"),
    ("zh-CN", "zh", "ltr", "缝纫工", "阿克镇", "提供住宿")])
def test_a_phone_without_javascript_finds_a_job(live_server, new_page, screenshot, jobs, db, locale, lang, dir_,
                                               title, township, housing):
    page = new_page(viewport=PHONE, locale=locale, java_script_enabled=False)
    page.goto(live_server + "/")
    page.locator('a[href="/jobs"]').first.click()
    page.wait_for_url(re.compile(r".*/jobs$"))
    html = page.locator("html")
    assert html.get_attribute("lang") == lang and html.get_attribute("dir") == dir_
    assert page.locator(".cards .card").count() == 12 and page.locator('a[rel="next"]').is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    screenshot(page, f"resident-jobs-{lang}-phone")

    page.select_option("select[name=township]", label=township)
    page.get_by_label(housing).check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/jobs\?.*housing=1"))
    cards = page.locator(".cards .card")
    assert cards.count() == 1 and cards.locator("h3").inner_text() == title
    # The form keeps it (folded on a phone once something is filtered).
    assert page.locator("select[name=township] option:checked").text_content() == township
    assert jobs_office_line(page, lang) in page.locator("#apply").inner_text()
    screenshot(page, f"resident-jobs-{lang}-phone-filtered")

    jobs["sewing"].status = PublishStatus.closed  # the office closes it: gone at once
    db.session.commit()
    page.reload()
    assert page.locator(".cards .card").count() == 0 and page.locator(".empty").is_visible()


def jobs_office_line(page, lang):
    return {"zh": "县人民路 8 号就业服务中心", "ug": "ناھىيە خەلق يولى 8-نومۇر"}[lang]


def test_the_jobs_list_on_a_desktop(live_server, new_page, screenshot, jobs):
    page = new_page(viewport=DESKTOP, locale="ug-CN")
    page.goto(live_server + "/jobs")
    assert page.locator(".cards .card").count() == 12
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    screenshot(page, "resident-jobs-ug-desktop")
    page.locator('a[rel="next"]').click()
    page.wait_for_url(re.compile(r".*/jobs\?page=2$"))
    assert page.locator(".cards .card").count() == 3 and page.locator('a[rel="prev"]').is_visible()


FIRST_SCREEN = {"width": 360, "height": 640}


@pytest.mark.parametrize("locale", ["zh-CN", "ug-CN", "en-GB"])
def test_after_filtering_on_a_phone_the_first_job_is_on_the_first_screen(live_server, new_page, screenshot, jobs,
                                                                        locale):
    """The filled-in filters fold into one line that says how many are set: the job found is seen without
    scrolling; the line opens the form again (no JavaScript). On a desktop the form stands open."""
    page = new_page(viewport=FIRST_SCREEN, locale=locale, java_script_enabled=False)
    page.goto(live_server + "/jobs")
    expect(page.locator("form.filters")).to_be_visible()  # nothing filtered yet: the form is open
    page.goto(f"{live_server}/jobs?township={jobs['township'].code}&housing=1")
    card = page.locator(".cards .card").first
    expect(card).to_be_visible()
    assert card.locator("h3").bounding_box()["y"] + card.locator("h3").bounding_box()["height"] \
        <= FIRST_SCREEN["height"], card.bounding_box()
    assert card.bounding_box()["y"] + card.bounding_box()["height"] <= FIRST_SCREEN["height"]
    summary = page.locator("summary.filters-summary")
    expect(summary).to_contain_text("2")
    expect(page.locator("form.filters")).to_be_hidden()
    screenshot(page, f"resident-jobs-filtered-folded-{locale[:2]}-360")
    summary.click()
    expect(page.locator("select[name=township]")).to_be_visible()
    assert page.locator("input[name=housing]").is_checked()  # the form keeps what was chosen
    assert page.evaluate("document.documentElement.scrollWidth") <= FIRST_SCREEN["width"]
    wide = new_page(viewport=DESKTOP, locale=locale, java_script_enabled=False)
    wide.goto(f"{live_server}/jobs?township={jobs['township'].code}&housing=1")
    expect(wide.locator("select[name=township]")).to_be_visible()
    expect(wide.locator("summary.filters-summary")).to_be_hidden()
    screenshot(wide, f"resident-jobs-filtered-{locale[:2]}-desktop")


@pytest.mark.parametrize("locale, lang, place", [("ug-CN", "ug", "ئاق بازىرى بازار"), ("zh-CN", "zh", "阿克镇巴扎")])
def test_a_busy_stop_on_a_phone_leads_to_all_its_postings(live_server, new_page, screenshot, jobs, build, locale,
                                                          lang, place):
    many = [build.posting(area=jobs["township"], translations=[PostingTranslation(lang="zh", title=f"装卸工{n}"),
                                                               PostingTranslation(lang="ug", title=f"يۈك توشۇغۇچى {n}")])
            for n in range(13)]
    event = build.event(area=jobs["township"], place_zh="阿克镇巴扎", place_ug="ئاق بازىرى بازار", postings=many)
    page = new_page(viewport=PHONE, locale=locale, java_script_enabled=False)
    page.goto(f"{live_server}/e/{event.code}")
    assert page.locator(".cards .card").count() == 10
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    more = page.locator("p.more a")
    expect(more).to_contain_text("13")
    screenshot(page, f"resident-busy-stop-{lang}-phone")
    more.click()
    page.wait_for_url(re.compile(rf".*/jobs\?event={event.code}$"))
    expect(page.locator(".crumb")).to_contain_text(place)
    assert page.locator(".cards .card").count() == 12 and page.locator('a[rel="next"]').is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"resident-busy-stop-jobs-{lang}-phone")
