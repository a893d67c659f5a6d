"""A clerk finds two registrations of one person, compares them, merges them, sees the merge on the kept
record and undoes it; marks another pair as different people in place. The pages on a phone in Uyghur."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from caravan.models import CheckIn, CheckInMethod
from caravan.models.base import new_uuid, utcnow
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def office(build, db):
    county = build.county()
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    village = build.area("village", parent=town, name_zh="幸福村", name_ug="بەخت كەنتى", name_en="Bext Village")
    older = build.attendee(name="阿依古丽·买买提", phone="138 0013 8000", village=village,
                           consent_at=utcnow() - timedelta(days=30))
    newer = build.attendee(name="ئايگۈل مەمەت", phone="+86 13800138000", village=village, skills="缝纫")
    build.attendee(name="阿依古丽 买买提", village=village, group="graduate", consent_at=utcnow() - timedelta(days=2))
    build.attendee(name="王小芳", village=village, consent_at=utcnow() - timedelta(days=5))
    build.attendee(name="王晓芳", village=village, consent_at=utcnow() - timedelta(days=4))
    event = build.event(area=town, place_zh="阿克镇巴扎", place_ug="ئاق بازار", starts_in_hours=-3)
    db.session.add(CheckIn(id=new_uuid(), event_id=event.id, attendee_id=newer.id, method=CheckInMethod.scan))
    db.session.commit()
    return build.user("office", display_name="Amina", area=county), older, newer


def test_find_compare_merge_and_undo(live_server, new_page, office, screenshot):
    user, older, newer = office
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/residents/")
    page.click("a[href='/office/residents/duplicates']")
    pairs = page.locator("li.dup-pair")
    expect(pairs).to_have_count(3)
    assert "同村姓名相近" in pairs.last.inner_text()
    page.wait_for_function("() => window.htmx && document.readyState === 'complete'")
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    screenshot(page, "office-duplicates-zh-desktop")

    # "Not the same person" from the list: the row goes, in place.
    page.evaluate("window.stillTheSamePage = true")
    similar = pairs.filter(has_text="王晓芳")
    similar.get_by_role("button", name="不是同一人").click()
    expect(pairs).to_have_count(2)
    assert page.evaluate("window.stillTheSamePage") is True

    # The pair of one phone, written in two scripts: compare side by side.
    pair = pairs.filter(has_text="ئايگۈل مەمەت").filter(has_text="电话号码相同").filter(has_text="阿依古丽·买买提")
    pair.get_by_role("link", name="对比").click()
    page.wait_for_url(re.compile(r"/duplicates/[0-9a-f-]{36}$"))
    columns = page.locator(".dup-column")
    expect(columns).to_have_count(2)
    assert "阿依古丽·买买提" in columns.first.inner_text() and "ئايگۈل مەمەت" in columns.last.inner_text()
    assert "姓名以不同文字书写" in page.locator("main").inner_text()
    screenshot(page, "office-duplicate-compare-zh-desktop")

    # Merging needs the box ticked; the typed choice is refused in words, nothing merged.
    page.get_by_role("button", name="合并两条记录").click()
    expect(page.locator(".alert-error")).to_contain_text("请勾选")
    page.check("input[name=confirm]")
    page.get_by_role("button", name="合并两条记录").click()
    page.wait_for_url(live_server + f"/office/residents/{older.id}")
    main = page.locator("main")
    expect(main).to_contain_text("已并入的登记")
    text = main.inner_text()
    # The other's check-in moved here, and its skills filled the kept record's empty field.
    assert "ئايگۈل مەمەت" in text and "缝纫" in text and "阿克镇巴扎" in text
    screenshot(page, "office-resident-merged-zh-desktop")

    # The same on a phone in Uyghur: the kept record, then the list.
    phone = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(phone, live_server, user)
    phone.goto(live_server + f"/office/residents/{newer.id}")  # the merged record leads to the kept one
    assert phone.url.endswith(f"/office/residents/{older.id}")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    expect(phone.locator(".merged-from")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-resident-merged-ug-phone")
    phone.goto(live_server + "/office/residents/duplicates")
    expect(phone.locator("li.dup-pair")).to_have_count(1)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-duplicates-ug-phone")
    phone.locator("li.dup-pair a.btn-primary").click()
    phone.wait_for_url(re.compile(r"/duplicates/[0-9a-f-]{36}$"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-duplicate-compare-ug-phone")

    # Undo: the two are separate again.
    page.get_by_role("button", name="撤销合并").click()
    page.wait_for_url(live_server + f"/office/residents/{older.id}")
    expect(page.locator("main")).to_contain_text("已撤销合并")
    expect(page.locator(".merged-from")).to_have_count(0)
    assert "缝纫" not in page.locator("main").inner_text()
    page.goto(live_server + f"/office/residents/{newer.id}")
    expect(page.locator("h1")).to_have_text("ئايگۈل مەمەت")
    expect(page.locator("main")).to_contain_text("阿克镇巴扎")
