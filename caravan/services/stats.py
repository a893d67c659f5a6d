"""Figures for the office dashboard: counts only, never people."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from caravan.extensions import db
from caravan.models import Attendee, CheckIn, Event, EventStatus, Posting, PublishStatus, Tally
from caravan.models.base import utcnow


def dashboard_counts() -> dict[str, int]:
    """Published postings and their openings, coming events, registered residents, last 30 days' visits."""
    now = utcnow()
    month_ago = now - timedelta(days=30)

    def count(query) -> int:
        return db.session.scalar(query) or 0

    return {
        "postings": count(select(func.count()).select_from(Posting)
                          .where(Posting.status == PublishStatus.published)),
        "openings": count(select(func.sum(Posting.openings)).where(Posting.status == PublishStatus.published)),
        "events": count(select(func.count()).select_from(Event)
                        .where(Event.status == EventStatus.planned, Event.ends_at >= now)),
        "attendees": count(select(func.count()).select_from(Attendee).where(Attendee.erased_at.is_(None),
                                                                           Attendee.merged_into_id.is_(None))),
        # A person scanned twice at one event is one visit: tablets keep every check-in record, reports
        # count people per event.
        "checkins": count(select(func.count()).select_from(
            select(CheckIn.event_id, CheckIn.attendee_id).where(CheckIn.device_at >= month_ago).distinct()
            .subquery())),
        "visitors": count(select(func.sum(Tally.count)).where(Tally.device_at >= month_ago)),
    }
