"""Finding events: upcoming ones for residents, an area's ones for staff."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Event, EventStatus
from caravan.models.base import utcnow
from caravan.services.scope import within


def upcoming_events(area: Area | None = None, days: int = 60, limit: int = 50) -> list[Event]:
    """Planned events that have not ended, within ``days``, soonest first; within ``area`` if given."""
    now = utcnow()
    query = (select(Event).where(Event.status == EventStatus.planned, Event.ends_at >= now,
                                 Event.starts_at <= now + timedelta(days=days))
             .options(selectinload(Event.area), selectinload(Event.postings))
             .order_by(Event.starts_at).limit(limit))
    if area is not None:
        query = query.where(within(Event.area_id, area))
    return list(db.session.scalars(query))
