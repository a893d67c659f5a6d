"""The change feed behind ``GET /api/sync/v1/pull``.

Every insert, update or delete of a pullable entity adds a row to ``changes`` in the same transaction, so
no code path (office forms, CSV import, sync, CLI) can forget to tell the tablets. A change of a
translation counts as a change of its posting or notice.

Numbered in commit order. A tablet pulls with a cursor, the highest ``seq`` it has seen, so a change must
never become visible after a higher-numbered one: had change 10 committed after change 11 was pulled, no
cursor would ever bring it. A sequence numbers rows when they are inserted, not when they commit, and
PostgreSQL runs writers concurrently. So each flush notes what it changed (``before_flush`` sees what is
new, dirty or deleted; ``after_flush`` reads the final ids), the transaction gathers the notes, and its
commit writes them: it takes a transaction-level advisory lock (:data:`FEED_LOCK`), inserts the rows with
one multi-row statement, and commits, which releases the lock only once the rows are visible. Numbers are
therefore taken and made visible one transaction at a time, in order. The lock is held for the commit
alone, so writers run concurrently until then, and readers and transactions that change nothing
pullable (check-ins, services, tallies, staff) never take it. Its holder has done its own writes and only
inserts change rows before committing, so the queue stays short and cannot deadlock (short of one writer
deleting an area that another's changes name, which the foreign key refuses anyway). SQLite admits one
writing transaction at a time, which gives the same order without a lock.
tests/sync/test_pull_concurrency.py shows the race with two connections.

A bulk insert with a Core statement bypasses the flush: its caller tells the feed with :func:`announce`.

Residents are announced where they are needed, so that a tablet pulls the people of its area and not the
county: a new registration in its village's area (with no village: county-wide), a check-in in its event's
area, both as a ``checkin`` change and as a change of the resident, so that the event's tablets receive a
resident registered elsewhere, however long ago; an event moved to another area brings its check-ins
there again. A change of a stored resident (an edit, a move, a merge,
an erasure) goes county-wide: the pull sends it to the tablets that need the resident, and an erasure to
every tablet (see :mod:`caravan.services.sync.pull`).

A savepoint rolled back leaves its notes: the tablets are then told of an entity that did not change (or,
if it was never stored, that it is deleted), which costs nothing; a change that went unannounced would.
"""
from __future__ import annotations

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from caravan.models import (Area, Attendee, Change, CheckIn, Employer, Event, FairParticipant, Notice,
                            NoticeTranslation, Posting, PostingTranslation, SurveyRound)
from caravan.models.base import new_uuid

#: Entity classes whose changes tablets pull, with the name used in the feed.
PULLABLE = {Area: "area", Employer: "employer", Event: "event", Posting: "posting", Notice: "notice",
            Attendee: "attendee", CheckIn: "checkin", SurveyRound: "survey_round"}

#: The key of the PostgreSQL advisory lock that keeps change numbers in commit order (ASCII "caravanf").
FEED_LOCK = 0x6361726176616E66

#: In ``session.info``: what the flush in progress changes; the rows the transaction will write at its
#: commit, by entity; and whether the commit has begun (its lock taken), after which a flush writes at once.
_FLUSH, _PENDING, _COMMITTING = "caravan.changes.flush", "caravan.changes.pending", "caravan.changes.committing"


def _area_of(obj, new: bool) -> str | None:
    """The area whose tablets need ``obj``; None means every tablet of the county."""
    if isinstance(obj, Event):
        return obj.area_id or (obj.area.id if obj.area else None)
    if isinstance(obj, SurveyRound):  # its visits are made by the tablets of its area
        return obj.area_id or (obj.area.id if obj.area else None)
    if isinstance(obj, Attendee) and new:
        return obj.village_id or (obj.village.id if obj.village is not None else None)
    return None


def _checkin_area(session: Session, checkin: CheckIn) -> str | None:
    """The area of a check-in's event, read before the flush (a pending row does not load relations)."""
    event_obj = checkin.__dict__.get("event")
    if event_obj is None and checkin.event_id is not None:
        with session.no_autoflush:
            event_obj = session.get(Event, checkin.event_id)
    return event_obj.area_id if event_obj is not None else None


def _subject(obj):
    """The pullable entity that ``obj`` changes, or None."""
    if isinstance(obj, PostingTranslation):
        return obj.posting
    if isinstance(obj, NoticeTranslation):
        return obj.notice
    if isinstance(obj, FairParticipant):  # a job fair's employers travel with the event
        if obj.event is None and obj.event_id is not None:
            with inspect(obj).session.no_autoflush:
                return inspect(obj).session.get(Event, obj.event_id)
        return obj.event
    return obj if type(obj) in PULLABLE else None


def _former_areas(event_obj: Event | SurveyRound) -> set[str]:
    """The areas a changed event was in before this flush. Read before the flush: until then ``area_id``
    still holds the old value when only the ``area`` relationship was set."""
    history = inspect(event_obj).attrs.area_id.history
    return {area_id for area_id in (*history.deleted, *history.unchanged) if area_id is not None}


