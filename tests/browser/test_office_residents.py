"""A clerk finds a resident with the live search, opens the record, and corrects it; the same pages on a
phone in Uyghur, and the office registration."""
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from caravan.models import CheckIn, CheckInMethod, Device
from caravan.models.base import new_uuid
from caravan.services import resident_office
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.fixture
def office(build, db):
    county = build.county()
    town = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    village = build.area("village", parent=town, name_zh="幸福村", name_ug="بەخت كەنتى", name_en="Bext Village")
    other = build.area("village", parent=town, name_zh="团结村", name_ug="ئىتتىپاق كەنتى", name_en="Unity Village")
    clerk = build.user("field", display_name="艾力", area=town)
    device = Device(name="平板 3", area=town)
    db.session.add(device)
    db.session.flush()
    person = build.attendee(name="阿依古丽·买买提", phone="138 0013 8000", village=village, skills="缝纫",
                            device_id=device.id, staff_id=clerk.id)
    build.attendee(name="ئايگۈل مەمەت", phone="139 1111 2222", village=other, group="graduate")
    build.attendee(name="Aygul Tursun", village=other)
    event = build.event(area=town, place_zh="阿克镇巴扎", place_ug="ئاق بازار", starts_in_hours=-3)
    db.session.add(CheckIn(id=new_uuid(), event_id=event.id, attendee_id=person.id, method=CheckInMethod.scan,
                           device_id=device.id, staff_id=clerk.id))
    db.session.commit()
    return build.user("office", display_name="Amina", area=county), person, other


def test_find_open_and_correct_a_resident(live_server, new_page, office, screenshot):
    user, person, other = office
    page = new_page(viewport=TABLET, locale="zh-CN")
    sign_in(page, live_server, user)
    page.click("nav.nav a[href='/office/residents/']")
    expect(page.locator("#residents-results tbody tr")).to_have_count(3)
    # htmx (a deferred script) wires the form up once the page has loaded: typing before that is a plain
    # form a person would submit, not the live search this test is about.
    page.wait_for_function("() => window.htmx && document.readyState === 'complete'")

    # The live search: typing part of a name swaps only the list, and the URL follows.
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(lambda r: "q=" in r.url and r.request.headers.get("hx-request") == "true"):
        page.fill("input[name=q]", "古丽")
    expect(page.locator("#residents-results tbody tr")).to_have_count(1)
    assert page.evaluate("window.stillTheSamePage") is True
    assert "阿依古丽" in page.locator("#residents-results").inner_text()
    export = page.locator("#residents-results a[href*='export.xlsx']")
    assert "q=" in export.get_attribute("href")
    screenshot(page, "office-residents-zh-tablet")

    page.click("#residents-results tbody a")
    page.wait_for_url(re.compile(r"/office/residents/[0-9a-f-]{36}$"))
    text = page.locator("main").inner_text()
    for seen in ("艾力", "平板 3", "阿克镇巴扎", "138 0013 8000"):
        assert seen in text, seen
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    screenshot(page, "office-resident-zh-tablet")

    # Correct: a bad phone is refused beside the field and the typed values stay.
    page.click(f"a[href='/office/residents/{person.id}/edit']")
    page.fill("input[name=name]", "阿依古丽·买买提江")
    page.fill("input[name=phone]", "电话")
    with page.expect_navigation():
        page.click("form.catalogue-form button[type=submit]")
    expect(page.locator("#phone-error")).to_be_visible()
    assert page.locator("input[name=name]").input_value() == "阿依古丽·买买提江"
    page.fill("input[name=phone]", "138 0013 8001")
    page.select_option("select[name=village_id]", other.id)
    with page.expect_navigation():
        page.click("form.catalogue-form button[type=submit]")
    assert page.url.endswith(f"/office/residents/{person.id}")
    expect(page.locator("h1")).to_have_text("阿依古丽·买买提江")
    assert "团结村" in page.locator("main").inner_text()

    # The same record on a phone, in Uyghur, right to left, nothing wider than the screen.
    phone = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(phone, live_server, user)
    phone.goto(live_server + "/office/residents/?q=" + "ئايگ")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    expect(phone.locator("#residents-results tbody tr")).to_have_count(1)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-residents-ug-phone")
    phone.goto(live_server + f"/office/residents/{person.id}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-resident-ug-phone")
    phone.goto(live_server + "/office/residents/new")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-resident-new-ug-phone")


def test_a_township_clerk_pages_past_the_count_cap_on_a_phone(live_server, new_page, office, build, db, monkeypatch,
                                                             screenshot):
    """Past the count's cap the list says "more than" (in Uyghur here) and its Next button still leads to
    every resident of the township, one reached only by a check-in at the township's bazaar included."""
    from caravan.services import resident_office
    monkeypatch.setattr(resident_office, "PER_PAGE", 1)
    monkeypatch.setattr(resident_office, "COUNT_CAP", 2)
    _user, person, other = office
    visitor = build.attendee(name="Ziyaretchi Osman", village=build.area("village", parent=build.area("township")))
    event = db.session.scalar(select(CheckIn.event_id).where(CheckIn.attendee_id == person.id))
    db.session.add(CheckIn(id=new_uuid(), event_id=event, attendee_id=visitor.id, method=CheckInMethod.scan))
    db.session.commit()
    clerk = build.user("office", display_name="Nur", area=other.parent)
    phone = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(phone, live_server, clerk)
    phone.goto(live_server + "/office/residents/")
    expect(phone.locator("#residents-results .count")).to_have_text("تېپىلغان ئاھالە 2 نەپەردىن ئارتۇق")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "office-residents-capped-ug-phone")
    seen = []
    for number in range(1, 5):
        expect(phone.locator(".pager span")).to_contain_text(f"{number}-بېتى")
        seen.append(phone.locator("#residents-results tbody a").inner_text())
        if number < 4:
            phone.locator(".pager a", has_text="كېيىنكى بەت").click()
    expect(phone.locator("#residents-results .count")).to_have_text("4 ئاھالە تېپىلدى")
    expect(phone.locator(".pager a", has_text="كېيىنكى بەت")).to_have_count(0)
    assert sorted(seen) == sorted([person.name, "ئايگۈل مەمەت", "Aygul Tursun", "Ziyaretchi Osman"])
