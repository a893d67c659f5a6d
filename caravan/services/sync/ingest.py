"""Applying a pushed batch: each record is accepted, a duplicate, a conflict, held or rejected.

Which parents exist, and what the checks against them need, is :mod:`caravan.services.sync.known`'s concern;
this module decides each record's answer and stores the rows.

The whole batch runs in the caller's transaction (the view commits once). Every record that is not applied
is kept in ``pending_records``; a repeated batch finds what the first one left and changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import func, insert, or_, select
from sqlalchemy.exc import DBAPIError

from caravan.database import any_of
from caravan.extensions import db
from caravan.models import (Area, Attendee, CheckIn, Device, FairArrival, Interest, PendingRecord, PendingStatus,
                            ReferralStep, ServiceGiven, SyncBatch, Tally, User)
from caravan.models.base import utcnow
from caravan.services import changes, fairs, merges
from caravan.services.sync import pending, visits
from caravan.services.sync.interests import OpenInterests, same_interest
from caravan.services.sync.known import Known, cancel_refusal, load_all_stored, load_stored, plain_rows
from caravan.services.sync.reach import Reach
from caravan.services.sync.rows import PARENTS, TYPE_MODEL, build_row, row_values, same_content
from caravan.services.sync.validate import Invalid, Reason, Record, validate

#: Most records one push may carry; a client sending more is told to shrink its batches (413).
MAX_BATCH = 500
#: Held records retried at the end of a push, oldest first; the rest wait for the next push.
HELD_RETRY_LIMIT = 2000
#: The tables a push bulk-inserts into, parents before the rows that refer to them.
BULK_ORDER = (Attendee, CheckIn, ServiceGiven, Tally, Interest, ReferralStep, FairArrival)
#: Every model some record may wait for, and those of them a push inserts itself (before held records
#: are retried, so that a record held by an earlier push finds a parent this push brought).
PARENT_MODELS = tuple(dict.fromkeys(model for parents in PARENTS.values() for model in parents.values()))
HELD_PARENTS_BULK = tuple(model for model in BULK_ORDER if model in PARENT_MODELS)


@dataclass
class Result:
    """The answer for one pushed record."""

    id: Any
    status: str
    reason: Reason | None = None
    type: str | None = None

    def as_json(self) -> dict:
        """The record's entry in the push answer: ``{id, status, reason?}``."""
        answer = {"id": self.id, "status": self.status}
        if self.reason is not None:
            answer["reason"] = str(self.reason)
        return answer


