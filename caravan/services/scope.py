"""Whose data an office user sees and changes: their own area and every area below it.

The one place of this rule: every office view and the services they call limit their queries with
:func:`within` (or fetch single rows with :func:`get_within`), so an object outside the user's area answers
like an unknown id. The area tree (every area's id and parent, a few hundred rows) is read in one
statement and kept for the rest of the transaction (:func:`area_ids_within`): the queries that need an
area's subtree name its areas themselves, and limiting further queries to any area costs no statement of
its own, however deep the tree. (Walking the tree inside each statement, by a recursive query, left
PostgreSQL guessing thousands of areas and planning the big tables' scans on that guess; with the ids in
hand it sees that a township is a tenth of the county.) The tree is read again after a commit, a rollback
or a flush that changed an area.

A county-level user sees the whole county, rows without an area included (postings with no work place,
attendees with no village, log entries of nobody). Rows without an area that are county-wide by nature
(employers of the whole county, notices) are read by everyone; their services say so.
"""
from __future__ import annotations

from sqlalchemy import event, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from caravan.extensions import db
from caravan.models import Area, AreaLevel

#: The key of the kept area tree in a session's ``info``: ({area id: [ids of its children]}, [the areas]).
_KEPT = "caravan.scope.area_tree"


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
    from caravan.database import any_of  # the database module imports the services: not at load time
    condition = any_of(column, area_ids_within(area))
    return or_(condition, column.is_(None)) if is_county_level(area) else condition


def area_ids_within(area: Area) -> list[str]:
    """The ids of ``area`` and every area below it, from the kept area tree (one query the first time in a
    transaction)."""
    children = load_tree()
    ids, todo, seen = [], [area.id], set()
    while todo:
        area_id = todo.pop()
        if area_id not in seen:  # a loop in the tree (never made by caravan) must not hang a page
            seen.add(area_id)
            ids.append(area_id)
            todo.extend(children.get(area_id, ()))
    return ids


def load_tree() -> dict[str | None, list[str]]:
    """The kept area tree, {area id: [ids of its children]}; read first if need be, in one statement that
    loads every area, so that an area the page reads next (the user's own, a resident's village) comes
    from the session without a statement of its own."""
    kept = db.session.info.get(_KEPT)
    if kept is None:
        areas = list(db.session.scalars(select(Area)))
        children = {}
        for area in areas:
            children.setdefault(area.parent_id, []).append(area.id)
        # The areas are kept too: the session holds its rows only as long as something refers to them.
        kept = db.session.info[_KEPT] = (children, areas)
    return kept[0]


@event.listens_for(Session, "after_flush")
def _forget_if_areas_changed(session, _context) -> None:
    if any(isinstance(obj, Area) for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info.pop(_KEPT, None)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")  # a savepoint's too: an area added in it may be gone
def _forget(session) -> None:
    session.info.pop(_KEPT, None)


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
