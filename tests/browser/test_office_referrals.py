"""A clerk works through the referral queue, and the resident sees the step on their own phone."""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import PostingTranslation
from caravan.models.base import utcnow
from caravan.services.residents import add_interest
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def queue(build, db):
    county = build.county()
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    village = build.area("village", parent=town, name_zh="托万村", name_ug="تۆۋەن كەنت", name_en="Towen")
    employer = build.employer(name_zh="石榴花餐厅", name_ug="ئانارگۈل ئاشخانىسى", area=town,
                              contact_name="王经理", contact_phone="13900000001")
    cook = build.posting(employer=employer, area=town, translations=[
        PostingTranslation(lang="zh", title="厨师"), PostingTranslation(lang="ug", title="ئاشپەز")])
    waiter = build.posting(employer=employer, area=town, translations=[
        PostingTranslation(lang="zh", title="服务员"), PostingTranslation(lang="ug", title="مۇلازىمەتچى")])
    aygul = build.attendee(name="ئايگۈل تۇرسۇن", village=village, phone="13800001111")
    mirzat = build.attendee(name="米尔扎提", village=village)
    first, _ = add_interest(aygul, cook)
    old, _ = add_interest(mirzat, waiter)
    old.steps[0].at = old.status_at = utcnow() - timedelta(days=20)  # overdue
    add_interest(mirzat, cook)
    db.session.commit()
    return {"user": build.user("office", area=county), "aygul": aygul, "first": first, "old": old}


def test_mark_referred_in_the_queue_and_the_pass_shows_it(live_server, new_page, queue, screenshot):
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, queue["user"])
    page.click("nav.nav a[href='/office/referrals/']")
    rows = page.locator("#referrals-results tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("已逾期")  # the overdue one, oldest first
    expect(page.locator(f"#r-{queue['first'].id}")).to_contain_text("王经理")

    # One row: its next step, with a note.
    row = page.locator(f"#r-{queue['first'].id}")
    row.locator("details.step summary").click()
    row.locator("select[name=status]").select_option("referred")
    row.locator("textarea[name=note]").fill("已电话通知，明天面试")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    expect(page.locator("[role=status]")).to_contain_text("已推荐给用人单位")
    expect(page.locator(f"#r-{queue['first'].id}")).to_contain_text("已电话通知，明天面试")

    # A step out of order in bulk is refused, with the reason, and nothing changes.
    page.check(f"input[name=ids][value='{queue['first'].id}']")
    page.check(f"input[name=ids][value='{queue['old'].id}']")
    page.select_option("#bulk-status", "interviewed")
    with page.expect_navigation():
        page.click("#bulk button[type=submit]")
    expect(page.locator("[role=alert]")).to_contain_text("未作任何更改")
    expect(page.locator(f"input[name=ids][value='{queue['old'].id}']")).to_be_checked()
    screenshot(page, "office-referrals-zh-tablet")

    # The live filter: overdue only.
    page.check("input[name=overdue]")
    expect(rows).to_have_count(1)
    assert "overdue=1" in page.url

    # The resident's phone, in Uyghur.
    phone = new_page(viewport=PHONE, locale="ug")
    phone.goto(f"{live_server}/p/{queue['aygul'].pass_token}?lang=ug")
    card = phone.locator(".card")
    expect(card).to_contain_text("ئىش بەرگۈچىگە تونۇشتۇرۇلدى")
    expect(card.locator(".next")).to_contain_text("سۆھبەت")
    screenshot(phone, "pass-referred-ug-phone")


def test_the_queue_on_a_phone_in_uyghur(live_server, new_page, queue, screenshot):
    page = new_page(viewport=PHONE, locale="ug")
    sign_in(page, live_server, queue["user"])
    page.goto(live_server + "/lang/ug")
    page.goto(live_server + "/office/referrals/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#referrals-results tbody tr")).to_have_count(3)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    screenshot(page, "office-referrals-ug-phone")
