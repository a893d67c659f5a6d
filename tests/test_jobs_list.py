"""The residents' jobs list (/jobs): open postings only, filters, pages, weight, how to apply, links."""
import re
from datetime import date, timedelta

import pytest

from caravan.demo.loader import load_demo
from caravan.models import PostingTranslation
from tests.test_public_pages import MAX_PAGE_BYTES, get, page_weight


def titled(zh, ug=None, en=None):
    rows = [PostingTranslation(lang="zh", title=zh)]
    rows += [PostingTranslation(lang="ug", title=ug)] if ug else []
    rows += [PostingTranslation(lang="en", title=en)] if en else []
    return rows


def listed(client, query="", lang="zh"):
    """The posting codes a page of /jobs lists, in order, and the page's text."""
    response = get(client, "/jobs" + query, lang)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    return re.findall(r'<h3><a href="/j/(\w+)">', page), page


@pytest.fixture
def jobs(build):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    village = build.area("village", parent=township, name_zh="一村")
    other = build.area("township", name_zh="托乎拉镇", name_en="Tohula")
    tomorrow = date.today() + timedelta(days=2)
    return {
        "sewing": build.posting(sector="manufacturing", area=village, wage_min=3000, wage_max=4500,
                                housing=True, meals=True, valid_until=tomorrow,
                                translations=titled("缝纫工", "تىككۈچى", "Sewing worker")),
        "picker": build.posting(sector="agriculture", area=other, wage_min=120, wage_unit="day", meals=True,
                                translations=titled("摘棉工", en="Cotton picker")),
        "driver": build.posting(sector="logistics", area=township, wage_min=5000, housing=True,
                                translations=titled("司机", en="Driver")),
        "draft": build.posting(status="draft", translations=titled("草稿岗位")),
        "closed": build.posting(status="closed", translations=titled("已关闭岗位")),
        "expired": build.posting(valid_until=date.today() - timedelta(days=3), translations=titled("过期岗位")),
        "township": township,
    }


def test_lists_every_open_posting_and_never_a_draft_closed_or_expired_one(client, jobs):
    codes, page = listed(client)
    assert set(codes) == {jobs[k].code for k in ("sewing", "picker", "driver")}
    assert "草稿岗位" not in page and "已关闭岗位" not in page and "过期岗位" not in page
    assert "3 个岗位" in page or "3" in page


@pytest.mark.parametrize("query, expected", [
    ("?sector=agriculture", {"picker"}),
    ("?township={township}", {"sewing", "driver"}),  # a village's posting counts for its township
    ("?wage=4000", {"sewing", "driver"}),  # by the month only: 120 a day is not compared
    ("?wage=5000", {"driver"}),
    ("?housing=1", {"sewing", "driver"}),
    ("?meals=1", {"sewing", "picker"}),
    ("?housing=1&meals=1&sector=manufacturing", {"sewing"}),
    ("?sector=mining&wage=1234&township=NOPE&page=x", {"sewing", "picker", "driver"}),  # ignored, not an error
])
def test_filters(client, jobs, query, expected):
    codes, page = listed(client, query.format(township=jobs["township"].code))
    assert set(codes) == {jobs[k].code for k in expected}


def test_the_form_keeps_the_chosen_filters(client, jobs):
    _codes, page = listed(client, f"?sector=manufacturing&township={jobs['township'].code}&wage=3000&housing=1")
    assert '<option value="manufacturing" selected>' in page and '<option value="3000" selected>' in page
    assert f'<option value="{jobs["township"].code}" selected>' in page
    assert 'name="housing" value="1" checked' in page and 'name="meals" value="1" checked' not in page