def _changed(session: Session) -> list[tuple[str, object, bool, set[str], bool, str | None]]:
    """``(feed name, entity, deleted, former areas, new, check-in's area)`` for each pullable entity this
    flush changes, once each. An event moved to another area is also announced in the areas it left, so
    that their tablets learn it is gone (the pull sends it to them as deleted)."""
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
            former = _former_areas(subject) if state == "dirty" and kind in ("event", "survey_round") else set()
            where = _checkin_area(session, subject) if kind == "checkin" else None
            found.append((kind, subject, state == "deleted" and subject is obj, former, state == "new", where))
    return found


def _before_flush(session: Session, _context, _instances) -> None:
    session.info[_FLUSH] = _changed(session)  # replaces what a failed earlier flush may have left


def _after_flush(session: Session, _context) -> None:
    rows = []
    for kind, subject, deleted, former, new, where in session.info.pop(_FLUSH, ()):
        if kind == "checkin":
            rows += _checkin_rows([(subject.id, subject.attendee_id, where)], deleted)
            continue
        area_id = _area_of(subject, new)
        rows += [{"entity_type": kind, "entity_id": subject.id, "area_id": area, "deleted": deleted}
                 for area in [area_id, *sorted(former - {area_id})]]
        if kind == "event" and former - {area_id} and not deleted:
            # Its tablets in the new area must know who is checked in already (and have those residents).
            table = CheckIn.__table__
            rows += _checkin_rows([(checkin_id, attendee_id, area_id) for checkin_id, attendee_id in session.connection()
                                   .execute(select(table.c.id, table.c.attendee_id).where(table.c.event_id == subject.id))])
    _note(session, rows)


def _checkin_rows(checkins, deleted: bool = False) -> list[dict]:
    """Change rows for ``(check-in id, attendee id, event's area)``: the check-in, and its resident, whom
    the event's tablets now need to show a name."""
    rows = []
    for checkin_id, attendee_id, area_id in checkins:
        rows.append({"entity_type": "checkin", "entity_id": checkin_id, "area_id": area_id, "deleted": deleted})
        if attendee_id is not None:
            rows.append({"entity_type": "attendee", "entity_id": attendee_id, "area_id": area_id, "deleted": False})
    return rows


def announce(session: Session, kind: str, entity_ids, area_id: str | None = None) -> None:
    """Note that the entities ``entity_ids`` of feed name ``kind`` (all in ``area_id``) were inserted or
    updated by a Core statement, which the flush hooks do not see; the commit writes the change rows as for
    any flush. A caller that bypasses the ORM for a pullable table must call this in the same transaction."""
    if kind not in PULLABLE.values():
        raise ValueError(f"{kind} is not in the change feed")
    if kind == "checkin":  # a check-in also makes its resident needed where the event is
        raise ValueError("announce check-ins with announce_checkins")
    _note(session, [{"entity_type": kind, "entity_id": entity_id, "area_id": area_id, "deleted": False}
                    for entity_id in entity_ids])


def announce_checkins(session: Session, checkins) -> None:
    """Note check-ins inserted by a Core statement, as ``(check-in id, attendee id, event's area id)``:
    each in its event's area, with its resident (see the module docstring)."""
    _note(session, _checkin_rows(checkins))


def announce_inserted(session: Session, model: type, rows: list[dict], event_area: dict[str, str]) -> None:
    """Note the residents or check-ins of a bulk insert (``rows`` as inserted): residents in their
    village's area, check-ins in their event's (``event_area``: event id -> area id)."""
    if model is CheckIn:
        announce_checkins(session, [(row["id"], row["attendee_id"], event_area.get(row["event_id"]))
                                    for row in rows])
        return
    by_village: dict[str | None, list[str]] = {}
    for row in rows:
        by_village.setdefault(row["village_id"], []).append(row["id"])
    for village_id, ids in by_village.items():
        announce(session, "attendee", ids, village_id)


def _note(session: Session, rows: list[dict]) -> None:
    if not rows:
        return
    if session.info.get(_COMMITTING):  # flushed by the commit itself, after this module's own flush
        _write(session, rows)
        return
    pending = session.info.setdefault(_PENDING, {})
    for row in rows:
        # The last state counts (deleted or not), once per entity and area.
        pending[(row["entity_type"], row["entity_id"], row["area_id"])] = row


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint: only the real commit makes changes visible
        return
    session.flush()
    session.info[_COMMITTING] = True
    pending = session.info.pop(_PENDING, None)
    if pending:
        _write(session, list(pending.values()))


def _write(session: Session, rows: list[dict]) -> None:
    """Insert ``rows`` into ``changes`` under the feed lock, which the commit releases."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(FEED_LOCK)))
    connection.execute(insert(Change.__table__), rows)


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:  # committed (rows written) or rolled back (nothing to announce)
        session.info.pop(_PENDING, None)
        session.info.pop(_COMMITTING, None)


def install() -> None:
    """Listen on every session (idempotent)."""
    for name, listener in (("before_flush", _before_flush), ("after_flush", _after_flush),
                           ("before_commit", _before_commit), ("after_transaction_end", _after_transaction_end)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)
