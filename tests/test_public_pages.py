"""Resident pages: home, event and posting in three languages, fallbacks, gone postings, page weights."""
import re
from datetime import date, timedelta

import pytest

from caravan.models import Notice, NoticeKind, NoticeTranslation, PostingTranslation, PublishStatus

MAX_PAGE_BYTES = 30 * 1024


def texts(lang, title, **kw):
    return PostingTranslation(lang=lang, title=title, description=kw.get("description", ""),
                              requirements=kw.get("requirements", ""), work_place=kw.get("work_place", ""))


@pytest.fixture
def county(build, db):
    """A township with an event showing two open postings, a closed one and a notice."""
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    employer = build.employer(name_zh="棉花合作社", name_ug="پاختا كوپېراتىپى", name_en="Cotton Co-op")
    sewing = build.posting(employer=employer, wage_min=3000, wage_max=4500, housing=True, meals=True,
                           openings=5, area=township, valid_until=date.today() + timedelta(days=30),
                           translations=[texts("zh", "缝纫工", description="缝制工作服。", work_place="阿克镇工业园"),
                                         texts("ug", "تىككۈچى", description="خىزمەت كىيىمى تىكىش.",
                                               work_place="ئاق بازىرى سانائەت باغچىسى"),
                                         texts("en", "Sewing worker", description="Sewing work clothes.",
                                               work_place="Aq Town industrial park")])
    picker = build.posting(employer=employer, translations=[texts("zh", "摘棉工", description="采摘棉花。")])
    closed = build.posting(employer=employer, status="closed", translations=[texts("zh", "已关闭岗位")])
    notice = Notice(code="TRAIN1", kind=NoticeKind.training, status=PublishStatus.published,
                    translations=[NoticeTranslation(lang="zh", title="电工培训", body="免费培训两周。"),
                                  NoticeTranslation(lang="ug", title="ئېلېكتىرچىلىك كۇرسى", body="ئىككى ھەپتە ھەقسىز.")])
    event = build.event(area=township, place_zh="阿克镇巴扎", place_ug="ئاق بازىرى بازار", place_en="Aq bazaar",
                        postings=[sewing, picker, closed], notices=[notice])
    return {"event": event, "sewing": sewing, "picker": picker, "closed": closed, "employer": employer}


def get(client, path, lang):
    return client.get(path, headers={"Accept-Language": lang})


def html_tag(page):
    return re.search(r"<html[^>]*>", page).group(0)


@pytest.mark.parametrize("lang, dir_, place", [("zh", "ltr", "阿克镇巴扎"), ("ug", "rtl", "ئاق بازىرى بازار"),
                                               ("en", "ltr", "Aq bazaar")])
def test_home_links_upcoming_events(client, county, lang, dir_, place):
    page = get(client, "/", lang).get_data(as_text=True)
    assert html_tag(page) == f'<html lang="{lang}" dir="{dir_}">'
    assert f'href="/e/{county["event"].code}"' in page and place in page


@pytest.mark.parametrize("lang, dir_, place, title", [
    ("zh", "ltr", "阿克镇巴扎", "缝纫工"), ("ug", "rtl", "ئاق بازىرى بازار", "تىككۈچى"),
    ("en", "ltr", "Aq bazaar", "Sewing worker")])
def test_event_page_shows_open_postings_and_notices(client, county, lang, dir_, place, title):
    response = get(client, f"/e/{county['event'].code}", lang)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html_tag(page) == f'<html lang="{lang}" dir="{dir_}">'
    assert f"<h1>{place}</h1>" in page and title in page
    assert f'/j/{county["sewing"].code}' in page and f'/j/{county["picker"].code}' in page
    assert county["closed"].code not in page and "已关闭岗位" not in page
    assert "¥3000–4500" in page
    assert ("电工培训" if lang != "ug" else "ئېلېكتىرچىلىك كۇرسى") in page


def test_event_code_is_case_insensitive_and_unknown_is_404(client, county):
    assert client.get(f"/e/{county['event'].code.lower()}").status_code == 200
    assert client.get("/e/ZZZZZZ").status_code == 404


def test_cancelled_event_is_gone(client, county, db):
    county["event"].status = "cancelled"
    db.session.commit()
    response = client.get(f"/e/{county['event'].code}", headers={"Accept-Language": "en"})
    assert response.status_code == 410 and "This stop has been cancelled." in response.get_data(as_text=True)


