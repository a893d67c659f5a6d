"""The office dashboard: this month against last, tablets that have not synced, open interests by age,
each for the user's area only, and its month chart."""
from __future__ import annotations

import re
import uuid
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from caravan.models import CheckIn, Device, Interest, ReferralStatus, ReferralStep, Tally, TallyKind
from caravan.models.base import utcnow
from caravan.services import stats

ZONE = ZoneInfo("Asia/Urumqi")


def _id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def towns(build):
    own = build.area("township")
    return {"own": own, "village": build.area("village", parent=own), "sibling": build.area("township")}


def test_month_starts_are_local_midnights_also_across_the_year():
    last, this, nxt = stats.month_starts(date(2026, 1, 15), ZONE)
    assert [m.astimezone(ZONE).strftime("%Y-%m-%d %H:%M") for m in (last, this, nxt)] == [
        "2025-12-01 00:00", "2026-01-01 00:00", "2026-02-01 00:00"]
    assert this == datetime(2025, 12, 31, 18, tzinfo=timezone.utc)


def test_this_month_against_last_counts_by_the_results_definitions(app, db, build, towns):
    now = datetime(2026, 3, 10, 12, tzinfo=timezone.utc)
    own_event, sibling_event = build.event(area=towns["village"]), build.event(area=towns["sibling"])
    person, other = build.attendee(), build.attendee()
    day = timedelta(days=1)
    for at, who, event, method in [
        (now - day, person, own_event, "register"), (now - 2 * day, person, own_event, "scan"),  # this month
        (now - 30 * day, other, own_event, "scan"),     # 8 February: last month, before the same day
        (now - 25 * day, other, own_event, "scan"),     # 13 February: last month, after the same day
        (now - 40 * day, other, own_event, "scan"),     # January: neither
        (now - day, other, sibling_event, "scan"),      # another township's event
        # 1 March 00:30 local is this month, though it is still February in UTC.
        (datetime(2026, 3, 1, 0, 30, tzinfo=ZONE).astimezone(timezone.utc), other, own_event, "scan"),
    ]:
        db.session.add(CheckIn(id=_id(), event_id=event.id, attendee_id=who.id, method=method, device_at=at))
    db.session.add_all([Tally(id=_id(), event_id=own_event.id, kind=TallyKind.visitor, count=9, device_at=now - day),
                        Tally(id=_id(), event_id=own_event.id, kind=TallyKind.job_info, count=4,
                              device_at=now - day)])
    db.session.commit()
    months = stats.month_comparison(towns["own"], now, ZONE)
    assert months["visits"] == {"this": 3, "same": 1, "last": 2}
    assert months["people"] == {"this": 2, "same": 1, "last": 1}
    assert months["registrations"] == {"this": 1, "same": 0, "last": 0}
    assert months["visitors"] == {"this": 9, "same": 0, "last": 0}
    assert months["interests"] == {"this": 0, "same": 0, "last": 0}
    last_month, this_month = stats.daily_visits(towns["own"], now, ZONE)
    assert len(last_month) == 28 and len(this_month) == 31
    assert last_month[7] == 1 and last_month[12] == 1 and sum(last_month) == 2
    assert this_month[0] == 1 and this_month[7] == 1 and this_month[8] == 1 and this_month[9] == 0
    assert this_month[10:] == [None] * 21  # the days to come have no value yet


def test_this_months_job_interests_are_job_interests_and_course_interests_a_figure_of_their_own(
        app, db, build, towns, client, login_as):
    now = utcnow()
    event = build.event(area=towns["village"])
    posting, course = build.posting(), build.notice()
    for who, subject in ((build.attendee(), {"posting_id": posting.id}), (build.attendee(), {"notice_id": course.id}),
                         (build.attendee(), {"notice_id": course.id})):
        db.session.add(Interest(id=_id(), event_id=event.id, attendee_id=who.id,
                                device_at=now - timedelta(seconds=1), **subject))
    db.session.commit()
    months = stats.month_comparison(towns["own"], now, ZONE)
    assert (months["interests"]["this"], months["course_interests"]["this"]) == (1, 2)
    login_as("office", area=towns["own"])
    client.get("/lang/en")
    page = client.get("/office/").get_data(as_text=True)
    assert re.search(r'Job interests</th><td data-figure="interests-this">1<', page)
    assert re.search(r'Interests in training courses</th><td data-figure="course_interests-this">2<', page)


