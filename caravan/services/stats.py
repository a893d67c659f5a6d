"""Figures for the office: the dashboard's, and who recorded what at an event. Counts only, never residents."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import String, func, literal, select, union_all

from caravan.extensions import db
from caravan.models import (Area, Attendee, CheckIn, CheckInMethod, Event, EventStatus, Interest, Posting,
                            PublishStatus, ServiceGiven, Tally, TallyKind, User)
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
STAFF_KINDS = ("checkins", "registrations", "services", "interests", "tallied")


@dataclass
class StaffCounts:
    """What one staff member recorded at an event; ``user_id`` None for records from tablet apps that did
    not name one (shown as "not named")."""

    user_id: int | None
    name: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def staff_at_event(event: Event) -> list[StaffCounts]:
    """Who recorded what at ``event`` (the caller found it within the user's area): check-ins, registrations
    (residents registered with a check-in here, by the staff member who registered them), services,
    interests, and the people tallied without registering. One statement; named staff by name, then the
    records that name no one."""
    def kind(name: str, staff, amount, *where):
        return select(staff.label("staff_id"), literal(name, String).label("kind"), amount.label("n")) \
            .where(*where).group_by(staff)
    parts = union_all(
        kind("checkins", CheckIn.staff_id, func.count(), CheckIn.event_id == event.id),
        kind("registrations", Attendee.staff_id, func.count(func.distinct(Attendee.id)),
             Attendee.id == CheckIn.attendee_id, CheckIn.event_id == event.id,
             CheckIn.method == CheckInMethod.register),
        kind("services", ServiceGiven.staff_id, func.count(), ServiceGiven.event_id == event.id),
        kind("interests", Interest.staff_id, func.count(), Interest.event_id == event.id),
        kind("tallied", Tally.staff_id, func.sum(Tally.count), Tally.event_id == event.id),
    ).subquery()
    # Names of whoever recorded here, also staff of the areas above the user's (a county team at a village
    # stall): the records are within the user's area through the event, and who made them is part of them.
    rows = db.session.execute(select(parts.c.staff_id, parts.c.kind, parts.c.n, User.display_name, User.username)
                              .outerjoin(User, User.id == parts.c.staff_id))
    people: dict[int | None, StaffCounts] = {}
    for staff_id, name, n, display_name, username in rows:
        entry = people.setdefault(staff_id, StaffCounts(staff_id, display_name or username or ""))
        entry.counts[name] = int(n or 0)
    return sorted(people.values(), key=lambda p: (p.user_id is None, p.name.casefold()))
