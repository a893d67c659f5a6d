"""A job fair on the tablet: the fair's employers arrive with the event; offline, staff note an employer's
arrival and a resident's interest in one of its postings (picked under the employer's booth); once synced,
the fair's results page shows both."""
from __future__ import annotations

from playwright.sync_api import expect

from caravan.models import EventKind, FairArrival, FairParticipant, Interest
from caravan.services import fairs
from tests.browser.field_helpers import count, register, tab, wait_pending
from tests.browser.staff import sign_in


def test_an_arrival_and_an_interest_made_offline_reach_the_fair_results(tablet, county, build, db, new_page,
                                                                        live_server, screenshot):
    fair = county["events"][0]
    fair.kind = EventKind.job_fair
    silk, oasis = county["postings"][0].employer, county["postings"][1].employer
    fairs.add(fair, fairs.clean({"employer": silk.id, "status": "confirmed", "booth": "A1"}, fair))
    fairs.add(fair, fairs.clean({"employer": oasis.id, "status": "confirmed", "booth": "G1", "zone": "graduate"},
                                fair))
    db.session.commit()

    context, page = tablet(fresh=True)
    tab(page, "fair")
    rows = page.locator("#fair-list .fa-fair-employer")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("A1")
    expect(page.locator("#fair-list .fa-zone")).to_have_count(2)  # the main hall, then the graduates' zone
    context.set_offline(True)
    page.click(f"[data-arrive='{silk.id}']")
    expect(page.locator(f"[data-arrived='{silk.id}']")).to_be_visible()
    expect(page.locator(f"[data-arrive='{oasis.id}']")).to_be_visible()
    screenshot(page, "field-fair-zh")
    page.click("[data-lang=ug]")
    expect(page.locator("html[dir=rtl]")).to_have_count(1)
    screenshot(page, "field-fair-ug")
    page.click("[data-lang=zh]")

    register(page, "古丽娜尔")
    tab(page, "give")
    silk_group = page.locator(f"#give-interest .fa-fair-group[data-employer='{silk.id}']")
    expect(silk_group).to_contain_text("A1")
    # Every published posting of the employer is offered under its booth: its two here.
    expect(silk_group.locator("input[name=interest]")).to_have_count(2)
    silk_group.locator("input[name=interest]").first.check()
    page.click("#give-form button[type=submit]")
    page.wait_for_selector("#give-saved:has-text('1')")
    assert count(db, FairArrival) == 0
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_pending(page, 0)

    assert count(db, FairArrival) == 1
    db.session.expire_all()
    arrived = db.session.scalar(db.select(FairParticipant.arrived_at).where(FairParticipant.employer_id == silk.id))
    assert arrived is not None
    interest = db.session.scalars(db.select(Interest)).one()
    assert interest.event_id == fair.id and interest.posting.employer_id == silk.id

    office = new_page()
    sign_in(office, live_server, build.user("office"))
    office.goto(live_server + f"/office/events/{fair.id}")
    first = office.locator("#fair-results tbody tr").first
    expect(first).to_contain_text("A1")
    expect(first.locator("td").nth(3)).to_have_text("1")  # one interest at this fair
    expect(first.locator("td").nth(2)).not_to_contain_text("未记录")
    screenshot(office, "office-fair-results-after-sync")
