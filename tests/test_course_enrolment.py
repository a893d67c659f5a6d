"""Enrolling in a training course names one of its sessions: the referral queue's step form offers the
sessions not ended with seats left, seats are counted per session, and the resident's pass and the course's
page show the session's dates and place, in the reader's language (a place per language, Chinese when one is
empty)."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from caravan.models import InstructionLanguage, Interest, ReferralStatus, TrainingSession
from caravan.services import referrals, training
from caravan.services.catalogue.texts import local_today
from caravan.services.residents import add_interest

S = ReferralStatus


def _session(db, notice, area, seats=20, starts_in=10, days=3, **kw):
    start = local_today() + timedelta(days=starts_in)
    session = TrainingSession(notice=notice, area=area, starts_on=start, ends_on=start + timedelta(days=days),
                              place_zh=kw.pop("place_zh", "县技工学校"), seats=seats,
                              language=kw.pop("language", InstructionLanguage.bilingual), **kw)
    db.session.add(session)
    db.session.commit()
    return session


def _queue_setup(client, login_as, db, build, n=1):
    client.get("/lang/en")
    township = build.area("township")
    village = build.area("village", parent=township)
    user = login_as("office", area=township)
    course = build.notice(title="电工培训")
    interests = [add_interest(build.attendee(name=f"学员{i}", village=village), course)[0] for i in range(n)]
    db.session.commit()
    return user, township, course, interests


def _session_options(page: str, interest: Interest) -> list[str]:
    select_html = re.search(rf'<select id="ss-{interest.id}" name="session"[^>]*>(.*?)</select>', page, re.S)
    return re.findall(r'<option value="([^"]*)"', select_html.group(1)) if select_html else []


def test_the_step_form_offers_the_sessions_with_seats_and_enrolling_names_one(client, login_as, db, build):
    _user, township, course, (first, second) = _queue_setup(client, login_as, db, build, n=2)
    small = _session(db, course, township, seats=1, place_zh="小教室")
    big = _session(db, course, township, seats=5, starts_in=20, place_zh="大礼堂")
    _session(db, course, township, seats=30, starts_in=-30, days=2, place_zh="旧礼堂")  # over: not offered
    page = client.get("/office/referrals/").get_data(as_text=True)
    assert _session_options(page, first) == ["", small.id, big.id]  # two to choose from: none preselected
    assert "小教室" in page and "旧礼堂" not in page
    # Two sessions: the clerk must choose; the note typed is kept.
    refused = client.post(f"/office/referrals/{first.id}/step", data={"status": "enrolled", "note": "已电话"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Choose the session to enrol in." in text and "已电话" in text
    assert client.post(f"/office/referrals/{first.id}/step",
                       data={"status": "enrolled", "session": small.id}).status_code == 303
    db.session.refresh(first)
    assert (first.status, first.session_id) == (S.enrolled, small.id)
    row = re.search(rf'<tr id="r-{first.id}".*?</tr>', client.get("/office/referrals/").get_data(as_text=True), re.S)
    assert "小教室" in row.group(0)  # the queue names the session
    figures = training.seats(course)
    assert (figures.left_in, figures.left, figures.enrolled) == ({small.id: 0, big.id: 5}, 5, 1)
    # The small session is full now: not offered, and refused when sent anyway (with the choice kept).
    page = client.get("/office/referrals/").get_data(as_text=True)
    assert _session_options(page, second) == [big.id]
    full = client.post(f"/office/referrals/{second.id}/step", data={"status": "enrolled", "session": small.id})
    assert full.status_code == 422 and "This session is full: choose another." in full.get_data(as_text=True)
    db.session.refresh(second)
    assert (second.status, second.session_id) == (S.interested, None)


def test_an_ended_session_or_another_course_s_is_refused(client, login_as, db, build):
    _user, township, course, (interest,) = _queue_setup(client, login_as, db, build)
    _session(db, course, township)
    ended = _session(db, course, township, starts_in=-10, days=2)
    others = _session(db, build.notice(title="厨师培训"), township)
    response = client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled", "session": ended.id})
    assert response.status_code == 422 and "This session has ended: choose another." in response.get_data(as_text=True)
    response = client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled", "session": others.id})
    assert response.status_code == 422 and "Choose the session to enrol in." in response.get_data(as_text=True)
    db.session.refresh(interest)
    assert (interest.status, interest.session_id) == (S.interested, None)


def test_a_course_s_only_session_is_preselected_and_one_without_sessions_cannot_enrol(client, login_as, db, build):
    _user, township, course, (interest,) = _queue_setup(client, login_as, db, build)
    page = client.get("/office/referrals/").get_data(as_text=True)
    assert "No session of this course has a seat left" in page
    response = client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled"})
    assert response.status_code == 422
    assert "This course has no session to enrol in: add one first." in response.get_data(as_text=True)
    only = _session(db, course, township)
    page = client.get("/office/referrals/").get_data(as_text=True)
    assert _session_options(page, interest) == [only.id] and f'<option value="{only.id}" selected' in page
    # Sent without a session (the form preselects it): the course's only one.
    assert client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled"}).status_code == 303
    db.session.refresh(interest)
    assert interest.session_id == only.id


def test_a_bulk_enrolment_takes_each_course_s_only_session_within_its_seats(client, login_as, db, build):
    _user, township, course, interests = _queue_setup(client, login_as, db, build, n=3)
    only = _session(db, course, township, seats=2)
    ids = [i.id for i in interests]
    response = client.post("/office/referrals/steps", data={"status": "enrolled", "ids": ids})
    assert response.status_code == 422 and "This session is full" in response.get_data(as_text=True)
    assert {i.status for i in db.session.scalars(select(Interest))} == {S.interested}  # all or none
    assert client.post("/office/referrals/steps", data={"status": "enrolled", "ids": ids[:2]}).status_code == 303
    db.session.expire_all()
    assert [db.session.get(Interest, i).session_id for i in ids] == [only.id, only.id, None]


def test_the_course_page_shows_seats_left_per_session_at_once(client, login_as, db, build):
    user, township, course, (interest,) = _queue_setup(client, login_as, db, build)
    session = _session(db, course, township, seats=3)
    client.post("/signout")  # a resident's view: the page is kept
    client.get("/lang/en")
    assert "3 · 3 seats left" in client.get(f"/n/{course.code}").get_data(as_text=True)
    referrals.take_step(township, [interest.id], {"status": "enrolled", "session": session.id}, by=user)
    db.session.commit()
    page = client.get(f"/n/{course.code}").get_data(as_text=True)
    assert "3 · 2 seats left" in page and "2 seats left ·" not in page.replace("3 · 2 seats left", "")


def test_the_pass_shows_the_session_s_dates_and_place_in_the_resident_s_language(client, login_as, db, build):
    user, township, course, (interest,) = _queue_setup(client, login_as, db, build)
    session = _session(db, course, township, place_zh="县技工学校", place_ug="ناھىيەلىك تېخنىكум")
    referrals.take_step(township, [interest.id], {"status": "enrolled", "session": session.id}, by=user)
    db.session.commit()
    office = client.get(f"/office/residents/{interest.attendee_id}").get_data(as_text=True)
    assert "县技工学校" in office and session.starts_on.isoformat()[:4] in office
    client.post("/signout")
    token = interest.attendee.pass_token
    client.get("/lang/ug")
    page = client.get(f"/p/{token}").get_data(as_text=True)
    assert "ناھىيەلىك تېخنىكум" in page and "县技工学校" not in page
    assert str(session.starts_on.day) in page and str(session.ends_on.day) in page
    client.get("/lang/en")  # no English place: the Chinese one
    assert "县技工学校" in client.get(f"/p/{token}").get_data(as_text=True)


def test_a_session_has_a_place_per_language_in_the_form_the_page_and_the_export(client, login_as, db, build):
    client.get("/lang/en")
    township = build.area("township")
    login_as("office", area=township)
    course = build.notice()
    start = local_today() + timedelta(days=5)
    form = {"starts_on": start.isoformat(), "ends_on": (start + timedelta(days=4)).isoformat(),
            "place_zh": "乡文化站", "place_ug": "يېزىلىق مەدەنىيەت پونكىتى", "place_en": "",
            "seats": "25", "language": "ug", "area": township.code}
    # Chinese is required (the fallback); what else was typed stays in the form.
    wrong = client.post(f"/office/notices/{course.id}/sessions", data=form | {"place_zh": ""})
    assert wrong.status_code == 422 and "يېزىلىق مەدەنىيەت پونكىتى" in wrong.get_data(as_text=True)
    assert client.post(f"/office/notices/{course.id}/sessions", data=form).status_code == 303
    session = db.session.scalar(select(TrainingSession))
    assert (session.place_zh, session.place_ug, session.place_en) == ("乡文化站", "يېزىلىق مەدەنىيەت پونكىتى", "")
    edit = client.get(f"/office/notices/{course.id}/sessions/{session.id}").get_data(as_text=True)
    assert 'name="place_ug"' in edit and 'value="يېزىلىق مەدەنىيەت پونكىتى"' in edit
    interest, _added = add_interest(build.attendee(name="学员", village=build.area("village", parent=township)),
                                    course)
    db.session.commit()
    assert client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled"}).status_code == 303
    export = client.get("/office/referrals/export.csv").get_data(as_text=True)
    assert f"{session.starts_on.isoformat()} – {session.ends_on.isoformat()}" in export and "乡文化站" in export
    client.post("/signout")
    client.get("/lang/ug")
    assert "يېزىلىق مەدەنىيەت پونكىتى" in client.get(f"/n/{course.code}").get_data(as_text=True)
    client.get("/lang/en")
    assert "乡文化站" in client.get(f"/n/{course.code}").get_data(as_text=True)


def test_a_session_with_residents_enrolled_is_not_removed(client, login_as, db, build):
    user, township, course, (interest,) = _queue_setup(client, login_as, db, build)
    session = _session(db, course, township)
    referrals.take_step(township, [interest.id], {"status": "enrolled"}, by=user)
    db.session.commit()
    response = client.post(f"/office/notices/{course.id}/sessions/{session.id}/remove", follow_redirects=True)
    assert "Residents are enrolled in this session" in response.get_data(as_text=True)
    assert db.session.get(TrainingSession, session.id) is not None
    # Once through, the session may go; the interest stays in the course.
    referrals.take_step(township, [interest.id], {"status": "completed"}, by=user)
    db.session.commit()
    session_id = session.id
    assert client.post(f"/office/notices/{course.id}/sessions/{session_id}/remove").status_code == 303
    db.session.expire_all()
    assert db.session.get(TrainingSession, session_id) is None
    assert (db.session.get(Interest, interest.id).status, db.session.get(Interest, interest.id).session_id) == (
        S.completed, None)


def test_the_notices_export_lists_a_course_s_coming_sessions_with_their_places(client, login_as, db, build):
    login_as("office")
    course = build.notice(title="电工培训")
    coming = _session(db, course, build.county(), place_zh="县技工学校", place_en="County Technical School")
    _session(db, course, build.county(), starts_in=-30, days=2, place_zh="旧礼堂")  # over: left out
    rows = client.get("/office/notices/export.csv", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Sessions" in rows.splitlines()[0]
    assert f"{coming.starts_on.isoformat()} – {coming.ends_on.isoformat()} County Technical School" in rows
    assert "旧礼堂" not in rows
    client.get("/lang/zh")
    assert "县技工学校" in client.get("/office/notices/export.csv").get_data(as_text=True)


def test_an_enrolment_refused_says_why_in_the_clerk_s_language(client, login_as, db, build):
    _user, township, course, (interest,) = _queue_setup(client, login_as, db, build)
    _session(db, course, township)
    _session(db, course, township, starts_in=20)
    for lang, words in (("ug", "تىزىمغا ئالىدىغان مەزگىلنى تاللاڭ."), ("zh", "请选择报名入班的培训班次。")):
        client.get(f"/lang/{lang}")
        response = client.post(f"/office/referrals/{interest.id}/step", data={"status": "enrolled", "note": "备注"})
        assert response.status_code == 422 and words in response.get_data(as_text=True)


def test_a_step_refused_for_want_of_a_session_is_answered_at_its_row(client, login_as, db, build):
    """The problem stands beside the row's session select, which is marked and focused, in the row's open
    form with the typed values; not in an alert at the top of the page, far from the row."""
    _user, township, course, (first, other) = _queue_setup(client, login_as, db, build, n=2)
    _session(db, course, township)
    _session(db, course, township, starts_in=20)
    refused = client.post(f"/office/referrals/{first.id}/step",
                          data={"status": "enrolled", "note": "已电话", "row": first.id})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    row = re.search(rf'<tr id="r-{first.id}".*?</tr>', page, re.S).group(0)
    assert '<details class="step" open>' in row
    select_tag = re.search(rf'<select id="ss-{first.id}"[^>]*>', row).group(0)
    assert 'aria-invalid="true"' in select_tag and "autofocus" in select_tag
    assert f'aria-describedby="ss-{first.id}-error"' in select_tag
    assert re.search(rf'<p class="error" id="ss-{first.id}-error" role="alert">Choose the session to enrol in.</p>',
                     row)
    assert "已电话" in row and 'value="enrolled" selected' in row
    assert page.count('role="alert"') == 1  # no second copy at the top of the page
    other_row = re.search(rf'<tr id="r-{other.id}".*?</tr>', page, re.S).group(0)
    assert "aria-invalid" not in other_row and "<details class=\"step\" open>" not in other_row