@pytest.mark.parametrize("lang, expected", [
    ("zh", ["缝纫工", "缝制工作服。", "阿克镇工业园", "棉花合作社", "提供住宿"]),
    ("ug", ["تىككۈچى", "خىزمەت كىيىمى تىكىش.", "پاختا كوپېراتىپى"]),
    ("en", ["Sewing worker", "Sewing work clothes.", "Aq Town industrial park", "Cotton Co-op",
            "Housing provided", "Meals provided", "No transport", "Valid until"])])
def test_posting_page_in_each_language(client, county, lang, expected):
    response = get(client, f"/j/{county['sewing'].code}", lang)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in expected:
        assert text in page, text
    assert 'class="note"' not in page  # fully translated: no fallback note
    assert f'action="/j/{county["sewing"].code}/interest"' in page


def test_missing_translation_falls_back_to_chinese_with_a_note(client, county):
    page = get(client, f"/j/{county['picker'].code}", "en").get_data(as_text=True)
    assert "摘棉工" in page and "采摘棉花。" in page
    assert "not yet translated into your language and is shown in Chinese" in page
    page = get(client, f"/j/{county['picker'].code}", "ug").get_data(as_text=True)
    assert "摘棉工" in page and 'class="note"' in page


def test_closed_posting_is_410_and_draft_is_404(client, county, build):
    response = get(client, f"/j/{county['closed'].code}", "en")
    assert response.status_code == 410
    assert "This job posting is no longer open" in response.get_data(as_text=True)
    draft = build.posting(status="draft", translations=[texts("zh", "草稿岗位")])
    response = get(client, f"/j/{draft.code}", "zh")
    assert response.status_code == 404 and "草稿岗位" not in response.get_data(as_text=True)
    assert client.get("/j/NOSUCH").status_code == 404


def test_expired_posting_is_410(client, build):
    old = build.posting(valid_until=date.today() - timedelta(days=3))
    assert client.get(f"/j/{old.code}").status_code == 410


def test_pages_need_no_javascript(client, county):
    for path in ["/", f"/e/{county['event'].code}", f"/j/{county['sewing'].code}", "/register"]:
        page = client.get(path).get_data(as_text=True)
        assert "<script" not in page, path


def page_weight(client, path, lang):
    """Bytes of the page plus every stylesheet and image it loads (what a phone downloads)."""
    response = get(client, path, lang)
    assert response.status_code == 200, path
    page = response.get_data(as_text=True)
    total = len(response.data)
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page) + re.findall(r'<img src="(/[^"]+)"', page)
    assert any(a.endswith("caravan.css") for a in assets) and any(a.endswith("public.css") for a in assets)
    for asset in assets:
        loaded = client.get(asset)
        assert loaded.status_code == 200, asset
        total += len(loaded.data)
        loaded.close()
    return total


@pytest.mark.parametrize("lang", ["zh", "ug", "en"])
def test_every_resident_page_weighs_under_30_kb(client, county, lang, build):
    attendee = build.attendee()
    paths = ["/", f"/e/{county['event'].code}", f"/j/{county['sewing'].code}", "/n/TRAIN1", "/register",
             f"/p/{attendee.pass_token}", f"/p/{attendee.pass_token}/erase", "/erased"]
    for path in paths:
        weight = page_weight(client, path, lang)
        assert 2000 < weight < MAX_PAGE_BYTES, (path, lang, weight)


def test_notice_page_in_each_language_and_when_gone(client, county, db, build):
    notice = county["event"].notices[0]
    page = get(client, f"/n/{notice.code}", "ug").get_data(as_text=True)
    assert "ئېلېكتىرچىلىك كۇرسى" in page and "ئىككى ھەپتە ھەقسىز." in page and 'class="note"' not in page
    page = get(client, f"/n/{notice.code.lower()}", "en").get_data(as_text=True)
    assert "电工培训" in page and "not yet translated into your language" in page
    notice.status = PublishStatus.closed
    db.session.commit()
    response = get(client, f"/n/{notice.code}", "en")
    assert response.status_code == 410 and "This notice has ended." in response.get_data(as_text=True)
    notice.status = PublishStatus.draft
    db.session.commit()
    assert client.get(f"/n/{notice.code}").status_code == 404


def test_event_page_shows_a_notices_opening_words_and_links_the_whole(client, build):
    notice = Notice(code="LONG01", kind=NoticeKind.policy, status=PublishStatus.published,
                    translations=[NoticeTranslation(lang="zh", title="政策", body="免费培训两周，" * 40)])
    event = build.event(notices=[notice])
    page = get(client, f"/e/{event.code}", "zh").get_data(as_text=True)
    assert page.count("免费培训两周") == 17 and "…" in page and 'href="/n/LONG01"' in page
    assert get(client, "/n/LONG01", "zh").get_data(as_text=True).count("免费培训两周") >= 40
