"""Whose data an office user sees: their own area and every area below it.

A county-level user sees the whole county. Rows without an area (county-wide employers, notices) are
seen by everyone; only county-level users may change a county-wide employer.
"""
from __future__ import annotations

from sqlalchemy import or_, select

from caravan.extensions import db
from caravan.models import Area
from caravan.services.events import area_ids_within


def scope_ids(area: Area) -> list[str]:
    """The ids of ``area`` and every area below it."""
    return area_ids_within(area)


def in_scope(column, area: Area, include_null: bool = False):
    """A SQL condition: ``column`` (an area id) lies within ``area``; rows without one too if asked."""
    condition = column.in_(scope_ids(area))
    return or_(condition, column.is_(None)) if include_null else condition


def areas_for(area: Area) -> list[Area]:
    """``area`` and the areas below it, in code order, for area pickers."""
    return list(db.session.scalars(select(Area).where(Area.id.in_(scope_ids(area))).order_by(Area.code)))


def area_in_scope(code: str, area: Area) -> Area | None:
    """The area with ``code`` if it lies within ``area``, else None."""
    found = db.session.scalar(select(Area).where(Area.code == code))
    return found if found is not None and area.contains(found) else None


def is_county_level(area: Area) -> bool:
    """Whether ``area`` is the top of its tree (a county)."""
    return area.parent_id is None
