"""Whose data an office user sees and changes: their own area and every area below it.

The one place of this rule: every office view and the services they call limit their queries with
:func:`within` (or fetch single rows with :func:`get_within`), so an object outside the user's area answers
like an unknown id. The area tree is walked in SQL, by a recursive query over ``parent_id``, inside the
statement that needs it: limiting a query to an area costs no statement of its own, however deep the tree.

A county-level user sees the whole county, rows without an area included (postings with no work place,
attendees with no village, log entries of nobody). Rows without an area that are county-wide by nature
(employers of the whole county, notices) are read by everyone; their services say so.
"""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.sql import ColumnElement, Select

from caravan.extensions import db
from caravan.models import Area, AreaLevel


def is_county_level(area: Area) -> bool:
    """Whether ``area`` is the top of its tree (a county)."""
    return area.parent_id is None


def subtree(area: Area) -> Select:
    """A subquery of the ids of ``area`` and every area below it (one recursive query, no round trip)."""
    tree = select(Area.id).where(Area.id == area.id).cte(recursive=True)
    tree = tree.union_all(select(Area.id).where(Area.parent_id == tree.c.id))
    return select(tree.c.id)


def ancestors(area: Area) -> Select:
    """A subquery of the ids of the areas above ``area`` (its township and county), not ``area`` itself."""
    chain = select(Area.id, Area.parent_id).where(Area.id == area.parent_id).cte(recursive=True)
    chain = chain.union_all(select(Area.id, Area.parent_id).where(Area.id == chain.c.parent_id))
    return select(chain.c.id)


def within(column, area: Area) -> ColumnElement[bool]:
    """A SQL condition: ``column`` (an area id) lies within ``area``; rows without an area count as the
    county's, so only a county-level user sees them."""
    condition = column.in_(subtree(area))
    return or_(condition, column.is_(None)) if is_county_level(area) else condition


def area_ids_within(area: Area) -> list[str]:
    """The ids of ``area`` and every area below it, in one query."""
    return list(db.session.scalars(subtree(area)))


def areas_within(area: Area, level: AreaLevel | None = None) -> list[Area]:
    """``area`` and the areas below it (only those of ``level`` if given), in code order, for pickers."""
    query = select(Area).where(Area.id.in_(subtree(area))).order_by(Area.code)
    return list(db.session.scalars(query if level is None else query.where(Area.level == level)))


def area_within(code: str, area: Area) -> Area | None:
    """The area with ``code`` if it lies within ``area``, else None (an unknown code alike)."""
    if not code:
        return None
    return db.session.scalar(select(Area).where(Area.code == code, Area.id.in_(subtree(area))))


def get_within(model, row_id, area: Area, column=None):
    """The ``model`` row with primary key ``row_id`` if its area (``column``, by default the model's
    ``area_id``) lies within ``area``; None otherwise, exactly as for an id that does not exist."""
    column = model.area_id if column is None else column
    return db.session.scalar(select(model).where(model.id == row_id, within(column, area)))
