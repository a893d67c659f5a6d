"""A job fair's employers in Chromium: added, refused and changed in place through htmx, the arrival noted, the
results page showing it, and the page fitting a phone in Uyghur and a desktop in Chinese."""
import re

import pytest
from playwright.sync_api import expect

from caravan.models import EventKind
from tests.browser.conftest import PHONE, TABLET
from tests.browser.staff import sign_in


@pytest.mark.parametrize("locale, lang, viewport, size", [("ug-CN", "ug", PHONE, "phone"),
                                                          ("zh-CN", "zh", TABLET, "desktop")])
def test_the_office_sets_up_a_job_fair_in_place(live_server, new_page, build, db, screenshot, locale, lang,
                                                 viewport, size):
    township = build.area("township", name_zh="阿克镇", name_ug="ئاق بازىرى")
    fair = build.event(area=township, kind=EventKind.job_fair, starts_in_hours=-1, place_zh="县招聘会",
                       place_ug="ناھىيىلىك خىزمەت يەرمەنكىسى")
    mill = build.employer(name_zh="纺纱厂", name_ug="يىپ زاۋۇتى", area=township)
    shop = build.employer(name_zh="超市", name_ug="تاللا بازار", area=township)
    build.posting(title="挡车工", employer=mill)
    user = build.user("office", area=township)
    db.session.commit()
    page = new_page(viewport=viewport, locale=locale)
    sign_in(page, live_server, user)
    page.goto(live_server + f"/office/events/{fair.id}/edit")
    page.click(f"a[href='/office/events/{fair.id}/fair']")
    page.evaluate("window.stillHere = true")  # gone if a form reloads the page instead of swapping a part

    add = page.locator("form[hx-post$='/fair/add']")
    add.locator("select[name=employer]").select_option(mill.id)
    add.locator("select[name=status]").select_option("confirmed")
    add.locator("input[name=booth]").fill("a1")
    add.locator("button[type=submit]").click()
    rows = page.locator("table.fair-participants tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("input[name=booth]")).to_have_value("A1")

    # The same booth again: refused beside the field, what was typed kept, nothing added.
    add = page.locator("form[hx-post$='/fair/add']")
    add.locator("select[name=employer]").select_option(shop.id)
    add.locator("input[name=booth]").fill("A1")
    add.locator("select[name=zone]").select_option("graduate")
    add.locator("button[type=submit]").click()
    expect(page.locator("#booth-error")).to_be_visible()
    add = page.locator("form[hx-post$='/fair/add']")
    expect(add.locator("select[name=employer]")).to_have_value(shop.id)
    expect(add.locator("select[name=zone]")).to_have_value("graduate")
    expect(rows).to_have_count(1)
    add.locator("input[name=booth]").fill("G1")
    add.locator("button[type=submit]").click()
    expect(rows).to_have_count(2)

    rows.first.locator("button[value=arrived]").click()
    expect(rows.first.locator("button[value=not_arrived]")).to_be_visible()
    assert page.evaluate("window.stillHere") is True
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, f"office-fair-{lang}-{size}")

    page.goto(live_server + f"/office/events/{fair.id}")
    results = page.locator("#fair-results")
    expect(results.locator("tbody tr")).to_have_count(2)
    expect(results.locator("tbody tr").first).to_contain_text("A1")
    expect(results.locator("tbody tr").first.locator("span[dir=ltr]").nth(1)).to_have_text(
        re.compile(r"^\d\d:\d\d$"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, f"office-fair-results-{lang}-{size}")
    guide = page.request.get(live_server + f"/office/events/{fair.id}/fair/guide.pdf?lang={lang}")
    assert guide.ok and guide.body().startswith(b"%PDF")
