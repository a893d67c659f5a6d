"""A merge made at the office reaches a tablet through the pull: the merged registration leaves the
tablet's residents (no name in its store, not in a name search), and a scan of its old pass checks in the
kept person, offline too; an undo brings the record back whole."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from caravan.models import CheckIn, Merge
from caravan.models.base import utcnow
from caravan.services import merges
from tests.browser.field_helpers import count, enter_code, raw_store, store, sync_and_wait, wait_pending


def _row(page, attendee_id):
    return next((row for row in store(page, "attendees") if row["id"] == attendee_id), None)


def test_a_merged_pass_finds_the_kept_person_and_an_undo_restores_it(tablet, live_server, county, build, db):
    village = county["villages"][0]
    kept = build.attendee("阿依古丽", village=village, consent_at=utcnow() - timedelta(days=40))
    gone = build.attendee("阿依古丽 ", village=village)
    context, page = tablet(fresh=True)
    assert _row(page, gone.id)["name"] == "阿依古丽 "
    clerk = build.user("office")
    merges.merge(kept, gone, by=clerk)
    db.session.commit()

    sync_and_wait(page)
    alias = next(row for row in raw_store(page, "attendees") if row["id"] == gone.id)
    assert alias["merged_into"] == kept.id and set(alias) == {"id", "merged_into", "pass_hash", "code"}
    found = page.evaluate("""async () => (await import('/static/js/field/people.js')).search('阿依古丽')""")
    assert [p["id"] for p in found] == [kept.id]

    # Offline, the old pass checks the kept person in.
    context.set_offline(True)
    enter_code(page, f"{live_server}/p/{gone.pass_token}")
    page.wait_for_selector("#confirm-box.fa-ok:has-text('阿依古丽')")
    made = [r for r in store(page, "outbox") if r["type"] == "checkin"]
    assert [r["data"]["attendee_id"] for r in made] == [kept.id]
    context.set_offline(False)
    sync_and_wait(page)
    wait_pending(page, 0)
    assert count(db, CheckIn, attendee_id=kept.id) == 1

    # Undone at the office: the registration is a person on the tablet again.
    db.session.expire_all()
    merges.undo(db.session.scalar(select(Merge)), by=clerk)
    db.session.commit()
    sync_and_wait(page)
    back = _row(page, gone.id)
    assert back["name"] == "阿依古丽 " and "merged_into" not in back
