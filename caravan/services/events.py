"""Finding events: upcoming ones for residents, an area's ones for staff."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Event, EventStatus
from caravan.models.base import utcnow


def area_ids_within(area: Area) -> list[str]:
    """The ids of ``area`` and every area below it."""
    # One recursive query, not a lazy load per area: a pull or an office page would otherwise cost a query
    # for every village of the county.
    tree = select(Area.id).where(Area.id == area.id).cte("tree", recursive=True)
    tree = tree.union_all(select(Area.id).where(Area.parent_id == tree.c.id))
    return list(db.session.scalars(select(tree.c.id)))


def upcoming_events(area: Area | None = None, days: int = 60, limit: int = 50) -> list[Event]:
    """Planned events that have not ended, within ``days``, soonest first; within ``area`` if given."""
    now = utcnow()
    query = (select(Event).where(Event.status == EventStatus.planned, Event.ends_at >= now,
                                 Event.starts_at <= now + timedelta(days=days))
             .options(selectinload(Event.area), selectinload(Event.postings))
             .order_by(Event.starts_at).limit(limit))
    if area is not None:
        query = query.where(Event.area_id.in_(area_ids_within(area)))
    return list(db.session.scalars(query))
