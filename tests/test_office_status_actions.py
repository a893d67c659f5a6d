"""The buttons above an office form (publish, close, back to draft; cancel and restore an event) save what
was typed in the form first, and cancelling an event asks first and can be undone."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from caravan.models import AuditEntry, Event, EventStatus, Notice, Posting, PublishStatus
from caravan.services.catalogue import events
from caravan.services.catalogue.texts import local_today
from tests.test_office_catalogue_views import form_for


def _actions(db, entity_id):
    return db.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == entity_id)
                              .order_by(AuditEntry.id)).all()


def test_publish_saves_the_edit_typed_above_it(client, login_as, build, db):
    user = login_as("office")
    employer = build.employer(area=user.area)
    client.post("/office/postings/new", data=form_for(employer, user.area))
    posting = db.session.scalar(select(Posting))
    response = client.post(f"/office/postings/{posting.id}/edit",
                           data=form_for(employer, user.area, openings="7", then="publish"),
                           headers={"Accept-Language": "en"})
    assert response.status_code == 303
    db.session.expire_all()
    posting = db.session.get(Posting, posting.id)
    assert posting.openings == 7 and posting.status == PublishStatus.published
    assert _actions(db, posting.id) == ["posting.create", "posting.update", "posting.publish"]
    page = client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Saved." in page and f"Posting {posting.code} is online." in page


@pytest.mark.parametrize("then, status", [("close", PublishStatus.closed), ("draft", PublishStatus.draft)])
def test_close_and_back_to_draft_save_the_edit_too(client, login_as, build, db, then, status):
    user = login_as("office")
    employer = build.employer(area=user.area)
    posting = build.posting(employer=employer, area=user.area, status="published")
    assert client.post(f"/office/postings/{posting.id}/edit",
                       data=form_for(employer, user.area, title_en="Head waiter", then=then)).status_code == 303
    db.session.expire_all()
    posting = db.session.get(Posting, posting.id)
    assert posting.status == status and posting.text("en").title == "Head waiter"


def test_a_refused_publish_keeps_what_was_typed_and_changes_nothing(client, login_as, build, db):
    user = login_as("office")
    employer = build.employer(area=user.area)
    posting = build.posting(employer=employer, area=user.area, status="draft")
    yesterday = (local_today() - timedelta(days=1)).isoformat()
    response = client.post(f"/office/postings/{posting.id}/edit", headers={"Accept-Language": "zh"},
                           data=form_for(employer, user.area, openings="9", valid_until=yesterday, then="publish"))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'value="9"' in html and f'value="{yesterday}"' in html and "截止日期已过" in html
    db.session.expire_all()
    posting = db.session.get(Posting, posting.id)
    assert posting.status == PublishStatus.draft and posting.openings != 9


def test_an_unknown_status_action_is_refused(client, login_as, build):
    user = login_as("office")
    employer = build.employer(area=user.area)
    posting = build.posting(employer=employer, area=user.area)
    data = form_for(employer, user.area, then="delete")
    assert client.post(f"/office/postings/{posting.id}/edit", data=data).status_code == 400


def test_a_notice_is_saved_and_closed_in_one_press(client, login_as, db):
    login_as("office")
    response = client.post("/office/notices/new", data={"kind": "training", "title_zh": "电工培训", "body_zh": "免费"})
    notice_id = response.headers["Location"].split("/")[3]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'form="notice-form" name="then" value="publish"' in page and 'id="notice-form"' in page
    assert client.post(f"/office/notices/{notice_id}/edit", data={
        "kind": "training", "title_zh": "高级电工培训", "body_zh": "免费", "then": "publish"}).status_code == 303
    db.session.expire_all()
    notice = db.session.get(Notice, notice_id)
    assert notice.status == PublishStatus.published and notice.text("zh").title == "高级电工培训"


def _event_form(event, **kw):
    data = {"kind": "bazaar", "area": event.area.code, "place_zh": event.place_zh,
            **{k: v for k, v in events.form_values(event).items() if k in ("starts_at", "ends_at")}}
    return dict(data, **kw)


def test_cancelling_an_event_saves_the_edit_asks_first_and_can_be_undone(client, login_as, build, db):
    user = login_as("office")
    event = build.event(area=user.area, place_zh="周日巴扎")
    page = client.get(f"/office/events/{event.id}/edit").get_data(as_text=True)
    assert 'form="event-form" name="then" value="cancel"' in page

    # "Cancel this event" saves what was typed and asks; nothing is cancelled yet.
    response = client.post(f"/office/events/{event.id}/edit", data=_event_form(event, place_en="Sunday bazaar",
                                                                             then="cancel"))
    assert response.status_code == 303 and response.headers["Location"] == f"/office/events/{event.id}/cancel"
    ask = client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f"Cancel event {event.code}?" in ask and "Yes, cancel the event" in ask and "No, keep it" in ask
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert event.status == EventStatus.planned and event.place_en == "Sunday bazaar"
    assert _actions(db, event.id) == ["event.update"]

    # Confirmed: cancelled, and the page offers the undo.
    response = client.post(f"/office/events/{event.id}/cancel", headers={"Accept-Language": "en"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f"Event {event.code} was cancelled." in page
    assert 'name="then" value="restore"' in page and 'value="cancel"' not in page
    db.session.expire_all()
    assert db.session.get(Event, event.id).status == EventStatus.cancelled

    # Restored: planned again, audited, by whom.
    response = client.post(f"/office/events/{event.id}/edit", data=_event_form(event, place_en="Sunday bazaar",
                                                                             then="restore"),
                           headers={"Accept-Language": "zh"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"], headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert f"活动 {event.code} 已恢复为计划中" in page
    db.session.expire_all()
    assert db.session.get(Event, event.id).status == EventStatus.planned
    assert _actions(db, event.id) == ["event.update", "event.cancel", "event.restore"]
    restore = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "event.restore"))
    assert restore.user_id == user.id
    audit_page = client.get("/office/audit", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Event restored" in audit_page


@pytest.mark.parametrize("lang, text", [("zh", "取消活动"), ("ug", "پائالىيىتىنى بىكار قىلامسىز"), ("en", "Cancel event")])
def test_the_confirmation_is_in_the_users_language(client, login_as, build, lang, text):
    user = login_as("office")
    event = build.event(area=user.area)
    html = client.get(f"/office/events/{event.id}/cancel", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert text in html and f'<html lang="{lang}"' in html


def test_restore_plans_a_cancelled_event_again_and_only_that(app, build, db):
    event = build.event()
    assert events.restore(event) is False
    assert events.cancel(event) is True
    assert events.restore(event) is True and event.status == EventStatus.planned
    assert _actions(db, event.id) == ["event.cancel", "event.restore"]