def test_pages_of_twelve_keep_the_filters(client, build):
    codes = {build.posting(housing=True).code for _ in range(15)} | {build.posting().code}
    first, page = listed(client, "?housing=1")
    assert len(first) == 12 and "15" in page
    link = re.search(r'<a class="btn" rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "housing=1" in link and "page=2" in link
    second, page = listed(client, link[len("/jobs"):])
    assert len(second) == 3 and not set(first) & set(second) and set(first) | set(second) < codes
    assert 'rel="prev"' in page and 'rel="next"' not in page
    beyond, _page = listed(client, "?housing=1&page=9")  # past the end: the last page
    assert beyond == second


@pytest.mark.parametrize("lang, address, hours, title", [
    ("zh", "县人民路8号就业服务中心", "周一至周五 10:00–19:00", "缝纫工"),
    ("ug", "ناھىيە خەلق يولى 8-نومۇر", "دۈشەنبە–جۈمە 10:00–19:00", "تىككۈچى"),
    ("en", "8 Renmin Road, employment service centre", "Mon–Fri 10:00–19:00", "Sewing worker")])
def test_every_posting_says_how_to_apply_with_the_office_address_and_hours(app, client, jobs, lang, address,
                                                                           hours, title):
    app.config["OFFICE_ADDRESS"] = {"zh": "县人民路8号就业服务中心", "ug": "ناھىيە خەلق يولى 8-نومۇر",
                                    "en": "8 Renmin Road, employment service centre"}
    app.config["OFFICE_HOURS"] = {"zh": "周一至周五 10:00–19:00", "ug": "دۈشەنبە–جۈمە 10:00–19:00",
                                  "en": "Mon–Fri 10:00–19:00"}
    codes, page = listed(client, lang=lang)
    assert title in page and address in page and hours in page and 'id="apply"' in page
    assert page.count('href="#apply"') == len(codes) == 3  # each posting points to it
    posting = get(client, f"/j/{jobs['sewing'].code}", lang).get_data(as_text=True)
    assert address in posting and hours in posting


def test_without_an_address_the_office_is_still_named(app, client, jobs):
    app.config["OFFICE_ADDRESS"], app.config["OFFICE_HOURS"] = {}, {}
    _codes, page = listed(client, lang="en")
    assert "Ask at the caravan stall on a market day, or at the county employment office" in page
    assert "Opening hours" not in page


def test_home_and_every_event_page_link_to_the_jobs_list(client, jobs, build):
    event = build.event(area=jobs["township"], postings=[jobs["sewing"]])
    for path in ("/", f"/e/{event.code}", f"/j/{jobs['sewing'].code}"):
        assert 'href="/jobs"' in get(client, path, "ug").get_data(as_text=True), path


def test_a_page_of_the_demo_weighs_under_30_kb_in_each_language(app, client, db):
    load_demo("demo-pass-1")
    db.session.commit()
    for lang in ("zh", "ug", "en"):
        codes, _page = listed(client, lang=lang)
        assert len(codes) == 12
        assert page_weight(client, "/jobs", lang) < MAX_PAGE_BYTES, lang


def test_a_busy_stop_shows_its_first_postings_and_links_all_of_them_on_the_jobs_list(client, jobs, build):
    many = [build.posting(translations=titled(f"岗位{i:02d}")) for i in range(13)]
    elsewhere = build.posting(translations=titled("别处岗位"))
    event = build.event(area=jobs["township"], place_zh="阿克镇巴扎", postings=many)
    page = get(client, f"/e/{event.code}", "zh").get_data(as_text=True)
    assert len(re.findall(r'<h3><a href="/j/', page)) == 10 and "(13)" in page
    link = re.search(r'<p class="more"><a class="btn" href="([^"]+)">([^<]+)</a>', page)
    assert link.group(1) == f"/jobs?event={event.code}" and "13" in link.group(2)
    first, page = listed(client, f"?event={event.code.lower()}")
    assert len(first) == 12 and "13" in page and elsewhere.code not in page
    assert f'href="/e/{event.code}">阿克镇巴扎</a>' in page  # the crumb leads back to the stop
    assert f'<input type="hidden" name="event" value="{event.code}">' in page  # filtering keeps the stop
    nxt = re.search(r'rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    second, _page = listed(client, nxt[len("/jobs"):])
    assert set(first) | set(second) == {p.code for p in many}
    assert listed(client, "?event=NOSUCH")[0] == listed(client)[0]  # an unknown stop is dropped, not an error


def test_a_stop_with_ten_postings_lists_them_all_without_a_link(client, jobs, build):
    event = build.event(area=jobs["township"], postings=[build.posting() for _ in range(10)])
    page = get(client, f"/e/{event.code}", "en").get_data(as_text=True)
    assert len(re.findall(r'<h3><a href="/j/', page)) == 10 and 'class="more"' not in page
