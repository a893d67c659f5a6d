"""An event's results page: each figure by its definition, the live fragment, the export, the charts."""
from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from caravan.models import (AttendeeGroup, AuditEntry, CheckIn, CheckInMethod, Device, EventKind, Interest,
                            ServiceGiven, ServiceKind, Tally, TallyKind)
from caravan.services.event_results import event_results, hour_boundaries
from tests.builders import counting


def _id() -> str:
    return str(uuid.uuid4())


def _local(event, hour: int, minute: int = 0) -> datetime:
    """A time on the event's local day, in UTC."""
    zone = ZoneInfo("Asia/Urumqi")
    day = event.starts_at.astimezone(zone)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0).astimezone(timezone.utc)


def build_event(build, db, people: int = 3, live: bool = False, area=None):
    """A past event (10:00 to 16:00 local, yesterday) or one going on now, with known records:
    ``people`` residents checked in once (the first twice), the last two registered there (a graduate and
    a rural worker), services, visitor and service tallies, and interests in two postings."""
    zone = ZoneInfo("Asia/Urumqi")
    if live:
        event = build.event(area=area, starts_in_hours=-2, hours=6)
    else:
        start = (datetime.now(zone) - timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
        event = build.event(area=area, place_zh="昨天的集市")
        event.starts_at, event.ends_at = start.astimezone(timezone.utc), (start + timedelta(hours=6)).astimezone(
            timezone.utc)
    staff, other = build.user("field", display_name="Aynur"), build.user("field", display_name="Bilal")
    tablet = Device(name="Tablet A", area=event.area)
    db.session.add(tablet)
    db.session.flush()
    first = event.starts_at + timedelta(minutes=5)
    residents = []
    for i in range(people):
        group = AttendeeGroup.graduate if i == people - 1 else AttendeeGroup.rural_worker
        registered = i >= people - 2
        person = build.attendee(name=f"居民{i}", group=group, staff_id=staff.id if registered else None)
        residents.append(person)
        db.session.add(CheckIn(id=_id(), event_id=event.id, attendee_id=person.id, device_id=tablet.id,
                               staff_id=staff.id, device_at=first + timedelta(minutes=70 * i),
                               method=CheckInMethod.register if registered else CheckInMethod.scan))
    # The first person is scanned again an hour later: a second visit, the same person.
    db.session.add(CheckIn(id=_id(), event_id=event.id, attendee_id=residents[0].id, staff_id=other.id,
                           device_at=first + timedelta(minutes=65), method=CheckInMethod.scan))
    db.session.add_all([
        ServiceGiven(id=_id(), event_id=event.id, attendee_id=residents[0].id, kind=ServiceKind.job_info,
                     staff_id=staff.id, device_id=tablet.id),
        ServiceGiven(id=_id(), event_id=event.id, attendee_id=residents[1].id, kind=ServiceKind.job_info,
                     staff_id=staff.id),
        ServiceGiven(id=_id(), event_id=event.id, kind=ServiceKind.policy_advice, staff_id=other.id),
        Tally(id=_id(), event_id=event.id, kind=TallyKind.visitor, count=7, staff_id=staff.id),
        Tally(id=_id(), event_id=event.id, kind=TallyKind.visitor, count=5),
        Tally(id=_id(), event_id=event.id, kind=TallyKind.training_info, count=4, staff_id=other.id),
    ])
    postings = [build.posting(title="缝纫工"), build.posting(title="司机")]
    for i, person in enumerate(residents):
        db.session.add(Interest(id=_id(), event_id=event.id, attendee_id=person.id,
                                posting_id=postings[0 if i else 1].id, staff_id=staff.id, device_id=tablet.id))
    # Records of another event count nowhere here.
    elsewhere = build.event()
    db.session.add_all([CheckIn(id=_id(), event_id=elsewhere.id, attendee_id=residents[0].id, method="scan"),
                        Tally(id=_id(), event_id=elsewhere.id, kind=TallyKind.visitor, count=100)])
    db.session.commit()
    return event, postings, staff, tablet


def test_each_figure_by_its_definition(app, db, build):
    event, postings, staff, tablet = build_event(build, db, people=4)
    results = event_results(event)
    assert (results.people, results.visits) == (4, 5)
    assert results.visitors == 12  # the visitor tallies only: not the training tally, not the other event's
    assert results.registrations == {"rural_worker": 1, "graduate": 1, "other": 0}
    assert results.services == {"job_info": (2, 0), "training_info": (0, 4), "policy_advice": (1, 0)}
    assert [(p.id, n) for p, n in results.interests] == [(postings[0].id, 3), (postings[1].id, 1)]
    by_staff = {s.name: s.counts for s in results.staff}
    assert by_staff["Aynur"] == {"checkins": 4, "registrations": 2, "services": 2, "interests": 4, "tallied": 7}
    assert by_staff["Bilal"] == {"checkins": 1, "services": 1, "tallied": 4}
    by_tablet = {t.name: t.counts for t in results.tablets}
    assert by_tablet["Tablet A"] == {"checkins": 4, "services": 1, "interests": 4}
    assert by_tablet[""] == {"checkins": 1, "registrations": 2, "services": 2, "tallied": 16}
    # Arrivals at 10:05, 11:10 (twice: a new person and a second visit), 12:15 and 13:35 local.
    assert [(h.strftime("%H:%M"), n) for h, n in results.hours] == [
        ("10:00", 1), ("11:00", 2), ("12:00", 1), ("13:00", 1), ("14:00", 0), ("15:00", 0)]
    assert (results.earlier, results.later) == (0, 0)


def test_interests_in_training_courses_are_shown_so_the_tables_add_up(app, db, build, client, login_as):
    event, postings, staff, tablet = build_event(build, db, people=4)
    event.kind = EventKind.job_fair
    course = build.notice("电商直播培训")
    for person in build.attendee(name="甲"), build.attendee(name="乙"):
        db.session.add(Interest(id=_id(), event_id=event.id, attendee_id=person.id, notice_id=course.id,
                                staff_id=staff.id, device_id=tablet.id))
    db.session.commit()
    results = event_results(event)
    by_posting = sum(n for _p, n in results.interests)
    assert (by_posting, results.course_interests) == (4, 2)
    assert results.courses == [(course, 2)]
    # Staff and tablets count job interests as the table by posting (and the quarterly table) do, and the
    # interests in training courses beside them.
    for who in results.staff[0], next(t for t in results.tablets if t.name == "Tablet A"):
        assert (who.counts["interests"], who.counts["course_interests"]) == (by_posting, results.course_interests)
    login_as("office")
    for lang, words in (("zh", "培训课程"), ("ug", "كۇرس"), ("en", "training course")):
        client.get(f"/lang/{lang}")
        page = client.get(f"/office/events/{event.id}").get_data(as_text=True)
        # Not a row of the table by posting: a table of its own, the course by its title.
        by_posting_table = page.split('id="interests"', 1)[1].split("</table>", 1)[0]
        assert "电商直播培训" not in by_posting_table and words not in by_posting_table, lang
        head, table = page.split('id="course-interests"', 1)
        assert words in head.rsplit("<h2>", 1)[1], lang
        row = table.split("</table>", 1)[0].split("<tbody>", 1)[1]
        assert course.code in row and "电商直播培训" in row and "<td>2</td>" in row, lang
        hint = page.split('id="fair-course-interests">', 1)[1].split("</p>", 1)[0]
        assert words in hint and "2" in hint, lang
    text = client.get(f"/office/events/{event.id}/results.csv").data.decode("utf-8-sig")
    assert f"Interests by training course,{course.code} 电商直播培训,2," in text
    assert "Interests by posting,Interests in training courses" not in text


def test_arrivals_outside_the_events_hours_are_counted_apart(app, db, build):
    event, *_ = build_event(build, db, people=2)
    person = build.attendee()
    db.session.add_all([CheckIn(id=_id(), event_id=event.id, attendee_id=person.id, method="scan",
                                device_at=_local(event, 9, 59)),
                        CheckIn(id=_id(), event_id=event.id, attendee_id=person.id, method="scan",
                                device_at=_local(event, 16, 0))])
    db.session.commit()
    results = event_results(event)
    assert (results.earlier, results.later, sum(n for _h, n in results.hours)) == (1, 1, 3)


def test_hours_are_local_and_start_at_the_hour_the_event_starts_in(app, build):
    event = build.event()
    event.starts_at = datetime(2026, 5, 1, 4, 30, tzinfo=timezone.utc)  # 10:30 in Urumqi (UTC+6)
    event.ends_at = datetime(2026, 5, 1, 6, 0, tzinfo=timezone.utc)
    edges = hour_boundaries(event)
    assert [e.astimezone(ZoneInfo("Asia/Urumqi")).strftime("%H:%M") for e in edges] == ["10:00", "11:00", "12:00"]


def test_the_page_shows_the_figures_and_charts_in_uyghur(app, db, build, client, login_as):
    event, postings, *_ = build_event(build, db)
    login_as("office")
    client.get("/lang/ug")
    page = client.get(f"/office/events/{event.id}").get_data(as_text=True)
    assert 'data-figure="visitors">12<' in page and 'data-figure="visits">4<' in page
    assert postings[0].code in page and "Aynur" in page and "Tablet A" in page
    assert page.count('<svg') == 2 and 'lang="ug"' in page
    assert "سائەت بويىچە كەلگەنلەر" in page  # the arrivals chart's title, in Uyghur
    assert 'direction="rtl"' in page  # the Uyghur service kinds in the chart run right to left
    assert "<style" not in page.split("<svg", 1)[1]  # the page's CSP allows no inline style
    assert "hx-trigger" not in page  # a past event does not poll


def test_a_live_event_polls_for_its_figures_fragment(app, db, build, client, login_as):
    event, *_ = build_event(build, db, live=True)
    login_as("office")
    page = client.get(f"/office/events/{event.id}")
    assert 'hx-trigger="every 30s"' in page.get_data(as_text=True)
    fragment = client.get(f"/office/events/{event.id}", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="event-figures"') and "<html" not in body
    assert 'hx-trigger="every 30s"' in body and "HX-Request" in fragment.headers["Vary"]
    # A record synced meanwhile shows on the next poll.
    db.session.add(Tally(id=_id(), event_id=event.id, kind=TallyKind.visitor, count=3))
    db.session.commit()
    body = client.get(f"/office/events/{event.id}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'data-figure="visitors">15<' in body


def test_the_events_list_links_started_events_to_their_results(app, db, build, client, login_as):
    event, *_ = build_event(build, db)
    coming = build.event(starts_in_hours=48)
    login_as("office")
    past = client.get("/office/events/?when=past").get_data(as_text=True)
    assert f"/office/events/{event.id}\"" in past
    upcoming = client.get("/office/events/").get_data(as_text=True)
    assert f"/office/events/{coming.id}/edit" in upcoming and f"/office/events/{coming.id}\"" not in upcoming


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_holds_the_figures_and_is_audited(app, db, build, client, login_as, fmt):
    event, *_ = build_event(build, db)
    user = login_as("office")
    client.get("/lang/en")
    response = client.get(f"/office/events/{event.id}/results.{fmt}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    if fmt == "csv":
        text = response.data.decode("utf-8-sig")
        assert "Visitors without registration,12," in text and "By staff member,Aynur · Check-ins,3," in text
        assert "By tablet,made online (no tablet) · Check-ins,1," in text
        rows = text.splitlines()
    else:
        sheet = load_workbook(io.BytesIO(response.data)).active
        rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        assert ["Attendance", "Visits (check-ins)", 4, None] in [list(r) for r in rows]
    entry = db.session.query(AuditEntry).filter_by(action="event.export").one()
    assert entry.user_id == user.id and entry.entity_id == event.id
    assert entry.detail == {"format": fmt, "rows": len(rows) - 1}
    assert client.get(f"/office/events/{event.id}/results.pdf").status_code == 404


def test_results_take_a_fixed_number_of_statements(app, db, build, client, login_as):
    login_as("office")
    small, *_ = build_event(build, db, people=2)
    large, *_ = build_event(build, db, people=30)
    counts = []
    for event in (small, large):
        client.get(f"/office/events/{event.id}").close()
        with counting(db.engine) as statements:
            assert client.get(f"/office/events/{event.id}").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


def test_a_polling_page_whose_session_ended_goes_to_sign_in_as_a_whole(app, db, build, client):
    event, *_ = build_event(build, db, live=True)
    response = client.get(f"/office/events/{event.id}", headers={"HX-Request": "true"})
    assert response.status_code == 401 and response.data == b""
    assert response.headers["HX-Redirect"] == f"/signin?next=/office/events/{event.id}"
    assert client.get(f"/office/events/{event.id}").status_code == 302  # a page load still redirects
