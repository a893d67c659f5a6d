"""Training courses: sessions kept on the notice's page within the user's area, the course's seats and
interest, course interests from the phone, in the referral queue and through merges."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from caravan.models import AuditEntry, InstructionLanguage, Interest, NoticeKind, ReferralStatus, TrainingSession
from caravan.models.base import utcnow
from caravan.services import training
from caravan.services.catalogue.texts import local_today
from caravan.services.residents import add_interest

S = ReferralStatus


def _session(db, notice, area, seats=20, starts_in=10, days=3, **kw):
    start = local_today() + timedelta(days=starts_in)
    session = TrainingSession(notice=notice, area=area, starts_on=start, ends_on=start + timedelta(days=days),
                              place_zh=kw.pop("place_zh", "县技工学校"), seats=seats,
                              language=kw.pop("language", InstructionLanguage.bilingual))
    db.session.add(session)
    db.session.commit()
    return session


def _form(area, **kw):
    start = local_today() + timedelta(days=5)
    values = {"starts_on": start.isoformat(), "ends_on": (start + timedelta(days=4)).isoformat(),
              "place_zh": "乡文化站", "seats": "25", "language": "ug", "area": area.code}
    return values | kw


def test_an_office_user_adds_a_session_held_in_their_area_and_sees_it_with_the_seats(client, login_as, db, build):
    township = build.area("township")
    user = login_as("office", area=township)
    notice = build.notice()
    response = client.post(f"/office/notices/{notice.id}/sessions", data=_form(township))
    assert response.status_code == 303 and response.headers["Location"].endswith("#sessions")
    session = db.session.scalar(select(TrainingSession))
    assert (session.area_id, session.seats, session.language, session.place_zh) == (
        township.id, 25, InstructionLanguage.ug, "乡文化站")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "training.session_add"))
    assert entry.user_id == user.id
    page = client.get(f"/office/notices/{notice.id}/edit").get_data(as_text=True)
    assert "乡文化站" in page and f"/sessions/{session.id}" in page and 'id="sessions"' in page


@pytest.mark.parametrize("change, field", [
    ({"ends_on": "2020-01-01"}, "ends_on"), ({"seats": "0"}, "seats"), ({"seats": "abc"}, "seats"),
    ({"place_zh": ""}, "place_zh"), ({"language": ""}, "language"), ({"language": "fr"}, "language"),
    ({"starts_on": "tomorrow"}, "starts_on")])
def test_a_wrong_session_form_says_why_and_keeps_what_was_typed(client, login_as, db, build, change, field):
    township = build.area("township")
    login_as("office", area=township)
    notice = build.notice()
    form = _form(township, place_zh="县城礼堂", **change) if field != "place_zh" else _form(township, **change)
    response = client.post(f"/office/notices/{notice.id}/sessions", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{field}-error"' in page
    if field != "place_zh":
        assert 'value="县城礼堂"' in page
    assert db.session.scalar(select(TrainingSession)) is None


def test_sessions_of_another_area_are_shown_but_not_changed(client, login_as, db, build):
    own, sibling = build.area("township"), build.area("township")
    login_as("office", area=own)
    notice = build.notice()
    theirs = _session(db, notice, sibling, place_zh="邻乡礼堂")
    page = client.get(f"/office/notices/{notice.id}/edit").get_data(as_text=True)
    assert "邻乡礼堂" in page and f"/sessions/{theirs.id}" not in page
    assert client.post(f"/office/notices/{notice.id}/sessions", data=_form(sibling)).status_code == 422
    assert client.post(f"/office/notices/{notice.id}/sessions/{theirs.id}/remove").status_code == 404


def test_a_policy_notice_has_no_sessions(client, login_as, db, build):
    login_as("office")
    notice = build.notice(kind=NoticeKind.policy)
    assert 'id="sessions"' not in client.get(f"/office/notices/{notice.id}/edit").get_data(as_text=True)
    assert client.post(f"/office/notices/{notice.id}/sessions", data=_form(build.county())).status_code == 404


def test_a_session_is_changed_on_its_own_page_and_removed(client, login_as, db, build):
    login_as("office")
    notice = build.notice()
    session = _session(db, notice, build.county())
    assert client.get(f"/office/notices/{notice.id}/sessions/{session.id}").status_code == 200
    response = client.post(f"/office/notices/{notice.id}/sessions/{session.id}",
                           data=_form(build.county(), seats="40", place_zh="新礼堂"))
    assert response.status_code == 303
    db.session.refresh(session)
    assert (session.seats, session.place_zh) == (40, "新礼堂")
    wrong = client.post(f"/office/notices/{notice.id}/sessions/{session.id}", data=_form(build.county(), seats="-1"))
    assert wrong.status_code == 422 and 'value="-1"' in wrong.get_data(as_text=True)
    assert client.post(f"/office/notices/{notice.id}/sessions/{session.id}/remove").status_code == 303
    assert db.session.scalar(select(TrainingSession)) is None


def test_seats_left_are_the_coming_sessions_seats_less_those_enrolled(app, db, build):
    notice = build.notice()
    _session(db, notice, build.county(), seats=20)
    _session(db, notice, build.county(), seats=10, starts_in=-3, days=5)  # under way: counts
    _session(db, notice, build.county(), seats=50, starts_in=-30, days=2)  # over: does not
    statuses = [S.interested, S.interested, S.enrolled, S.enrolled, S.enrolled, S.completed, S.dropped]
    for n, status in enumerate(statuses):
        interest, _added = add_interest(build.attendee(name=f"学员{n}"), notice)
        interest.status = status
    db.session.commit()
    figures = training.seats(notice)
    assert (figures.seats, figures.enrolled, figures.left, figures.interested) == (30, 3, 27, 5)
    assert figures.by_status == {"interested": 2, "enrolled": 3, "completed": 1, "dropped": 1}


def test_one_open_interest_per_resident_and_course_and_a_new_one_after_dropping(app, db, build):
    notice, person = build.notice(), build.attendee()
    first, added = add_interest(person, notice)
    again, added_again = add_interest(person, notice)
    assert added and not added_again and again.id == first.id
    assert (first.notice_id, first.posting_id) == (notice.id, None)
    first.status = S.dropped
    db.session.commit()
    later, added_later = add_interest(person, notice)
    assert added_later and later.id != first.id


def test_the_course_page_shows_coming_sessions_seats_left_and_interest(client, db, build):
    notice = build.notice(title="电工培训")
    _session(db, notice, build.county(), seats=20, place_zh="县技工学校", language=InstructionLanguage.ug)
    _session(db, notice, build.county(), seats=50, starts_in=-30, days=2, place_zh="旧礼堂")  # over
    for n, status in enumerate([S.enrolled, S.enrolled, S.interested, S.dropped]):
        interest, _added = add_interest(build.attendee(name=f"学员{n}"), notice)
        interest.status = status
    db.session.commit()
    client.get("/lang/en")
    page = client.get(f"/n/{notice.code}").get_data(as_text=True)
    assert "县技工学校" in page and "旧礼堂" not in page and "Uyghur" in page
    assert "18 seats left" in page and "3 people interested" in page
    assert f'action="/n/{notice.code}/interest"' in page
    policy = build.notice(kind=NoticeKind.policy)
    assert "interest" not in client.get(f"/n/{policy.code}").get_data(as_text=True).split("<main", 1)[-1].lower() \
        .replace("interested", "")


def test_interested_in_a_course_goes_to_the_pass_or_through_registration(client, db, build, app):
    notice = build.notice(title="电工培训")
    response = client.post(f"/n/{notice.code}/interest")
    assert response.status_code == 302 and response.headers["Location"] == f"/register?n={notice.code}"
    village = build.area("village", parent=build.area("township"))
    form = client.get(f"/register?n={notice.code}").get_data(as_text=True)
    assert "电工培训" in form and f"n={notice.code}" in form
    # Named a training course, not a job.
    assert "您有意向的培训课程：电工培训" in form and "您有意向的岗位：" not in form
    response = client.post(f"/register?n={notice.code}", data={
        "name": "买买提", "phone": "13912345678", "village": village.id, "group": "rural_worker", "consent": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    interest = db.session.scalar(select(Interest))
    assert (interest.notice_id, interest.posting_id, interest.status) == (notice.id, None, S.interested)
    pass_page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "电工培训" in pass_page and "有意向" in pass_page
    # Again from the same phone: the pass is found, and the one open interest stays one.
    again = client.post(f"/n/{notice.code}/interest")
    assert again.status_code == 302 and "/p/" in again.headers["Location"]
    assert db.session.scalar(select(func.count()).select_from(Interest)) == 1
    # The register page reached from a course with a pass on the phone: press "I'm interested" on the course.
    form = client.get(f"/register?n={notice.code}").get_data(as_text=True)
    assert "在培训课程页面点击“我有意向”" in form and "在岗位页面" not in form
    posting_form = client.get(f"/register?j={build.posting(title='缝纫工').code}").get_data(as_text=True)
    assert "您有意向的岗位：缝纫工" in posting_form


def test_no_interest_in_a_policy_notice_a_draft_or_a_closed_course(client, db, build):
    assert client.post(f"/n/{build.notice(kind=NoticeKind.policy).code}/interest").status_code == 404
    assert client.post(f"/n/{build.notice(status='draft').code}/interest").status_code == 404
    assert client.post(f"/n/{build.notice(status='closed').code}/interest").status_code == 410
    assert client.post("/register?n=NOPE", data={}).status_code == 422  # the form, without a course


def test_course_interests_join_the_referral_queue_with_their_own_steps(client, login_as, db, build):
    township = build.area("township")
    village = build.area("village", parent=township)
    login_as("office", area=township)
    course, other_course = build.notice(title="电工培训"), build.notice(title="厨师培训")
    posting = build.posting(title="缝纫工", area=township)
    learner, cook, worker = (build.attendee(name=n, village=village) for n in ("学员甲", "学员乙", "工人丙"))
    learning, _a = add_interest(learner, course)
    add_interest(cook, other_course)
    job, _b = add_interest(worker, posting)
    session = _session(db, course, township)  # its only session: the one an enrolment takes
    page = client.get("/office/referrals/").get_data(as_text=True)
    assert all(name in page for name in ("学员甲", "学员乙", "工人丙"))
    assert course.code in page and 'value="enrolled"' in page
    only = client.get(f"/office/referrals/?course={course.id}").get_data(as_text=True)
    assert "学员甲" in only and "学员乙" not in only and "工人丙" not in only
    jobs = client.get("/office/referrals/?kind=posting").get_data(as_text=True)
    assert "工人丙" in jobs and "学员甲" not in jobs
    # A course interest does not take a posting's step, nor a posting interest a course's.
    refused = client.post(f"/office/referrals/{learning.id}/step", data={"status": "referred"})
    assert refused.status_code == 422
    assert client.post(f"/office/referrals/{job.id}/step", data={"status": "enrolled"}).status_code == 422
    for status in ("enrolled", "completed"):
        assert client.post(f"/office/referrals/{learning.id}/step", data={"status": status}).status_code == 303
    db.session.refresh(learning)
    assert learning.status == S.completed and [s.status for s in learning.steps] == [S.interested, S.enrolled,
                                                                                   S.completed]
    assert learning.session_id == session.id
    # Completed is final; the resident's pass says where it stands, in their language.
    assert client.post(f"/office/referrals/{learning.id}/step", data={"status": "dropped"}).status_code == 422
    client.post("/signout")
    client.get("/lang/ug")
    pass_page = client.get(f"/p/{learner.pass_token}").get_data(as_text=True)
    assert "تەربىيەلەشنى تاماملىدى" in pass_page  # "Completed the course"


def test_enrolled_residents_are_open_but_never_overdue(client, login_as, db, build, app):
    township = build.area("township")
    login_as("office", area=township)
    course = build.notice()
    interest, _added = add_interest(build.attendee(name="学员丁", village=build.area("village", parent=township)),
                                    course)
    long_ago = interest.device_at - timedelta(days=90)
    interest.status, interest.status_at = S.enrolled, long_ago
    db.session.commit()
    page = client.get("/office/referrals/").get_data(as_text=True)
    assert "学员丁" in page and "flag-overdue" not in page
    assert "学员丁" not in client.get("/office/referrals/?overdue=1").get_data(as_text=True)


def test_the_queue_export_names_the_course(client, login_as, db, build):
    login_as("office")
    course = build.notice(title="电工培训")
    add_interest(build.attendee(name="学员戊"), course)
    db.session.commit()
    text = client.get("/office/referrals/export.csv").get_data(as_text=True)
    assert "学员戊" in text and course.code in text and "电工培训" in text


def test_a_merge_keeps_one_open_course_interest_and_its_undo_restores_both(client, login_as, db, build):
    from caravan.services import merges, referrals
    user = login_as("office")
    course, posting = build.notice(title="电工培训"), build.posting(title="缝纫工")
    kept = build.attendee(name="阿依古丽", consent_at=utcnow() - timedelta(days=30))
    gone = build.attendee(name="阿依古丽 ", consent_at=utcnow())
    kept_course, _a = add_interest(kept, course)
    gone_course, _b = add_interest(gone, course)
    gone_job, _c = add_interest(gone, posting)  # a posting interest beside it: not the course's business
    _session(db, course, build.county())
    referrals.take_step(build.county(), [gone_course.id], {"status": "enrolled"}, by=user)
    db.session.commit()
    page = client.get(f"/office/residents/{gone.id}").get_data(as_text=True)
    assert "电工培训" in page and "缝纫工" in page
    # The course under its own heading, not among the job interests.
    jobs = page.split('id="job-interests"', 1)[1].split("</section>", 1)[0]
    courses = page.split('id="course-interests"', 1)[1].split("</section>", 1)[0]
    assert "求职意向" in jobs and "缝纫工" in jobs and "电工培训" not in jobs
    assert "培训课程意向" in courses and "电工培训" in courses and "缝纫工" not in courses
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    statuses = {i.id: i.status for i in db.session.scalars(select(Interest))}
    # The further step stays open, the other is dropped (a course's closing step), the job is untouched.
    assert statuses == {gone_course.id: S.enrolled, kept_course.id: S.dropped, gone_job.id: S.interested}
    assert "电工培训" in client.get(f"/office/residents/{kept.id}").get_data(as_text=True)
    merges.undo(row, by=user)
    db.session.commit()
    db.session.expire_all()
    assert {i.id: i.status for i in db.session.scalars(select(Interest))} == {
        gone_course.id: S.enrolled, kept_course.id: S.interested, gone_job.id: S.interested}


def test_an_enrolment_or_a_dropped_step_shows_at_once_on_the_kept_course_page(app, client, login_as, db, build):
    """The course's public page is kept (PUBLIC_PAGE_CACHE_SECONDS); its seats left change with a referral step,
    which therefore reaches the change feed as a change of the course."""
    assert app.config["PUBLIC_PAGE_CACHE_SECONDS"] > 0
    course = build.notice(title="电工培训")
    _session(db, course, build.county(), seats=20)
    interest, _added = add_interest(build.attendee(name="学员庚"), course)
    db.session.commit()
    phone = app.test_client()
    seats = lambda: re.search(r"(\d+) seats? left", phone.get(  # noqa: E731
        f"/n/{course.code}", headers={"Accept-Language": "en"}).get_data(as_text=True)).group(1)
    assert seats() == "20"
    login_as("office")
    for status, left in (("enrolled", "19"), ("dropped", "20")):
        response = client.post(f"/office/referrals/{interest.id}/step", data={"status": status})
        assert response.status_code in (200, 303), response.status_code
        assert seats() == left, status


def test_the_course_page_shows_where_the_residents_own_interest_stands_instead_of_the_button(
        app, client, login_as, db, build):
    """Once this phone's pass said "interested", the course's page shows what the pass shows for it (its step,
    and what comes next), never to another phone; the posting's page does the same for a job."""
    course, other = build.notice(title="电工培训"), build.notice(title="厨师培训")
    posting = build.posting(title="缝纫工")
    _session(db, course, build.county(), seats=20)
    anyone = app.test_client()
    assert f'action="/n/{course.code}/interest"' in anyone.get(f"/n/{course.code}").get_data(as_text=True)  # kept
    phone = app.test_client()
    village = build.area("village", parent=build.area("township"))
    response = phone.post(f"/register?n={course.code}", data={
        "name": "买买提", "phone": "10012345678", "village": village.id, "group": "rural_worker", "consent": "y"})
    assert response.status_code == 302
    phone.post(f"/j/{posting.code}/interest")

    def page(who, path):
        response = who.get(path, headers={"Accept-Language": "en"})
        return response, response.get_data(as_text=True)
    for path, next_words in ((f"/n/{course.code}", "calls you to enrol you"), (f"/j/{posting.code}", "passes your details")):
        response, html = page(phone, path)
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
        assert "You said you are interested" in html and "Interested" in html and next_words in html
        assert 'href="/p/"' in html and "/interest\"" not in html
        # Another phone, with no pass or with its own, still gets the button (from the kept page).
        assert "/interest\"" in page(anyone, path)[1] and "You said you are interested" not in page(anyone, path)[1]
    # A course this pass is not interested in keeps its button; the course's step shows once taken.
    assert f'action="/n/{other.code}/interest"' in page(phone, f"/n/{other.code}")[1]
    interest = db.session.scalar(select(Interest).where(Interest.notice_id == course.id))
    login_as("office")
    client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled"})
    html = page(phone, f"/n/{course.code}")[1]
    assert "Enrolled" in html and "Go to your session on its first day" in html
    # In Uyghur, right to left, the same.
    html = phone.get(f"/n/{course.code}", headers={"Accept-Language": "ug"}).get_data(as_text=True)
    assert 'dir="rtl"' in html and 'id="my-interest"' in html