class Ingest:
    """One push (or one imported file) from ``device``."""

    def __init__(self, device: Device, careful: bool = False):
        self.device = device
        self.careful = careful  # one savepoint per row: slower, survives a row the database refuses
        self.now = utcnow()
        self.known = Known(Reach())
        self.stored: dict[str, dict[str, dict]] = {kind: {} for kind in TYPE_MODEL}  # type -> id -> content
        self.tokens: set[str] = set()
        self.bulk: dict[type, list[dict]] = {}
        self.interests = OpenInterests()
        #: Records made for a registration merged since, which go to the kept one: id -> the record's own
        #: attendee id; those applied are noted in their merges at the end (see merges.adopt_late).
        self.redirected: dict[str, str] = {}
        self.adopted: list[tuple[str, str, str]] = []
        self.held_room: int | None = None  # counted on the first record to hold

    # -- the batch ---------------------------------------------------------------------------------------
    def run(self, items: list) -> list[Result]:
        """Apply ``items`` in order; returns one :class:`Result` per item."""
        checked: list[Record | Invalid] = []
        for item in items:
            try:
                checked.append(validate(item))
            except Invalid as exc:
                checked.append(exc)
        records = [r for r in checked if isinstance(r, Record)]
        self._prefetch(records)
        self.pending = pending.Book([r.id if isinstance(r, Record) else pending.record_id_of(item)
                                     for item, r in zip(items, checked)], self.device.id)
        results: list[Result] = []
        deferred: list[tuple[int, Record, Any]] = []
        for index, (item, record) in enumerate(zip(items, checked)):
            if isinstance(record, Invalid):
                results.append(self._reject(item, record.reason))
                continue
            result = self._one(item, record)
            if result is None:  # a parent is missing; it may come later in this batch
                deferred.append((index, record, item))
                result = Result(_given_id(item), "held", type=record.type)
            results.append(result)
        for index, record, item in deferred:
            results[index] = self._one(item, record, last_try=True)
        self._insert_bulk(HELD_PARENTS_BULK)  # held records may be waiting for them
        self._retry_held()
        self._insert_bulk()
        if self.adopted:
            merges.adopt_late(self.adopted)
        return results

    def _insert_bulk(self, models=BULK_ORDER) -> None:
        """Insert the rows gathered for ``models``, parents first, with one executemany per table: these
        rows are final, the ORM would only track them."""
        db.session.flush()  # the pending records, and the device's sync time
        connection = db.session.connection()
        for model in models:
            rows = self.bulk.pop(model, None)
            if rows:
                connection.execute(insert(model.__table__), rows)
                if model in (Attendee, CheckIn):  # the flush hooks do not see a Core insert: tell the tablets
                    changes.announce_inserted(db.session(), model, rows, self.known.reach.event_area)

    def _prefetch(self, records: list[Record]) -> None:
        records = [r for r in records if r.type in TYPE_MODEL]  # an employer visit is looked up on its own
        by_type: dict[str, set[str]] = {}
        refs: dict[type, set[str]] = {}
        for record in records:
            by_type.setdefault(record.type, set()).add(record.id)
            if record.by is not None:  # the staff members named: one look-up for the batch, like parents
                refs.setdefault(User, set()).add(record.by)
            for key, model in PARENTS[record.type].items():
                if record.data.get(key):
                    refs.setdefault(model, set()).add(record.data[key])
            if record.type == "attendee" and record.data["village_id"]:
                refs.setdefault(Area, set()).add(record.data["village_id"])
        load_all_stored(self.stored, by_type)
        for model, ids in refs.items():
            self.known.load(model, ids)
        self._follow_merges(records)
        tokens = {r.data["pass_token"] for r in records if r.type == "attendee"}
        if tokens:
            column = Attendee.__table__.c.pass_token
            self.tokens.update(token for token, in plain_rows(select(column).where(any_of(column, tokens))))
        self.interests.load(records)

    def _follow_merges(self, records: list[Record]) -> None:
        """A check-in, service or interest made on a tablet for a registration the office has merged since
        goes to the kept registration, as the merge moved the others: the person's page and the referral
        queue show it there, and the one-open-interest rule is checked against the kept person's."""
        for record in records:
            attendee_id = record.data.get("attendee_id") if record.type in merges.MOVED_KEYS else None
            if attendee_id and attendee_id in self.known.merged_into:
                self.redirected.setdefault(record.id, attendee_id)
                record.data["attendee_id"] = self.known.living(attendee_id)

    # -- one record --------------------------------------------------------------------------------------
    def _one(self, item: Any, record: Record, last_try: bool = False) -> Result | None:
        given = _given_id(item)
        if record.type == "employer_visit":
            return self._visit(item, record)
        existing = self.stored[record.type].get(record.id)
        if existing is not None:
            if existing.get("_erased"):
                return self._reject(item, Reason("attendee_erased", "id"), record)
            if same_content(record.type, record.data, existing):
                # Applied from hold since the tablet last asked: tell it so, once more, as accepted.
                status = "accepted" if self.pending.was_applied(record.id) else "duplicate"
                return Result(given, status, type=record.type)
            # A second, different correction of a refused record: the first applied stands, this one is
            # kept for the office, and the reason says so (see corrections.py).
            second = record.type == "attendee" and self.pending.was_corrected(record.id)
            code = "corrected_already" if second else "conflict"
            return self._keep(item, record, PendingStatus.conflict, Reason(code, "id"))
        problem, missing = self._check_parents(record)
        if problem is not None:
            return self._reject(item, problem, record)
        if missing:
            if not last_try:
                return None
            if not self._room_to_hold(record):
                return self._reject(item, Reason("too_many_held"), record)
            return self._keep(item, record, PendingStatus.held, Reason("waiting_for", missing),
                              waiting_for=record.data[missing])
        if record.type == "interest" and (self.pending.is_duplicate(record.id) or self.interests.other(record)):
            return self._same_interest(item, record)
        if not self._apply(record, self.device.id, self.now):
            load_stored(self.stored, record.type, {record.id})
            if record.id in self.stored[record.type]:  # stored meanwhile by a concurrent push of the same batch
                return self._one(item, record, last_try)
            if record.type == "interest" and self.interests.other(record, reload=True):  # a concurrent push's
                return self._same_interest(item, record)
            return self._reject(item, Reason("not_storable"), record)
        self.pending.resolve(record.id, self.now)
        return Result(given, "accepted", type=record.type)

    def _check_parents(self, record: Record, device_id: str | None = None) -> tuple[Reason | None, str]:
        """A reason to reject ``record`` (erased attendee, unknown village, taken pass, a parent the tablet
        that made it, ``device_id`` or this push's, may not see, a staff member unknown here), or the first
        missing parent's key."""
        data = record.data
        if record.by is not None and not self.known.has(User, record.by):
            return Reason("unknown_staff", "by"), ""
        if record.type == "attendee":
            if data["village_id"] and not self.known.has(Area, data["village_id"]):
                return Reason("unknown_area", "village_id"), ""
            if data["pass_token"] in self.tokens:
                return Reason("pass_token_taken", "pass_token"), ""
            return None, ""
        missing = ""
        for key, model in PARENTS[record.type].items():
            value = data.get(key)
            if not value:
                continue
            if model is Attendee and value in self.known.erased:
                return Reason("attendee_erased", key), ""
            refusal = self.known.reach.refusal(device_id or self.device.id, key, value)
            if refusal is not None:
                return refusal, ""
            if not self.known.has(model, value) and not missing:
                missing = key
        if record.type == "interest" and data.get("notice_id") in self.known.not_courses:
            return Reason("not_a_course", "notice_id"), ""  # only a training course takes interests
        if record.type == "tally" and not missing:
            cancels = data.get("cancels_id")
            if cancels and self.known.cancelled_by.get(cancels, record.id) != record.id:
                return Reason("cancelled_already", "cancels_id"), ""  # an undo pressed twice counts once
            return cancel_refusal(data, self.known.tallies.get(cancels)), ""
        if record.type == "fair_arrival" and not missing \
                and not fairs.takes_part(data["event_id"], data["employer_id"]):
            return Reason("not_at_fair", "employer_id"), ""
        return None, missing

    def _apply(self, record: Record, device_id: str | None, received_at: datetime) -> bool:
        if self.careful:
            try:
                with db.session.begin_nested():
                    db.session.add(build_row(record, device_id, received_at))
            except DBAPIError:
                return False
        else:
            # Rows go in by one bulk insert per table at the end: the ORM's bookkeeping per object would
            # cost several times the database's work.
            model, values, step = row_values(record, device_id, received_at)
            self.bulk.setdefault(model, []).append(values)
            if step is not None:
                self.bulk.setdefault(ReferralStep, []).append(step)
        self.stored[record.type][record.id] = record.data  # its content keys, and no "_erased" flag
        self.known.add(TYPE_MODEL[record.type], record.id)
        if record.type == "attendee":
            self.tokens.add(record.data["pass_token"])
        elif record.type == "tally":
            self.known.tallies[record.id] = (record.data["event_id"], record.data["kind"], record.data["count"])
            if record.data.get("cancels_id"):
                self.known.cancelled_by[record.data["cancels_id"]] = record.id
        elif record.type == "interest":
            self.interests.add(record)
        elif record.type == "fair_arrival":
            fairs.note_arrival(record.data["event_id"], record.data["employer_id"], record.at)
        if record.id in self.redirected:
            self.adopted.append((record.type, record.id, self.redirected[record.id]))
        return True

    def _visit(self, item: Any, record: Record) -> Result:
        """An employer visit: stored at once with its lines by :mod:`caravan.services.sync.visits`."""
        status, reason = visits.apply(record, self.device, self.known.reach, self.now)
        if status == "accepted":
            self.pending.resolve(record.id, self.now)
        if status in ("accepted", "duplicate"):
            return Result(_given_id(item), status, type=record.type)
        if status == "conflict":
            return self._keep(item, record, PendingStatus.conflict, reason)
        return self._reject(item, reason, record)

    def _same_interest(self, item: Any, record: Record) -> Result:
        """A second open interest of the same person in the same posting (or course): a success for the
        tablet, not a second row; the id is kept so that the receipt still counts it."""
        reason = same_interest(record)
        self.pending.keep_duplicate(self.device.id, item, record, reason, self.now)
        return Result(_given_id(item), "duplicate", reason, type=record.type)

    def _room_to_hold(self, record: Record) -> bool:
        """Whether this tablet may have one more record on hold (SYNC_MAX_HELD_PER_DEVICE); a record it
        already has on hold keeps its place."""
        if self.pending.holds(record.id, self.device.id):
            return True
        if self.held_room is None:
            held = db.session.scalar(
                select(func.count()).select_from(PendingRecord)
                .where(PendingRecord.device_id == self.device.id, PendingRecord.status == PendingStatus.held,
                       PendingRecord.resolved_at.is_(None)))
            self.held_room = current_app.config["SYNC_MAX_HELD_PER_DEVICE"] - held
        if self.held_room <= 0:
            return False
        self.held_room -= 1
        return True

    def _reject(self, item: Any, reason: Reason, record: Record | None = None) -> Result:
        return self._keep(item, record, PendingStatus.rejected, reason)

    def _keep(self, item: Any, record: Record | None, status: PendingStatus, reason: Reason,
              waiting_for: str | None = None) -> Result:
        self.pending.keep(self.device.id, item, record, status, reason, self.now, waiting_for)
        return Result(_given_id(item), status.value, reason,
                      type=record.type if record else pending.type_of(item) or None)

    # -- records held by earlier pushes ------------------------------------------------------------------
    def _retry_held(self) -> None:
        """Apply held records (from any tablet) whose awaited parent has arrived since, by this push or
        through the office."""
        with db.session.no_autoflush:  # most pushes find none; the flush comes with the bulk insert
            if db.session.scalar(select(PendingRecord.id).where(PendingRecord.status == PendingStatus.held,
                                                                PendingRecord.resolved_at.is_(None)).limit(1)) is None:
                return
        arrived = or_(*(PendingRecord.waiting_for.in_(select(model.id)) for model in PARENT_MODELS))
        held = list(db.session.scalars(
            select(PendingRecord).where(PendingRecord.status == PendingStatus.held,
                                        PendingRecord.resolved_at.is_(None), arrived)
            .order_by(PendingRecord.id).limit(HELD_RETRY_LIMIT)))
        waiting: list[tuple[PendingRecord, Record]] = []
        for row in held:
            try:
                waiting.append((row, validate(row.payload)))
            except Invalid as exc:  # cannot happen for rows this code held; keep them visible if it does
                row.status, row.reason = PendingStatus.rejected, str(exc.reason)
        self._prefetch([record for _, record in waiting])
        for row, record in waiting:
            existing = self.stored[record.type].get(record.id)
            if existing is not None:
                if same_content(record.type, record.data, existing) and not existing.get("_erased"):
                    row.resolved_at = self.now
                else:
                    row.status, row.reason = PendingStatus.conflict, str(Reason("conflict", "id"))
                continue
            problem, missing = self._check_parents(record, row.device_id)
            if problem is not None:
                row.status, row.reason = PendingStatus.rejected, str(problem)
            elif missing:
                row.reason, row.waiting_for = str(Reason("waiting_for", missing)), record.data[missing]
            elif record.type == "interest" and self.interests.other(record):
                row.status, row.reason, row.resolved_at = PendingStatus.duplicate, str(same_interest(record)), self.now
            elif self._apply(record, row.device_id, row.received_at):
                row.resolved_at = self.now


