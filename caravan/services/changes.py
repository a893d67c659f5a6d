"""The change feed behind ``GET /api/sync/v1/pull``.

Every insert, update or delete of a pullable entity adds a row to ``changes`` in the same flush, so no
code path (office forms, CSV import, sync, CLI) can forget to tell the tablets. A change of a translation
counts as a change of its posting or notice.

Numbers in commit order. A tablet pulls with a cursor, the highest ``seq`` it has seen, so the feed must
never let a change become visible after a higher-numbered one: had change 10 committed after change 11
was pulled, no cursor would ever bring it. The sequence hands out numbers when rows are inserted, not when
they commit, and PostgreSQL runs writers concurrently, so on PostgreSQL a flush that writes changes first
takes a transaction-level advisory lock (:data:`FEED_LOCK`). From there to its commit no other transaction
can number a change: a transaction that holds numbers holds the highest ones, and they become visible
before the next writer gets its first. Readers never take the lock, and writers of other rows (check-ins,
services, tallies, interests, staff, tablets) do not either. The lock comes before the flush's own writes,
so a waiting writer holds no row locks of that flush; a savepoint rolled back releases it together with
the rows it numbered. SQLite admits one writing transaction at a time, which gives the same order by
itself. The costs: writers of pullable entities queue from their first such flush to their commit, e.g.
two pushes that register residents; tests/sync/test_pull_concurrency.py shows the race and its end.

The rows are collected before the flush (what changed, and whether it was deleted) and inserted after it
with one multi-row statement, since the entities' ids and areas are only final then, and since a row per
statement would cost a push of 300 registrations 300 round trips.
"""
from __future__ import annotations

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session

from caravan.models import (Area, Attendee, Change, Employer, Event, Notice, NoticeTranslation, Posting,
                            PostingTranslation)
from caravan.models.base import new_uuid

#: Entity classes whose changes tablets pull, with the name used in the feed.
PULLABLE = {Area: "area", Employer: "employer", Event: "event", Posting: "posting", Notice: "notice",
            Attendee: "attendee"}

#: The key of the PostgreSQL advisory lock that keeps change numbers in commit order (ASCII "caravanf").
FEED_LOCK = 0x6361726176616E66

#: Where a flush keeps the changes it found until they are written after it.
_PENDING = "caravan.changes"


def _area_of(obj) -> str | None:
    """The area whose tablets need ``obj``; None means every tablet of the county."""
    if isinstance(obj, Event):
        return obj.area_id or (obj.area.id if obj.area else None)
    return None


def _subject(obj):
    """The pullable entity that ``obj`` changes, or None."""
    if isinstance(obj, PostingTranslation):
        return obj.posting
    if isinstance(obj, NoticeTranslation):
        return obj.notice
    return obj if type(obj) in PULLABLE else None


def _changed(session: Session) -> list[tuple[str, object, bool]]:
    """``(feed name, entity, deleted)`` for each pullable entity this flush changes, once each."""
    seen: set[tuple[str, str]] = set()
    found = []
    for state, objects in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted)):
        for obj in list(objects):
            # An event's postings and notices are part of it; other collections (an area's children,
            # an employer's postings) belong to the other side.
            if state == "dirty" and not session.is_modified(obj, include_collections=isinstance(obj, Event)):
                continue
            subject = _subject(obj)
            if subject is None:
                continue
            if subject.id is None:  # ids are made in Python, but a caller may not have set one yet
                subject.id = new_uuid()
            kind = PULLABLE[type(subject)]
            if (kind, subject.id) in seen:
                continue
            seen.add((kind, subject.id))
            found.append((kind, subject, state == "deleted" and subject is obj))
    return found


def _before_flush(session: Session, _context, _instances) -> None:
    found = _changed(session)
    session.info[_PENDING] = found  # replaces what a failed earlier flush may have left
    if found:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(FEED_LOCK)))


def _after_flush(session: Session, _context) -> None:
    found = session.info.pop(_PENDING, None)
    if found:
        session.connection().execute(insert(Change.__table__), [
            {"entity_type": kind, "entity_id": subject.id, "area_id": _area_of(subject), "deleted": deleted}
            for kind, subject, deleted in found])


def install() -> None:
    """Listen on every session (idempotent)."""
    for name, listener in (("before_flush", _before_flush), ("after_flush", _after_flush)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)
