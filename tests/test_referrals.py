"""Referral follow-up: the queue's filters and order, the step rule, bulk changes within the user's area,
the overdue flag, the resident's pass in their language, the export and the posting's referral contact."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from caravan.models import AuditEntry, Interest, ReferralStatus, ReferralStep
from caravan.models.base import utcnow
from caravan.services.referrals import NEXT, refusal
from caravan.services.residents import add_interest

S = ReferralStatus


def _interest(db, build, attendee, posting, status=S.interested, days_ago=0):
    """An interest of ``attendee`` in ``posting`` at ``status``, its latest step ``days_ago`` days back."""
    interest, _added = add_interest(attendee, posting)
    at = utcnow() - timedelta(days=days_ago)
    for step in interest.steps:
        step.at = at - timedelta(days=1)
    if status != S.interested:
        interest.status = status
        db.session.add(ReferralStep(interest_id=interest.id, status=status, at=at))
    else:
        interest.steps[0].at = at
    interest.status_at = at
    db.session.commit()
    return interest


@pytest.fixture
def town(db, build):
    """A township with two villages, a sibling township's village, postings of two employers."""
    township = build.area("township")
    village, other_village = build.area("village", parent=township), build.area("village", parent=township)
    sibling_village = build.area("village", parent=build.area("township"))
    first = build.employer(name_zh="甲厂", area=township, contact_name="王经理", contact_phone="13900000001")
    second = build.employer(name_zh="乙厂", area=township)
    return {"township": township, "village": village, "other_village": other_village,
            "sibling_village": sibling_village, "first": first, "second": second,
            "sewing": build.posting(employer=first, area=township, title="缝纫工"),
            "picking": build.posting(employer=second, area=township, title="采棉工")}


def _names(response) -> set[str]:
    text = response.get_data(as_text=True)
    return {name for name in ("居民甲", "居民乙", "居民丙", "居民丁", "居民戊") if name in text}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("new", list(S))
def test_a_step_follows_the_order_or_withdraws_before_hiring(app, current, new):
    order = [S.interested, S.referred, S.interviewed, S.hired]
    allowed = (current in order[:3] and new == order[order.index(current) + 1]) or (
        new == S.withdrawn and current in order[:3])
    with app.test_request_context():
        assert (refusal(current, new) is None) == allowed, (current, new)
        assert (new in NEXT.get(current, ())) == allowed


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("new", list(S))
def test_a_course_step_enrols_then_completes_or_drops_before_completing(app, current, new):
    allowed = (current, new) in {(S.interested, S.enrolled), (S.enrolled, S.completed),
                                 (S.interested, S.dropped), (S.enrolled, S.dropped)}
    with app.test_request_context():
        assert (refusal(current, new, course=True) is None) == allowed, (current, new)


def test_queue_filters_by_status_posting_employer_area_and_age_oldest_first(client, login_as, db, build, town):
    a = build.attendee(name="居民甲", village=town["village"])
    b = build.attendee(name="居民乙", village=town["other_village"])
    c = build.attendee(name="居民丙", village=town["village"])
    d = build.attendee(name="居民丁", village=town["sibling_village"])
    _interest(db, build, a, town["sewing"], days_ago=3)
    _interest(db, build, b, town["picking"], S.referred, days_ago=20)
    _interest(db, build, c, town["sewing"], S.hired, days_ago=1)
    _interest(db, build, d, town["sewing"], days_ago=30)
    login_as("office", area=town["township"])
    queue = client.get("/office/referrals/")
    assert _names(queue) == {"居民甲", "居民乙"}  # open ones of the user's area; hired is closed
    text = queue.get_data(as_text=True)
    assert text.index("居民乙") < text.index("居民甲")  # the longest without a step first
    assert _names(client.get("/office/referrals/?status=hired")) == {"居民丙"}
    assert _names(client.get("/office/referrals/?status=all")) == {"居民甲", "居民乙", "居民丙"}
    assert _names(client.get(f"/office/referrals/?posting={town['picking'].id}")) == {"居民乙"}
    assert _names(client.get(f"/office/referrals/?employer={town['first'].id}&status=all")) == {"居民甲", "居民丙"}
    assert _names(client.get(f"/office/referrals/?area={town['other_village'].code}")) == {"居民乙"}
    assert _names(client.get(f"/office/referrals/?area={town['sibling_village'].code}")) == set()
    assert _names(client.get("/office/referrals/?age=10")) == {"居民乙"}
    assert client.get("/office/referrals/?age=ten").status_code == 400
    fragment = client.get("/office/referrals/?age=10", headers={"HX-Request": "true"})
    assert "<html" not in fragment.get_data(as_text=True) and _names(fragment) == {"居民乙"}


