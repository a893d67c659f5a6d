"""Figures for the office dashboard: counts only, never people."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from caravan.extensions import db
from caravan.models import Area, Attendee, CheckIn, Event, EventStatus, Posting, PublishStatus, Tally, TallyKind
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
