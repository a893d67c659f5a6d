"""An interest in a training course through sync: the same ``interest`` record with ``notice_id`` instead of
``posting_id``, checked by the same rules (exactly one of the two, a published training course, one open
interest per resident and course), in one batch or several, and when its resident arrives later."""
import pytest
from sqlalchemy import func, select

from caravan.models import Interest, NoticeKind, ReferralStatus, ReferralStep
from caravan.services import residents

pytestmark = pytest.mark.usefixtures("app")


def course_interest(tablet, attendee_id, notice_id, event_id=None, **extra):
    return tablet.record("interest", {"attendee_id": attendee_id, "notice_id": notice_id, "event_id": event_id,
                                      **extra})


def results(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [(r["status"], r.get("reason")) for r in response.json["results"]]


def test_a_course_interest_is_stored_once_with_its_first_step(tablet, build, db):
    event, course = build.event(), build.notice()
    person = tablet.attendee()
    first = course_interest(tablet, person["id"], course.id, event.id)
    second = course_interest(tablet, person["id"], course.id)
    response = tablet.push([person, first, second])
    assert results(response) == [("accepted", None), ("accepted", None), ("duplicate", "same_interest:notice_id")]
    stored = db.session.scalar(select(Interest))
    assert (stored.id, stored.notice_id, stored.posting_id, stored.event_id, stored.status) == (
        first["id"], course.id, None, event.id, ReferralStatus.interested)
    assert [s.status for s in db.session.scalars(select(ReferralStep))] == [ReferralStatus.interested]
    # Resent as it was: a harmless duplicate; the same id with a posting instead: a conflict.
    assert results(tablet.push([first]))[0][0] == "duplicate"
    changed = dict(first, data={**first["data"], "notice_id": None, "posting_id": build.posting().id})
    assert results(tablet.push([changed]))[0][0] == "conflict"


def test_a_course_interest_said_on_the_phone_is_not_stored_again(tablet, build, db):
    course, person = build.notice(), build.attendee()
    residents.add_interest(person, course)
    db.session.commit()
    response = tablet.push([course_interest(tablet, person.id, course.id)])
    assert results(response) == [("duplicate", "same_interest:notice_id")]
    assert db.session.scalar(select(func.count()).select_from(Interest)) == 1


def test_wrong_course_interests_are_rejected_with_a_reason(tablet, build, db):
    person = build.attendee()
    policy, draft = build.notice(kind=NoticeKind.policy), build.notice(status="draft")
    records = [course_interest(tablet, person.id, policy.id),
               course_interest(tablet, person.id, draft.id),
               course_interest(tablet, person.id, build.notice().id, posting_id=build.posting().id),
               tablet.record("interest", {"attendee_id": person.id})]
    response = tablet.push(records)
    expected = [("rejected", "not_a_course:notice_id"), ("rejected", "not_published:notice_id"),
                ("rejected", "two_subjects:notice_id"), ("rejected", "missing:posting_id")]
    assert results(response) == expected
    assert db.session.scalar(select(func.count()).select_from(Interest)) == 0


def test_a_course_interest_waits_for_its_course_and_resident(tablet, make_tablet, build, db):
    course = build.notice()
    other = make_tablet("Tablet 2")
    person = other.attendee()
    held = course_interest(tablet, person["id"], course.id)
    assert results(tablet.push([held])) == [("held", "waiting_for:attendee_id")]
    assert results(other.push([person]))[0][0] == "accepted"
    stored = db.session.scalar(select(Interest))
    assert stored is not None and stored.notice_id == course.id
