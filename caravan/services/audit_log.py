"""Reading the audit log for the office: filtered by action, user and local date, paged."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, AuditEntry, User
from caravan.services.scope import is_county_level, within
from caravan.services.catalogue.texts import app_zone


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=app_zone()).astimezone(timezone.utc)


def visible(scope: Area):
    """A SQL condition: entries by staff of ``scope`` and below; a county-level reader also sees
    entries made by no signed-in user (failed sign-ins, tablets)."""
    by_staff = AuditEntry.user_id.in_(select(User.id).where(within(User.area_id, scope)))
    return or_(by_staff, AuditEntry.user_id.is_(None)) if is_county_level(scope) else by_staff


def search(scope: Area, action: str = "", user_id: int | None = None, day_from: date | None = None,
           day_to: date | None = None, page: int = 1, per_page: int = 50):
    """Entries visible from ``scope``, newest first. ``action`` matches exactly (``posting.publish``)
    or as a prefix ending in a dot (``posting.``); days are local dates, both ends included."""
    query = select(AuditEntry).where(visible(scope)).options(selectinload(AuditEntry.user))
    action = action.strip()
    if action.endswith("."):
        query = query.where(AuditEntry.action.startswith(action))
    elif action:
        query = query.where(AuditEntry.action == action)
    if user_id is not None:
        query = query.where(AuditEntry.user_id == user_id)
    if day_from is not None:
        query = query.where(AuditEntry.at >= _day_start(day_from))
    if day_to is not None:
        query = query.where(AuditEntry.at < _day_start(day_to + timedelta(days=1)))
    query = query.order_by(AuditEntry.id.desc())
    return db.paginate(query, page=max(page, 1), per_page=per_page, error_out=False, count=True)


def actions(scope: Area) -> list[str]:
    """Every action that occurs in the entries visible from ``scope``, for the filter."""
    return list(db.session.scalars(select(AuditEntry.action).where(visible(scope)).distinct()
                                   .order_by(AuditEntry.action)))


def staff(scope: Area) -> list[User]:
    """Staff of ``scope`` and below, for the filter."""
    return list(db.session.scalars(select(User).where(within(User.area_id, scope)).order_by(User.username)))