def test_overdue_follow_ups_are_flagged_and_filtered_after_the_configured_days(app, client, login_as, db, build,
                                                                                 town):
    a = build.attendee(name="居民甲", village=town["village"])
    b = build.attendee(name="居民乙", village=town["village"])
    c = build.attendee(name="居民丙", village=town["village"])
    _interest(db, build, a, town["sewing"], days_ago=15)
    _interest(db, build, b, town["sewing"], days_ago=5)
    _interest(db, build, c, town["sewing"], S.hired, days_ago=40)  # closed: never overdue
    login_as("office", area=town["township"])
    page = client.get("/office/referrals/?status=all").get_data(as_text=True)
    assert page.count('class="overdue"') == 1 and page.count("flag-overdue") == 1
    assert _names(client.get("/office/referrals/?overdue=1")) == {"居民甲"}
    app.config["REFERRAL_OVERDUE_DAYS"] = 4
    assert _names(client.get("/office/referrals/?overdue=1")) == {"居民甲", "居民乙"}


def test_one_step_is_stored_with_who_when_and_note_and_audited_without_the_note(client, login_as, db, build, town):
    a = build.attendee(name="居民甲", village=town["village"])
    interest = _interest(db, build, a, town["sewing"])
    user = login_as("office", area=town["township"])
    response = client.post(f"/office/referrals/{interest.id}/step",
                           data={"status": "referred", "note": "电话已通知 13900001111", "f_posting": town["sewing"].id})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/office/referrals/?posting={town['sewing'].id}")
    db.session.expire_all()
    assert db.session.get(Interest, interest.id).status == S.referred
    step = db.session.scalars(select(ReferralStep).where(ReferralStep.interest_id == interest.id)
                              .order_by(ReferralStep.id)).all()[-1]
    assert (step.status, step.user_id, step.note) == (S.referred, user.id, "电话已通知 13900001111")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "referral.step"))
    assert entry.entity_id == interest.id and entry.user_id == user.id
    assert entry.detail["before"] == "interested" and entry.detail["after"] == "referred"
    assert "13900001111" not in str(entry.detail) and "居民甲" not in str(entry.detail)
    queue = client.get(f"/office/referrals/?posting={town['sewing'].id}").get_data(as_text=True)
    assert f'href="/office/residents/{a.id}">居民甲</a>' in queue  # from the step on to the person


def test_a_step_out_of_order_is_refused_with_a_message_and_the_note_kept(client, login_as, db, build, town):
    a = build.attendee(name="居民甲", village=town["village"])
    interest = _interest(db, build, a, town["sewing"])
    login_as("office", area=town["township"])
    client.get("/lang/en")
    response = client.post(f"/office/referrals/{interest.id}/step",
                           data={"status": "hired", "note": "a long note typed by hand", "row": interest.id})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "the next step is “Referred to the employer”" in text
    assert "a long note typed by hand</textarea>" in text
    db.session.expire_all()
    assert db.session.get(Interest, interest.id).status == S.interested
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "referral.step")) is None


def test_bulk_moves_every_ticked_row_of_the_users_area(client, login_as, db, build, town):
    rows = [_interest(db, build, build.attendee(name=name, village=town["village"]), town["sewing"])
            for name in ("居民甲", "居民乙")]
    login_as("office", area=town["township"])
    response = client.post("/office/referrals/steps", data={"ids": [r.id for r in rows], "status": "referred"})
    assert response.status_code == 303
    db.session.expire_all()
    assert {db.session.get(Interest, r.id).status for r in rows} == {S.referred}
    assert len(db.session.scalars(select(AuditEntry).where(AuditEntry.action == "referral.step")).all()) == 2


def test_bulk_with_a_row_outside_the_users_area_changes_nothing(client, login_as, db, build, town):
    own = _interest(db, build, build.attendee(name="居民甲", village=town["village"]), town["sewing"])
    other = _interest(db, build, build.attendee(name="居民丁", village=town["sibling_village"]), town["sewing"])
    login_as("office", area=town["township"])
    response = client.post("/office/referrals/steps", data={"ids": [own.id, other.id], "status": "referred"})
    assert response.status_code == 404
    db.session.expire_all()
    assert {db.session.get(Interest, r.id).status for r in (own, other)} == {S.interested}
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "referral.step")) is None


def test_bulk_refuses_all_when_one_row_may_not_take_the_step_and_keeps_the_ticks(client, login_as, db, build, town):
    ready = _interest(db, build, build.attendee(name="居民甲", village=town["village"]), town["sewing"], S.referred)
    early = _interest(db, build, build.attendee(name="居民乙", village=town["village"]), town["sewing"])
    login_as("office", area=town["township"])
    client.get("/lang/en")
    response = client.post("/office/referrals/steps",
                           data={"ids": [ready.id, early.id], "status": "interviewed", "note": "round 1"})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "1 of the 2 chosen cannot take this step" in text and "Nothing was changed." in text
    assert f'value="{ready.id}" form="bulk" aria-label="Choose" checked' in text
    assert 'value="round 1"' in text
    db.session.expire_all()
    assert db.session.get(Interest, ready.id).status == S.referred
    empty = client.post("/office/referrals/steps", data={"status": "referred"})
    assert empty.status_code == 422 and "Tick the referrals to move first." in empty.get_data(as_text=True)


