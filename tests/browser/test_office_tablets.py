"""The office's tablet pages in Chromium: the enrollment QR renders under the CSP and scans; pages fit in
three languages."""
import re

import pytest
import zxingcpp
from PIL import Image

from caravan.services.devices import create_device
from tests.browser.conftest import TABLET
from tests.sync.conftest import Tablet
from tests.browser.staff import sign_in


@pytest.fixture
def office(build, db, client):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    event = build.event(area=township)
    device, token = create_device("<b>平板 1</b>", township.code)
    db.session.commit()
    tablet = Tablet(client, device, token)
    tablet.push([tablet.tally(event.id, count=0), tablet.checkin(event.id, "0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f"),
                 tablet.tally(event.id)])
    return build.user("office", display_name="Amina"), township


@pytest.mark.parametrize("locale, lang", [("zh-CN", "zh"), ("ug-CN", "ug"), ("en-GB", "en")])
def test_tablet_pages(live_server, new_page, office, screenshot, tmp_path, locale, lang):
    user, township = office
    page = new_page(viewport=TABLET, locale=locale)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    sign_in(page, live_server, user)
    page.click(f"nav.nav a[href='/office/tablets/']")
    page.wait_for_url(live_server + "/office/tablets/")
    assert page.locator(".tablets-table tbody td").first.inner_text() == "<b>平板 1</b>"
    assert page.locator("td.has-problems").count() == 2
    screenshot(page, f"office-tablets-{lang}-tablet")

    page.select_option("select#area", township.id)
    page.click(".panel button[type=submit]")
    page.wait_for_selector(".enroll-code")
    image = page.locator(".enroll-qr img")
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0  # the CSP lets the data: image in
    screenshot(page, f"office-enroll-code-{lang}-tablet")
    path = tmp_path / "qr.png"
    image.screenshot(path=str(path))
    decoded = zxingcpp.read_barcodes(Image.open(path))
    assert [d.text for d in decoded] == [page.locator(".enroll-code").inner_text().replace("-", "")]

    page.goto(live_server + "/office/tablets/problems")
    assert page.locator(".problems-table tbody tr").count() == 2
    screenshot(page, f"office-tablet-problems-{lang}-tablet")
    assert not [e for e in errors if "Content Security Policy" in e], errors


@pytest.mark.parametrize("locale, lang", [("ug-CN", "ug"), ("en-GB", "en")])
def test_import_and_revoke(live_server, new_page, office, screenshot, tmp_path, build, db, locale, lang):
    import json

    from caravan.models import Device
    user, township = office
    device = db.session.query(Device).one()
    event = build.event(area=township)
    tablet = Tablet(None, device, "")
    export = tmp_path / "outbox.json"
    export.write_text(json.dumps({
        "format": "caravan-outbox", "version": 1, "device_id": device.id, "exported_at": "2026-11-21T09:00:00Z",
        "records": [tablet.attendee(name="<i>Aygul</i>"), tablet.tally(event.id, count=2),
                    tablet.tally(event.id, count=5000), {"type": "visit", "id": "x"}]}))
    page = new_page(viewport=TABLET, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/tablets/import")
    page.set_input_files("input#file", str(export))
    page.click("main form button[type=submit]")
    page.wait_for_selector(".sync-results")
    assert page.locator(".sync-results tbody tr").count() == 4
    assert page.locator(".sync-results tr.status-rejected").count() == 2
    screenshot(page, f"office-tablet-import-{lang}-tablet")

    page.goto(live_server + "/office/tablets/")
    page.click(f"a[href='/office/tablets/{device.id}/revoke']")
    screenshot(page, f"office-tablet-revoke-{lang}-tablet")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/office/tablets/\?revoked="))
    assert page.locator(".alert-ok").count() == 1
    db.session.expire_all()
    assert db.session.get(Device, device.id).revoked


@pytest.mark.parametrize("locale, lang", [("zh-CN", "zh"), ("ug-CN", "ug"), ("en-GB", "en")])
def test_a_refused_registration_is_corrected_at_the_office(live_server, new_page, build, db, client, screenshot,
                                                          locale, lang):
    from sqlalchemy import select

    from caravan.models import Attendee, CheckIn
    from tests.browser.conftest import PHONE
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    build.area("village", parent=township, name_zh="阿克村", name_ug="ئاق كەنت", name_en="Aq Village")
    event = build.event(area=township)
    device, token = create_device("平板 1", township.code)
    db.session.commit()
    tablet = Tablet(client, device, token)
    person = tablet.attendee(name="Aygul\x07", wishes="tailoring")
    checkin = tablet.checkin(event.id, person["id"], method="register")
    tablet.push([person, checkin])
    user = build.user("office", area=township)
    page = new_page(viewport=TABLET, locale=locale)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/tablets/problems")
    screenshot(page, f"office-problems-{lang}-tablet")
    page.click(".problems-table a.btn")
    page.wait_for_selector("form.correct-form")
    assert page.input_value("#f-name") == "Aygul\x07"
    screenshot(page, f"office-correct-{lang}-tablet")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"office-correct-{lang}-phone")
    page.fill("#f-name", "Aygul Tursun")
    page.select_option("#f-village_id", index=1)
    page.click("form.correct-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/office/tablets/problems\?corrected="))
    assert page.locator(".alert-ok").count() == 1 and page.locator(".problems-table a.btn").count() == 0
    screenshot(page, f"office-corrected-{lang}-phone")
    db.session.expire_all()
    assert db.session.get(Attendee, person["id"]).name == "Aygul Tursun"
    assert db.session.scalars(select(CheckIn)).one().attendee_id == person["id"]
    assert errors == []


