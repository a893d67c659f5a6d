"""What an event achieved, for the office's results page and its export. Counts only, never residents.

Definitions (one place, so the page, the export and the quarterly report agree):
- people: residents checked in at the event, each once however often they were scanned;
- visits: check-in records (a person scanned on arrival and again after lunch is two visits);
- visitors: people counted without registering, the ``visitor`` tallies only (the other tallies count
  services given to unregistered people, not people);
- new registrations: residents whose registration check-in (method ``register``) was at this event;
- services: ServiceGiven records by kind, beside the tallies of the same kind (served without registering);
- interests: Interest records made at the event, by posting, whatever their follow-up status since; those
  in training courses (no posting) as one figure beside them, so that the by-posting and by-employer
  tables plus it add up to the interests counted by staff and tablet;
- arrivals by hour: check-ins by the tablet's clock, in local hours of the county's time zone.

Every figure comes from a fixed number of statements, whatever the size of the event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import String, func, literal, select, union_all
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import (Attendee, AttendeeGroup, CheckIn, CheckInMethod, Event, EventStatus, Interest, Notice,
                            Posting, ServiceGiven, ServiceKind, Tally, TallyKind)
from caravan.models.base import utcnow
from caravan.services import stats
from caravan.services.catalogue.texts import app_zone

#: At most this many hourly bars: a job fair over several days shows its first two days by the hour and
#: counts the later arrivals together as "later".
MAX_HOURS = 48


@dataclass
class Results:
    """An event's figures (see the module's definitions)."""

    people: int = 0
    visits: int = 0
    visitors: int = 0
    #: group -> new registrations, every group present (0 when none).
    registrations: dict[str, int] = field(default_factory=dict)
    #: service kind -> (given to registered residents, tallied without registering).
    services: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (posting, interests), most first; the posting None for one no longer in the database.
    interests: list[tuple[Posting, int]] = field(default_factory=list)
    #: Interests made at the event in training courses (they have no posting, so no row above).
    course_interests: int = 0
    #: (training course, interests), most first; the course None for one no longer in the database.
    courses: list[tuple[Notice, int]] = field(default_factory=list)
    tablets: list[stats.StaffCounts] = field(default_factory=list)
    staff: list[stats.StaffCounts] = field(default_factory=list)
    #: (local start of the hour, arrivals) for each hour of the event.
    hours: list[tuple[datetime, int]] = field(default_factory=list)
    #: Check-ins whose tablet clock is before the event's first hour, or after its last one.
    earlier: int = 0
    later: int = 0

    @property
    def registered_total(self) -> int:
        """All new registrations at the event."""
        return sum(self.registrations.values())


def is_live(event: Event, now: datetime | None = None) -> bool:
    """Whether ``event`` is going on now (planned, started, not ended): its page then refreshes itself."""
    now = now or utcnow()
    return event.status == EventStatus.planned and event.starts_at <= now < event.ends_at


def has_started(event: Event, now: datetime | None = None) -> bool:
    """Whether ``event`` has started (past or going on): the events list then links its results."""
    return event.starts_at <= (now or utcnow())


def event_results(event: Event) -> Results:
    """The figures of ``event`` (the caller found it within the user's area). Six statements."""
    results = Results()
    _counts(event, results)
    results.interests, results.courses = _interests(event)
    results.course_interests = sum(n for _course, n in results.courses)
    results.staff = stats.staff_at_event(event)
    results.tablets = stats.tablets_at_event(event)
    results.hours, results.earlier, results.later = _arrivals(event)
    return results


def _counts(event: Event, results: Results) -> None:
    """Attendance, registrations by group and services by kind: one statement."""
    def part(name: str, key, amount, *where, group=True):
        query = select(literal(name, String).label("part"), key.label("key"), amount.label("n")).where(*where)
        return query.group_by(key) if group else query
    none = literal("", String)
    parts = union_all(
        part("people", none, func.count(func.distinct(CheckIn.attendee_id)), CheckIn.event_id == event.id,
             group=False),
        part("visits", none, func.count(), CheckIn.event_id == event.id, group=False),
        part("registered", Attendee.group, func.count(func.distinct(Attendee.id)), Attendee.id == CheckIn.attendee_id,
             CheckIn.event_id == event.id, CheckIn.method == CheckInMethod.register),
        part("service", ServiceGiven.kind, func.count(), ServiceGiven.event_id == event.id),
        part("tally", Tally.kind, func.sum(Tally.count), Tally.event_id == event.id),
    ).subquery()
    results.registrations = {group.value: 0 for group in AttendeeGroup}
    given: dict[str, int] = {}
    tallied: dict[str, int] = {}
    for name, key, n in db.session.execute(select(parts)):
        n = int(n or 0)
        if name == "people":
            results.people = n
        elif name == "visits":
            results.visits = n
        elif name == "registered":
            results.registrations[str(key)] = n
        elif name == "service":
            given[str(key)] = n
        elif key == TallyKind.visitor:
            results.visitors = n
        else:
            tallied[str(key)] = n
    results.services = {kind.value: (given.get(kind.value, 0), tallied.get(kind.value, 0)) for kind in ServiceKind}


def _interests(event: Event) -> tuple[list[tuple[Posting, int]], list[tuple[Notice, int]]]:
    """Interests made at the event by posting, and those by training course, each most first: one statement,
    and one each for the titles."""
    counts = db.session.execute(select(Interest.posting_id, Interest.notice_id, func.count().label("n"))
                                .where(Interest.event_id == event.id)
                                .group_by(Interest.posting_id, Interest.notice_id)).all()

    def ranked(model, ids_counts):
        if not ids_counts:
            return []
        found = {row.id: row for row in db.session.scalars(
            select(model).where(model.id.in_([key for key, _n in ids_counts]))
            .options(selectinload(model.translations)))}
        rows = [(found.get(key), int(n)) for key, n in ids_counts]
        return sorted(rows, key=lambda row: (-row[1], row[0].code if row[0] else ""))

    return (ranked(Posting, [(posting_id, n) for posting_id, _c, n in counts if posting_id is not None]),
            ranked(Notice, [(notice_id, n) for posting_id, notice_id, n in counts if posting_id is None]))


def hour_boundaries(event: Event) -> list[datetime]:
    """The UTC instants where the local hours of ``event`` begin, from the hour it starts in to the one it
    ends in (at most MAX_HOURS + 1 of them). Stepping in UTC keeps the hours right across a change of
    clocks; the labels come from each instant in local time."""
    zone = app_zone()
    local_start = event.starts_at.astimezone(zone)
    first = local_start - timedelta(minutes=local_start.minute, seconds=local_start.second,
                                    microseconds=local_start.microsecond)
    count = min(MAX_HOURS, max(1, -(-int((event.ends_at - first).total_seconds()) // 3600)))
    return [first + timedelta(hours=i) for i in range(count + 1)]


def _arrivals(event: Event) -> tuple[list[tuple[datetime, int]], int, int]:
    """Check-ins by local hour: one statement."""
    edges = hour_boundaries(event)
    counts = stats.bucket_counts(CheckIn.device_at, edges, CheckIn.event_id == event.id)
    zone = app_zone()
    hours = [(edge.astimezone(zone), counts.get(i, 0)) for i, edge in enumerate(edges[:-1])]
    return hours, counts.get(-1, 0), counts.get(len(edges) - 1, 0)


def export_rows(results: Results, labels: dict) -> tuple[list[str], list[list]]:
    """The figures as one table for CSV and XLSX: section, item, count, and for services the tallied part.
    ``labels`` holds the translated names (sections, groups, kinds, staff kinds)."""
    rows: list[list] = [
        [labels["attendance"], labels["people"], results.people, None],
        [labels["attendance"], labels["visits"], results.visits, None],
        [labels["attendance"], labels["visitors"], results.visitors, None],
    ]
    rows += [[labels["registrations"], labels["groups"][g], n, None] for g, n in results.registrations.items()]
    rows += [[labels["services"], labels["service_kinds"][k], given, tallied]
             for k, (given, tallied) in results.services.items()]
    rows += [[labels["interests"], labels["posting"](posting), n, None] for posting, n in results.interests]
    rows += [[labels["courses"], labels["course"](course), n, None] for course, n in results.courses]
    for section, people, nobody in ((labels["staff"], results.staff, labels["not_named"]),
                                    (labels["tablets"], results.tablets, labels["no_tablet"])):
        for person in people:
            name = person.name if person.user_id is not None else nobody
            for kind in stats.STAFF_KINDS:
                rows.append([section, f"{name} · {labels['staff_kinds'][kind]}", person.counts.get(kind, 0), None])
    rows += [[labels["arrivals"], hour.strftime("%Y-%m-%d %H:00"), n, None] for hour, n in results.hours]
    if results.earlier or results.later:
        rows += [[labels["arrivals"], labels["earlier"], results.earlier, None],
                 [labels["arrivals"], labels["later"], results.later, None]]
    header = [labels["section"], labels["item"], labels["count"], labels["tallied"]]
    return header, rows