def _given_id(item: Any):
    """The id as the tablet sent it (so it can match the answer), or None when it sent none usable."""
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def push(device: Device, items: list) -> list[Result]:
    """Apply a batch from ``device`` and flush; the caller commits.

    Validation stops every row the database would refuse, so the batch is applied with one flush inside a
    savepoint. Should the database refuse a row anyway, only that savepoint is undone (never what the
    caller did before, such as the earlier batches of an imported file) and the batch is run again with a
    savepoint per row, so that row alone is rejected and the good ones are still saved.
    """
    # Writing first makes SQLite's driver open the transaction, so the savepoints below nest inside it
    # instead of each committing on its own.
    device.last_sync_at = utcnow()
    db.session.flush()
    try:
        with db.session.begin_nested():
            return Ingest(device).run(items)
    except DBAPIError:
        pass
    results = Ingest(device, careful=True).run(items)
    db.session.flush()
    return results


def record_batch(device: Device, items: list) -> list[Result]:
    """:func:`push` ``items`` and log the batch in ``sync_batches`` (the caller commits)."""
    results = push(device, items)
    statuses = [r.status for r in results]
    accepted, duplicates = statuses.count("accepted"), statuses.count("duplicate")
    db.session.add(SyncBatch(device_id=device.id, record_count=len(items), accepted=accepted,
                             duplicates=duplicates, problems=len(items) - accepted - duplicates))
    db.session.flush()
    return results