@pytest.mark.parametrize("lang, status_text, next_text", [
    ("zh", "已推荐给用人单位", "您的信息已推荐给用人单位"),
    ("ug", "ئىش بەرگۈچىگە تونۇشتۇرۇلدى", "ئۇچۇرىڭىز ئىش بەرگۈچىگە"),
    ("en", "Referred to the employer", "Your details were passed to the employer."),
])
def test_the_pass_shows_the_current_step_and_what_happens_next_in_the_residents_language(
        client, login_as, db, build, town, lang, status_text, next_text):
    attendee = build.attendee(name="居民甲", village=town["village"])
    interest = _interest(db, build, attendee, town["sewing"])
    login_as("office", area=town["township"])
    assert client.post(f"/office/referrals/{interest.id}/step", data={"status": "referred"}).status_code == 303
    client.post("/signout")
    client.get(f"/p/{attendee.pass_token}?lang={lang}")
    text = client.get(f"/p/{attendee.pass_token}").get_data(as_text=True)
    assert status_text in text and next_text in text


def test_export_holds_the_filtered_queue_in_the_users_language_and_is_audited(client, login_as, db, build, town):
    _interest(db, build, build.attendee(name="居民甲", village=town["village"], phone="13900002222"), town["sewing"])
    _interest(db, build, build.attendee(name="=居民乙", village=town["village"]), town["picking"], S.referred)
    _interest(db, build, build.attendee(name="居民丁", village=town["sibling_village"]), town["sewing"])
    user = login_as("office", area=town["township"])
    client.get("/lang/zh")
    response = client.get(f"/office/referrals/export.csv?employer={town['first'].id}")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.data[3:].decode("utf-8"))))
    assert rows[0][0] == "状态" and len(rows) == 2
    assert rows[1][0] == "有意向" and "居民甲" in rows[1] and "13900002222" in rows[1] and "王经理" in rows[1]
    book = load_workbook(io.BytesIO(client.get("/office/referrals/export.xlsx").data))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert len(values) == 3 and "'=居民乙" in [v for row in values for v in row]  # a name never runs
    assert not any("居民丁" in str(row) for row in values)
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "referral.export")
                                 .order_by(AuditEntry.id)).all()
    assert [(e.user_id, e.detail["format"], e.detail["rows"]) for e in entries] == [(user.id, "csv", 1),
                                                                                   (user.id, "xlsx", 2)]
    assert entries[0].detail["filters"] == {"employer": town["first"].id}
    assert "居民" not in str([e.detail for e in entries])


def test_the_postings_referral_contact_is_saved_checked_and_shown_in_the_queue(client, login_as, db, build, town):
    _interest(db, build, build.attendee(name="居民甲", village=town["village"]), town["sewing"])
    _interest(db, build, build.attendee(name="居民乙", village=town["village"]), town["picking"])
    login_as("office", area=town["township"])
    client.get("/lang/en")
    form = {"employer": town["second"].id, "area": town["township"].code, "openings": "3", "title_zh": "采棉工",
            "contact_name": "李师傅", "contact_phone": "call me"}
    url = f"/office/postings/{town['picking'].id}/edit"
    refused = client.post(url, data=form)
    assert refused.status_code == 422 and "Digits, spaces, + and - only." in refused.get_data(as_text=True)
    assert 'value="李师傅"' in refused.get_data(as_text=True)  # nothing typed is lost
    assert client.post(url, data=form | {"contact_phone": "0998-1234567"}).status_code == 303
    assert 'value="0998-1234567"' in client.get(url).get_data(as_text=True)
    queue = client.get("/office/referrals/").get_data(as_text=True)
    assert "李师傅" in queue and "0998-1234567" in queue  # the posting's own contact
    assert "王经理" in queue  # no contact on the posting: its employer's


def test_interests_inserted_in_bulk_like_sync_does_start_their_step_time_at_their_own_time(db, build):
    """Sync inserts interests with one Core executemany: each row's status_at is its own device time."""
    from sqlalchemy import insert
    posting = build.posting()
    people = [build.attendee(name=f"居民{n}") for n in range(2)]
    times = [utcnow() - timedelta(days=30), utcnow() - timedelta(days=3)]
    rows = [{"id": f"00000000-0000-4000-8000-00000000000{n}", "attendee_id": a.id, "posting_id": posting.id,
             "status": S.interested, "device_at": at, "received_at": utcnow()}
            for n, (a, at) in enumerate(zip(people, times))]
    db.session.connection().execute(insert(Interest.__table__), rows)
    db.session.commit()
    stored = {i.id: i.status_at for i in db.session.scalars(select(Interest))}
    assert [stored[r["id"]] for r in rows] == times
