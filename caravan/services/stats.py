"""Figures for the office: the dashboard's, and who recorded what at an event. Counts only, never residents."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import String, case, func, literal, select, true, union_all
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import (Area, Attendee, CheckIn, CheckInMethod, Device, Event, EventStatus, Interest, Posting,
                            PublishStatus, ReferralStatus, ReferralStep, ServiceGiven, Tally, TallyKind, User)
from caravan.models.base import utcnow
from caravan.services.scope import within


def dashboard_counts(area: Area) -> dict[str, int]:
    """Within ``area``: published postings and their openings, coming events, registered residents (by
    their village), and the last 30 days' visits at the area's events. One statement for all six."""
    now = utcnow()
    month_ago = now - timedelta(days=30)
    events = select(Event.id).where(within(Event.area_id, area))
    published = (Posting.status == PublishStatus.published, within(Posting.area_id, area))
    figures = {
        "postings": select(func.count()).select_from(Posting).where(*published),
        "openings": select(func.sum(Posting.openings)).where(*published),
        "events": select(func.count()).select_from(Event)
        .where(Event.status == EventStatus.planned, Event.ends_at >= now, within(Event.area_id, area)),
        "attendees": select(func.count()).select_from(Attendee).where(
            Attendee.erased_at.is_(None), Attendee.merged_into_id.is_(None), within(Attendee.village_id, area)),
        # A person scanned twice at one event is one visit: tablets keep every check-in record, reports
        # count people per event.
        "checkins": select(func.count()).select_from(
            select(CheckIn.event_id, CheckIn.attendee_id)
            .where(CheckIn.device_at >= month_ago, CheckIn.event_id.in_(events)).distinct().subquery()),
        # Visitors who did not register: the visitor taps only; the other tallies count services given.
        "visitors": select(func.sum(Tally.count)).where(Tally.kind == TallyKind.visitor, Tally.device_at >= month_ago,
                                                        Tally.event_id.in_(events)),
    }
    row = db.session.execute(select(*(query.scalar_subquery().label(name) for name, query in figures.items())))
    return {name: value or 0 for name, value in row.one()._mapping.items()}


#: The kinds of record counted per staff member at an event, in the order the office page shows them.
STAFF_KINDS = ("checkins", "registrations", "services", "interests", "course_interests", "tallied")


@dataclass
class StaffCounts:
    """What one staff member (or one tablet) recorded at an event; ``user_id`` None for records that name
    no one (tablet apps before staff sign-in, or records made online, for tablets)."""

    user_id: int | str | None
    name: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def staff_at_event(event: Event) -> list[StaffCounts]:
    """Who recorded what at ``event`` (the caller found it within the user's area): check-ins, registrations
    (residents registered with a check-in here, by the staff member who registered them), services,
    job interests, interests in training courses, and the people tallied without registering. One
    statement; named staff by name, then the records that name no one."""
    return _records_by(event, "staff_id", User, func.coalesce(func.nullif(User.display_name, ""), User.username))


def tablets_at_event(event: Event) -> list[StaffCounts]:
    """The same counts as :func:`staff_at_event`, by the tablet that made the records (records made online
    have none). One statement."""
    return _records_by(event, "device_id", Device, Device.name)


def _records_by(event: Event, column: str, who, who_name) -> list[StaffCounts]:
    """Counts of each of STAFF_KINDS at ``event`` grouped by the records' ``column`` (``staff_id`` or
    ``device_id``), named from ``who`` (User or Device) by ``who_name``."""
    def kind(name: str, model, amount, *where):
        key = getattr(model, column)
        return select(key.label("who"), literal(name, String).label("kind"), amount.label("n")) \
            .where(*where).group_by(key)
    parts = union_all(
        kind("checkins", CheckIn, func.count(), CheckIn.event_id == event.id),
        kind("registrations", Attendee, func.count(func.distinct(Attendee.id)),
             Attendee.id == CheckIn.attendee_id, CheckIn.event_id == event.id,
             CheckIn.method == CheckInMethod.register),
        kind("services", ServiceGiven, func.count(), ServiceGiven.event_id == event.id),
        kind("interests", Interest, func.count(), Interest.event_id == event.id, Interest.in_job()),
        kind("course_interests", Interest, func.count(), Interest.event_id == event.id, Interest.in_course()),
        kind("tallied", Tally, func.sum(Tally.count), Tally.event_id == event.id),
    ).subquery()
    # Names of whoever recorded here, also staff (and tablets) of the areas above the user's (a county team
    # at a village stall): the records are within the user's area through the event, and who made them is
    # part of them.
    rows = db.session.execute(select(parts.c.who, parts.c.kind, parts.c.n, who_name)
                              .outerjoin(who, who.id == parts.c.who))
    people: dict[int | str | None, StaffCounts] = {}
    for who_id, name, n, who_label in rows:
        entry = people.setdefault(who_id, StaffCounts(who_id, who_label or ""))
        entry.counts[name] = int(n or 0)
    return sorted(people.values(), key=lambda p: (p.user_id is None, p.name.casefold()))


def bucket_counts(column, boundaries: list[datetime], *where, amount=None) -> dict[int, int]:
    """Rows (or ``amount`` summed) by which interval of ``boundaries`` their ``column`` falls in: -1 before
    the first, i for [boundaries[i], boundaries[i+1]), len(boundaries) - 1 from the last on. One statement
    whatever the number of rows; portable, because the local-time arithmetic is done here, not in SQL."""
    bucket = case(*((column < edge, i - 1) for i, edge in enumerate(boundaries)), else_=len(boundaries) - 1)
    query = select(bucket.label("bucket"), func.count() if amount is None else func.sum(amount)) \
        .where(*where).group_by(bucket)
    return {int(b): int(n or 0) for b, n in db.session.execute(query)}


#: The figures compared month by month on the dashboard, in the order shown.
MONTH_FIGURES = ("visits", "people", "registrations", "visitors", "services", "interests", "course_interests")
#: A tablet that has not synced for this long is listed on the dashboard.
STALE_TABLET_DAYS = 3
#: Ages (days since the interest or its latest referral step) by which open interests are counted.
INTEREST_AGES = (7, 14)


def month_starts(today: date, zone) -> tuple[datetime, datetime, datetime]:
    """The UTC instants where last month, this month and next month begin in ``zone``."""
    this = datetime(today.year, today.month, 1, tzinfo=zone)
    last = datetime(today.year - (today.month == 1), 12 if today.month == 1 else today.month - 1, 1, tzinfo=zone)
    nxt = datetime(today.year + (today.month == 12), 1 if today.month == 12 else today.month + 1, 1, tzinfo=zone)
    return tuple(moment.astimezone(timezone.utc) for moment in (last, this, nxt))


def month_comparison(area: Area, now: datetime, zone) -> dict[str, dict[str, int]]:
    """At the events of ``area``: each of MONTH_FIGURES this month so far ("this"), last month up to the same
    day and hour ("same"), and all of last month ("last"). Figures as on an event's results page (visits are
    check-ins, people are counted once per month, visitors are visitor tallies). One statement."""
    last, this, _next = month_starts(now.astimezone(zone).date(), zone)
    same = min(last + (now - this), this)  # the same point of last month (its end, for a longer month)
    periods = {"this": (this, now), "same": (last, same), "last": (last, this)}
    events = select(Event.id).where(within(Event.area_id, area))

    def figures(at, where, *metrics):
        """One scan of a table for several figures: (name, column, amount, condition) each, where amount is
        "count", "distinct" or "sum" and condition further limits the rows counted (or None)."""
        cols = []
        for name, column, amount, condition in metrics:
            for period, (start, end) in periods.items():
                inside = (at >= start) & (at < end)
                if condition is not None:
                    inside = inside & condition
                value = func.count(func.distinct(case((inside, column)))) if amount == "distinct" else \
                    func.sum(case((inside, column if amount == "sum" else 1), else_=0))
                cols.append(value.label(f"{name}_{period}"))
        return select(*cols).where(at >= last, *where)

    parts = [
        # Visits, people and registrations come from the same check-ins: one pass over them.
        figures(CheckIn.device_at, [CheckIn.event_id.in_(events)],
                ("visits", CheckIn.id, "count", None), ("people", CheckIn.attendee_id, "distinct", None),
                ("registrations", CheckIn.id, "count", CheckIn.method == CheckInMethod.register)),
        figures(Tally.device_at, [Tally.kind == TallyKind.visitor, Tally.event_id.in_(events)],
                ("visitors", Tally.count, "sum", None)),
        figures(ServiceGiven.device_at, [ServiceGiven.event_id.in_(events)], ("services", ServiceGiven.id, "count", None)),
        figures(Interest.device_at, [Interest.event_id.in_(events)],
                ("interests", Interest.id, "count", Interest.in_job()),
                ("course_interests", Interest.id, "count", Interest.in_course())),
    ]
    columns = [query.subquery() for query in parts]
    joined = columns[0]
    for part in columns[1:]:
        joined = joined.join(part, true())  # one-row aggregates side by side
    row = db.session.execute(select(*columns).select_from(joined)).one()._mapping
    return {name: {period: int(row[f"{name}_{period}"] or 0) for period in periods} for name in MONTH_FIGURES}


def daily_visits(area: Area, now: datetime, zone) -> tuple[list[int], list[int | None]]:
    """Check-ins at the events of ``area`` per local day: last month's days, then this month's up to today
    (None for the days to come). One statement."""
    last, this, nxt = month_starts(now.astimezone(zone).date(), zone)
    days = []
    day = last.astimezone(zone)
    while day.astimezone(timezone.utc) < nxt:
        days.append(day.astimezone(timezone.utc))
        day = (day + timedelta(days=1)).replace(hour=0)  # local midnights, also across a change of clocks
    counts = bucket_counts(CheckIn.device_at, days + [nxt], CheckIn.device_at >= last, CheckIn.device_at < nxt,
                           CheckIn.event_id.in_(select(Event.id).where(within(Event.area_id, area))))
    split = days.index(this)
    today = (now - this).days
    last_month = [counts.get(i, 0) for i in range(split)]
    this_month = [counts.get(split + i, 0) if i <= today else None for i in range(len(days) - split)]
    return last_month, this_month


def stale_tablets(area: Area, now: datetime, limit: int = 20) -> tuple[list[Device], int]:
    """Tablets of ``area`` (not revoked) with no sync for STALE_TABLET_DAYS (enrolled that long ago and
    never synced, too), longest silent first, and how many there are. Two statements."""
    silent_since = func.coalesce(Device.last_sync_at, Device.created_at)
    where = (Device.revoked_at.is_(None), silent_since < now - timedelta(days=STALE_TABLET_DAYS),
             within(Device.area_id, area))
    total = db.session.scalar(select(func.count()).select_from(Device).where(*where)) or 0
    if not total:
        return [], 0
    rows = db.session.scalars(select(Device).where(*where).options(selectinload(Device.area))
                              .order_by(silent_since, Device.name).limit(limit))
    return list(rows), total


def open_interests(area: Area, now: datetime) -> dict[str, int]:
    """Open interests in the postings of ``area`` (not yet hired, not withdrawn), by how long they have
    waited since they were made or since their latest referral step: ``fresh`` (under 7 days), ``waiting``
    (7 to 14), ``overdue`` (over 14), and ``total``. One statement."""
    # The latest step of each interest from one grouped pass over the steps, joined once: a subquery per
    # interest and per age (four of them) looked the steps up 160,000 times for 40,000 open interests.
    latest = select(ReferralStep.interest_id, func.max(ReferralStep.at).label("at")) \
        .group_by(ReferralStep.interest_id).subquery()
    waits = select(func.coalesce(latest.c.at, Interest.device_at).label("since")) \
        .outerjoin(latest, latest.c.interest_id == Interest.id) \
        .where(Interest.status.in_((ReferralStatus.interested, ReferralStatus.referred, ReferralStatus.interviewed)),
               Interest.posting_id.in_(select(Posting.id).where(within(Posting.area_id, area)))).subquery()
    since = waits.c.since
    week, fortnight = (now - timedelta(days=days) for days in INTEREST_AGES)
    row = db.session.execute(select(
        func.count().label("total"),
        func.sum(case((since >= week, 1), else_=0)).label("fresh"),
        func.sum(case(((since < week) & (since >= fortnight), 1), else_=0)).label("waiting"),
        func.sum(case((since < fortnight, 1), else_=0)).label("overdue"),
    )).one()
    return {key: int(value or 0) for key, value in row._mapping.items()}