def test_the_tablets_list_fits_a_phone_and_a_revoked_row_keeps_its_button(live_server, new_page, office, build, db,
                                                                          screenshot):
    """Two tablets, one revoked: at 360 px in Uyghur no sideways scrolling and both buttons on screen; at
    1280 px in Chinese a table whose names and dates are not broken; Re-enroll does not look disabled."""
    from caravan.models import Device
    from caravan.models.base import utcnow
    from tests.browser.conftest import PHONE
    user, township = office
    revoked, _token = create_device("平板A", township.code)
    revoked.revoked_at = utcnow()
    db.session.commit()

    page = new_page(viewport=PHONE, locale="ug-CN")
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/tablets/")
    assert page.locator(".tablets-table tbody tr").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    buttons = page.locator(".tablets-table .actions .btn")
    assert buttons.count() == 2
    for i in range(2):
        box = buttons.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    reenroll = page.locator(f"form[action='/office/tablets/{revoked.id}/reenroll'] button")
    # The button looks like any active one: nothing around it is made transparent.
    assert reenroll.evaluate("""b => { for (let e = b; e; e = e.parentElement)
                                         if (getComputedStyle(e).opacity !== '1') return false;
                                       return true; }""")
    screenshot(page, "office-tablets-two-ug-phone")

    page = new_page(locale="zh-CN")
    sign_in(page, live_server, user)
    page.goto(live_server + "/office/tablets/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    lines = page.evaluate("""() => [...document.querySelectorAll('.tablets-table td.name, .tablets-table .when')]
        .map(e => { const r = document.createRange(); r.selectNodeContents(e);
                    return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; })""")
    assert lines == [1, 1, 1, 1], lines  # no name or date broken over two lines
    assert db.session.get(Device, revoked.id).revoked
    screenshot(page, "office-tablets-two-zh-tablet")


@pytest.mark.parametrize("locale, lang", [("zh-CN", "zh"), ("ug-CN", "ug")])
def test_corrections_at_the_office(live_server, new_page, build, db, client, screenshot, locale, lang):
    """A tablet's second correction of a registration beside the stored one, kept by the office; and a
    refused employer visit corrected on the office's visit form. Both fit a phone and a desktop."""
    from datetime import timedelta

    from sqlalchemy import select

    from caravan.models import Attendee, EmployerVisit, PendingRecord, SurveyRound
    from caravan.services.catalogue.texts import local_today
    from caravan.services.sync import corrections
    from tests.browser.conftest import PHONE
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى", name_en="Aq Town")
    device, token = create_device("平板 1", township.code)
    employer = build.employer(area=township, name_zh="阿克村轧花厂", name_ug="ئاق كەنت پاختا زاۋۇتى")
    today = local_today()
    survey_round = SurveyRound(name="2027上半年用工调查", area=township, starts_on=today - timedelta(days=10),
                               ends_on=today + timedelta(days=10))
    db.session.add(survey_round)
    db.session.commit()
    tablet = Tablet(client, device, token)
    person = tablet.attendee(name="")
    visit = tablet.record("employer_visit", {
        "round_id": survey_round.id, "employer_id": employer.id, "staff_name": "阿依古丽",
        "visited_on": (today - timedelta(days=30)).isoformat(), "contact_name": "王经理",
        "vacancies": [{"occupation": "轧花工", "count": 8}]})
    tablet.push([person, visit])
    refused = db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == person["id"]))
    corrections.correct(refused, {"name": "古丽娜尔", "group": "rural_worker"}, set())
    db.session.commit()
    tablet.push([{**person, "data": {**person["data"], "name": "古丽娜尔·吐尔逊", "wishes": "电焊"}}])
    second = db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == person["id"],
                                                           PendingRecord.status == "conflict"))
    problem = db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == visit["id"]))
    user = build.user("office", area=township, display_name="Amina")
    db.session.commit()

    page = new_page(viewport=TABLET, locale=locale)
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/office/tablets/problems/{second.id}/correct")
    assert page.locator(".stored-version dd bdi").first.inner_text() == "古丽娜尔"
    assert page.locator("#f-name").input_value() == "古丽娜尔·吐尔逊"
    for name, size in (("1280", TABLET), ("360", PHONE)):
        page.set_viewport_size(size)
        screenshot(page, f"office-correction-compare-{lang}-{name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.click(".stored-version button[name=keep]")
    page.wait_for_url(re.compile(r".*/office/tablets/problems\?kept="))
    db.session.expire_all()
    assert db.session.get(Attendee, person["id"]).name == "古丽娜尔"

    page.set_viewport_size(TABLET)
    page.goto(f"{live_server}/office/tablets/problems/{problem.id}/correct")
    assert page.locator("#f-vacancies\\.0\\.occupation").input_value() == "轧花工"
    assert page.locator("#f-vacancies\\.0\\.wage_unit").input_value() == "month"  # the form's default
    for name, size in (("1280", TABLET), ("360", PHONE)):
        page.set_viewport_size(size)
        screenshot(page, f"office-correction-visit-{lang}-{name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.fill("#f-visited_on", today.isoformat())
    page.click(".form-actions button[type=submit]")
    page.wait_for_url(re.compile(r".*/office/tablets/problems\?corrected="))
    db.session.expire_all()
    assert db.session.get(EmployerVisit, visit["id"]).visited_on == today


@pytest.mark.parametrize("locale, lang", [("ug-CN", "ug"), ("zh-CN", "zh")])
def test_the_problems_page_reads_on_a_phone(live_server, new_page, office, screenshot, locale, lang):
    """At 360 px each problem is a card: no sideways page scroll, no text running out of its line, and the
    reason gets the card's width instead of a column squeezed to a letter."""
    from tests.browser.conftest import PHONE
    user, _township = office
    page = new_page(viewport=PHONE, locale=locale)
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/lang/{lang}")
    page.goto(live_server + "/office/tablets/problems")
    cells = page.locator(".problems-table tbody td")
    assert page.locator(".problems-table tbody tr").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    boxes = page.evaluate("""() => [...document.querySelectorAll('.problems-table tbody td')].map(td => {
        const r = td.getBoundingClientRect(), cell = td.querySelector('.cell') || td;
        return {left: r.left, right: r.right, width: r.width, text: td.innerText,
                overflows: td.scrollWidth > td.clientWidth || cell.scrollWidth > cell.clientWidth,
                cell: cell.getBoundingClientRect().width}; })""")
    assert cells.count() == len(boxes) == 14
    for box in boxes:
        assert 0 <= box["left"] and box["right"] <= PHONE["width"] and not box["overflows"], box
        assert box["cell"] >= PHONE["width"] / 3, box  # a value's room: a third of the screen at least
    reason = page.locator(".problems-table tbody td:nth-child(6)").first
    assert reason.evaluate("""e => { const r = document.createRange(); r.selectNodeContents(e);
                                    return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }""") <= 3
    screenshot(page, f"office-problems-{lang}-360")
