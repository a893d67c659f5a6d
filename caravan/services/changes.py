"""The change feed behind ``GET /api/sync/v1/pull``.

Every insert, update or delete of a pullable entity adds a :class:`~caravan.models.Change` row in the
same flush, so no code path (office forms, CSV import, sync, CLI) can forget to tell the tablets.
A change of a translation counts as a change of its posting or notice.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from caravan.models import (Area, Attendee, Change, Employer, Event, Notice, NoticeTranslation, Posting,
                            PostingTranslation)
from caravan.models.base import new_uuid

#: Entity classes whose changes tablets pull, with the name used in the feed.
PULLABLE = {Area: "area", Employer: "employer", Event: "event", Posting: "posting", Notice: "notice",
            Attendee: "attendee"}


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


def _before_flush(session: Session, _context, _instances) -> None:
    seen: set[tuple[str, str]] = set()
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
            session.add(Change(entity_type=kind, entity_id=subject.id, area_id=_area_of(subject),
                               deleted=state == "deleted" and subject is obj))


def install() -> None:
    """Listen on every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