def test_tablets_not_synced_for_three_days(app, db, build, towns):
    now = utcnow()
    def tablet(name, area, synced_days_ago=None, created_days_ago=10, revoked=False):
        device = Device(name=name, area=area, created_at=now - timedelta(days=created_days_ago),
                        last_sync_at=None if synced_days_ago is None else now - timedelta(days=synced_days_ago),
                        revoked_at=now if revoked else None)
        db.session.add(device)
    tablet("silent", towns["village"], synced_days_ago=4)
    tablet("never", towns["own"])
    tablet("recent", towns["own"], synced_days_ago=1)
    tablet("new", towns["own"], created_days_ago=1)
    tablet("revoked", towns["own"], synced_days_ago=9, revoked=True)
    tablet("sibling", towns["sibling"], synced_days_ago=9)
    db.session.commit()
    devices, total = stats.stale_tablets(towns["own"], now)
    assert [d.name for d in devices] == ["never", "silent"] and total == 2


def test_open_interests_by_age_since_their_latest_step(app, db, build, towns):
    now = utcnow()
    posting = build.posting(area=towns["village"])
    sibling_posting = build.posting(area=towns["sibling"])
    def interest(days_ago, status="interested", step_days_ago=None, on=posting):
        item = Interest(id=_id(), attendee_id=build.attendee().id, posting_id=on.id, status=status,
                        device_at=now - timedelta(days=days_ago))
        if step_days_ago is not None:
            item.steps.append(ReferralStep(status=status, at=now - timedelta(days=step_days_ago)))
        db.session.add(item)
    interest(2)                                   # fresh
    interest(30, "referred", step_days_ago=3)     # fresh again: followed up three days ago
    interest(10)                                  # waiting
    interest(20, "interviewed", step_days_ago=15)  # overdue
    interest(40)                                  # overdue
    interest(40, "hired", step_days_ago=20)       # closed
    interest(40, "withdrawn", step_days_ago=20)   # closed
    interest(40, on=sibling_posting)              # another township's posting
    db.session.commit()
    assert stats.open_interests(towns["own"], now) == {"total": 5, "fresh": 2, "waiting": 1, "overdue": 2}


def test_the_dashboard_page_shows_its_parts_with_a_month_chart(app, db, build, client, login_as, towns):
    db.session.add(Device(name="Silent tablet", area=towns["own"], created_at=utcnow() - timedelta(days=5)))
    db.session.add(Device(name="Sibling tablet", area=towns["sibling"], created_at=utcnow() - timedelta(days=5)))
    db.session.commit()
    login_as("office", area=towns["own"])
    client.get("/lang/ug")
    page = client.get("/office/").get_data(as_text=True)
    assert "Silent tablet" in page and "Sibling tablet" not in page
    assert 'id="month-table"' in page and 'id="open-interests"' in page
    assert page.count("<svg") == 1 and "بۇ ئاي" in page  # the chart's legend, in Uyghur


def test_a_township_clerk_sees_their_own_office_named_not_the_county(client, login_as, towns):
    """The heading is the user's area; "县局" (the county bureau) on a township's page was wrong."""
    towns["own"].name_zh = "阿纳尔巴格乡"
    login_as("office", area=towns["own"])
    client.get("/lang/zh")
    page = client.get("/office/").get_data(as_text=True)
    assert "<h1>阿纳尔巴格乡</h1>" in page and "县局" not in page
