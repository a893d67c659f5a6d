"""Which parent rows a push's records refer to exist, asked of the database once per batch: the parents
themselves, and what the checks against them need (erased and merged registrations, events' areas, postings'
and notices' states, the tallies a cancelling tally names); and the content of the records already stored
under a batch's ids. Used by :mod:`caravan.services.sync.ingest`."""
from __future__ import annotations

from sqlalchemy import String, literal, select, union_all

from caravan.database import any_of
from caravan.extensions import db
from caravan.models import Attendee, Event, Notice, NoticeKind, Posting, Tally
from caravan.services.sync.reach import Reach
from caravan.services.sync.rows import CONTENT_KEYS, TYPE_MODEL, content_of_row
from caravan.services.sync.validate import Reason


class Known:
    """Which parent rows exist, asked of the database once per batch and kept up to date as rows are added."""

    def __init__(self, reach: Reach):
        self.present: dict[type, set[str]] = {}
        self.erased: set[str] = set()
        #: A registration merged into another: its id -> the kept one's (see :meth:`living`).
        self.merged_into: dict[str, str] = {}
        self.reach = reach
        #: A tally a pushed one cancels: its id -> (event_id, kind, count), for :func:`cancel_refusal`;
        #: and the id of the tally that cancels it, if one is stored (or applied in this push).
        self.tallies: dict[str, tuple[str, str, int]] = {}
        self.cancelled_by: dict[str, str] = {}
        #: Notices looked up that are not training courses (policy notices): no interest names them.
        self.not_courses: set[str] = set()

    def load(self, model: type, ids: set[str]) -> None:
        have = self.present.setdefault(model, set())
        wanted = ids - have
        if not wanted:
            return
        table = model.__table__
        if model is Attendee:
            kept: set[str] = set()
            found = select(table.c.id, table.c.erased_at, table.c.merged_into_id).where(any_of(table.c.id, wanted))
            for row_id, erased_at, merged_into_id in plain_rows(found):
                have.add(row_id)
                if erased_at is not None:
                    self.erased.add(row_id)
                if merged_into_id is not None:
                    self.merged_into[row_id] = merged_into_id
                    kept.add(merged_into_id)
            if kept:  # the records they were merged into, and theirs in turn (a chain is rare and short)
                self.load(Attendee, kept)
        elif model is Event:
            for row_id, area_id in plain_rows(select(table.c.id, table.c.area_id).where(any_of(table.c.id, wanted))):
                have.add(row_id)
                self.reach.note_event(row_id, area_id)
        elif model is Posting:
            for row_id, status in plain_rows(select(table.c.id, table.c.status).where(any_of(table.c.id, wanted))):
                have.add(row_id)
                self.reach.note_status(row_id, status)
        elif model is Notice:
            for row_id, status, kind in plain_rows(select(table.c.id, table.c.status, table.c.kind)
                                              .where(any_of(table.c.id, wanted))):
                have.add(row_id)
                self.reach.note_status(row_id, status)
                if getattr(kind, "value", kind) != NoticeKind.training.value:
                    self.not_courses.add(row_id)
        elif model is Tally:  # only ever loaded as the parent of a cancelling tally: its content is checked
            for row_id, event_id, kind, count in plain_rows(select(table.c.id, table.c.event_id, table.c.kind,
                                                                   table.c.count).where(any_of(table.c.id, wanted))):
                have.add(row_id)
                self.tallies[row_id] = (event_id, getattr(kind, "value", kind), count)
            self.cancelled_by.update(
                (cancelled, canceller) for cancelled, canceller
                in plain_rows(select(table.c.cancels_id, table.c.id).where(any_of(table.c.cancels_id, wanted))))
        else:
            have.update(row_id for row_id, in plain_rows(select(table.c.id).where(any_of(table.c.id, wanted))))

    def living(self, attendee_id: str) -> str:
        """The registration that stands for ``attendee_id`` now: itself, or the one it was merged into
        (followed along a chain of merges)."""
        seen = {attendee_id}
        while attendee_id in self.merged_into and self.merged_into[attendee_id] not in seen:
            attendee_id = self.merged_into[attendee_id]
            seen.add(attendee_id)
        return attendee_id

    def has(self, model: type, row_id: str) -> bool:
        return row_id in self.present.get(model, ())

    def add(self, model: type, row_id: str) -> None:
        self.present.setdefault(model, set()).add(row_id)


def cancel_refusal(data: dict, cancelled: tuple[str, str, int] | None) -> Reason | None:
    """Why a tally that cancels another (``cancels_id``) cannot stand, given the cancelled tally's event,
    kind and count (None: it cancels nothing, or what it cancels is not known here): an undo takes back
    exactly the tap it names, at the same event, of the same kind, by the same count, and a cancel is
    never itself cancelled. Anything else would move visitors between events or kinds in the figures."""
    if cancelled is None or not data.get("cancels_id"):
        return None
    event_id, kind, count = cancelled
    if (data["event_id"], data["kind"], data["count"]) != (event_id, kind, -count) or count < 0:
        return Reason("not_its_cancel", "cancels_id")
    return None


def load_all_stored(stored: dict[str, dict[str, dict]], by_type: dict[str, set[str]]) -> None:
    """:func:`load_stored` for several types at once: one statement asks which ids are stored at all
    (for a batch of new records, none), then only the types with some are loaded."""
    wanted = {kind: ids - stored[kind].keys() for kind, ids in by_type.items()}
    wanted = {kind: ids for kind, ids in wanted.items() if ids}
    if len(wanted) > 1:
        probe = union_all(*(select(literal(kind, String).label("kind"), TYPE_MODEL[kind].__table__.c.id)
                            .where(any_of(TYPE_MODEL[kind].__table__.c.id, ids)) for kind, ids in wanted.items()))
        found: dict[str, set[str]] = {}
        for kind, row_id in plain_rows(probe):
            found.setdefault(kind, set()).add(row_id)
        wanted = found
    for kind, ids in wanted.items():
        load_stored(stored, kind, ids)


def load_stored(stored: dict[str, dict[str, dict]], kind: str, ids: set[str]) -> None:
    """Add to ``stored`` (type -> id -> content) the content of the stored rows of type ``kind`` among ``ids``,
    an attendee's with an ``_erased`` flag: what tells a resend (duplicate) from a different record."""
    table = TYPE_MODEL[kind].__table__
    wanted = ids - stored[kind].keys()
    if wanted:
        columns = [table.c.id, *(table.c[key] for key in CONTENT_KEYS[kind])]
        if kind == "attendee":
            columns.append(table.c.erased_at)
        for row in plain_rows(select(*columns).where(any_of(table.c.id, wanted))):
            content = content_of_row(kind, row)
            content["_erased"] = kind == "attendee" and row.erased_at is not None
            stored[kind][row.id] = content


def plain_rows(statement):
    """Run a look-up on the session's connection and return plain rows.

    Look-ups happen before a push adds anything, or concern rows it has noted itself (``Ingest._apply``), so
    they need no autoflush; and the ORM's work per row would cost more than the query.
    """
    return db.session.connection().execute(statement)
