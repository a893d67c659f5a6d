"""Records kept in ``pending_records``: held, in conflict or rejected, never dropped, never kept twice."""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from caravan.database import any_of
from caravan.extensions import db
from caravan.models import PendingRecord, PendingStatus
from caravan.services.sync.validate import Invalid, Reason, Record, parse_uuid

#: A rejected item larger than this is kept as a note of its size and its beginning, not in full.
MAX_KEPT_PAYLOAD = 64 * 1024
#: The keys of an attendee record's data that say who the person is; erasure removes them everywhere.
PERSONAL_KEYS = ("name", "phone", "skills", "wishes", "pass_token")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def record_id_of(item: Any) -> str:
    """The id to file ``item`` under: its UUID in canonical form, else a printable prefix of what was sent."""
    value = item.get("id") if isinstance(item, dict) else None
    if not isinstance(value, str):
        return ""
    try:
        return parse_uuid(value)
    except Invalid:
        return _printable(value, 64)


def type_of(item: Any) -> str:
    """The record type as sent, made safe to store."""
    value = item.get("type") if isinstance(item, dict) else None
    return _printable(value, 32) if isinstance(value, str) else ""


def _printable(value: str, limit: int) -> str:
    value = _UNPRINTABLE.sub("?", value.encode("utf-8", "replace").decode("utf-8"))
    return value[:limit]


def storable(item: Any) -> Any:
    """``item`` as it will read back from a JSON column; a note instead when it cannot be kept as is
    (too large, or not representable in JSON)."""
    try:
        text = json.dumps(item, ensure_ascii=True, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError, RecursionError):
        return {"unstorable": "not_json"}
    if len(text) > MAX_KEPT_PAYLOAD:
        return {"unstorable": "too_large", "size": len(text), "start": text[:2000]}
    return json.loads(text)


def without_personal(payload: Any) -> Any:
    """A kept payload with the person's data taken out: the personal keys of its ``data``, and the
    beginning of a payload that was too large to keep (it may hold anything)."""
    if not isinstance(payload, dict):
        return {"erased": True}
    if "unstorable" in payload:
        return {"unstorable": payload["unstorable"], "erased": True}
    data = payload.get("data")
    if isinstance(data, dict):
        payload = {**payload, "data": {k: v for k, v in data.items() if k not in PERSONAL_KEYS}}
    return payload


def forget_person(attendee_id: str, now: datetime) -> int:
    """Take an erased resident's data out of every kept copy of their record (conflicts, rejections)
    and close those copies: there is nothing left to review. Returns how many copies there were."""
    rows = list(db.session.scalars(select(PendingRecord).where(PendingRecord.record_id == attendee_id)))
    for row in rows:
        row.payload = without_personal(row.payload)  # a new value, so the JSON column is written
        row.resolved_at = row.resolved_at or now
    return len(rows)


class Book:
    """The pending rows that concern one batch's ids, loaded once."""

    def __init__(self, record_ids: list[str], device_id: str | None):
        ids = sorted(set(record_ids) - {""})
        self.open: dict[str, list[PendingRecord]] = {}
        self.applied: set[str] = set()
        self.duplicates: set[str] = set()
        #: Ids refused once and applied since (corrected, on the tablet or at the office).
        self.corrected: set[str] = set()
        table = PendingRecord.__table__
        wanted = [any_of(table.c.record_id, ids)] if ids else []
        if "" in record_ids:  # items without a usable id: only this tablet's earlier ones can be the same
            wanted.append(and_(table.c.record_id == "", table.c.device_id == device_id))
        if not wanted:
            return
        # Most batches have no pending copies at all: ask for one id first, load the rows only if any.
        # (Earlier batches of this request were flushed at their end, so the connection sees them.)
        if db.session.connection().execute(select(table.c.id).where(or_(*wanted)).limit(1)).first() is None:
            return
        for row in db.session.scalars(select(PendingRecord).where(or_(*wanted)).order_by(PendingRecord.id)):
            if row.resolved_at is None:
                self.open.setdefault(row.record_id, []).append(row)
            elif row.status == PendingStatus.held:
                self.applied.add(row.record_id)
            elif row.status == PendingStatus.duplicate:
                self.duplicates.add(row.record_id)
            elif row.status == PendingStatus.rejected:
                self.corrected.add(row.record_id)

    def was_applied(self, record_id: str) -> bool:
        """Whether a held record with this id was applied later."""
        return record_id in self.applied

    def was_corrected(self, record_id: str) -> bool:
        """Whether a record with this id was refused once and applied since (a correction of it)."""
        return record_id in self.corrected

    def keep(self, device_id: str | None, item: Any, record: Record | None, status: PendingStatus,
             reason: Reason, now: datetime, waiting_for: str | None = None) -> PendingRecord:
        """File ``item`` with ``status``, unless the same item is already filed so (a repeated batch).

        ``waiting_for`` is the id of the missing parent of a held record."""
        record_id = record.id if record else record_id_of(item)
        payload = storable(item)
        if reason.code == "attendee_erased" and record is not None and record.type == "attendee":
            payload = without_personal(payload)  # a resend of an erased resident: keep that it came, not who
        for row in self.open.get(record_id, []):
            if row.status == status and row.payload == payload and row.device_id == device_id:
                row.reason, row.waiting_for = str(reason), waiting_for
                return row
        row = PendingRecord(device_id=device_id, record_id=record_id,
                            record_type=record.type if record else type_of(item), status=status,
                            reason=str(reason), payload=payload, received_at=now, waiting_for=waiting_for)
        db.session.add(row)
        self.open.setdefault(record_id, []).append(row)
        return row

    def is_duplicate(self, record_id: str) -> bool:
        """Whether the record with this id was answered as saying what another stored record says."""
        return record_id in self.duplicates

    def keep_duplicate(self, device_id: str | None, item: Any, record: Record, reason: Reason,
                       now: datetime) -> None:
        """File ``record`` as a duplicate of a stored record under another id, once: resolved at once, it
        is no problem to review, but its id counts in the device's receipt."""
        if record.id in self.duplicates:
            return
        for row in self.open.get(record.id, []):  # held (or rejected) before: that copy is settled now
            if row.status != PendingStatus.conflict and row.resolved_at is None:
                row.status, row.reason, row.resolved_at = PendingStatus.duplicate, str(reason), now
                self.duplicates.add(record.id)
                return
        db.session.add(PendingRecord(device_id=device_id, record_id=record.id, record_type=record.type,
                                     status=PendingStatus.duplicate, reason=str(reason),
                                     payload=storable(item), received_at=now, resolved_at=now))
        self.duplicates.add(record.id)

    def holds(self, record_id: str, device_id: str | None) -> bool:
        """Whether ``device_id`` already has this record on hold (a resend takes no new room)."""
        return any(row.status == PendingStatus.held and row.device_id == device_id
                   for row in self.open.get(record_id, []))

    def resolve(self, record_id: str, now: datetime) -> None:
        """Mark earlier held or rejected copies of a record applied, now that it is."""
        for row in self.open.get(record_id, []):
            if row.status != PendingStatus.conflict and row.resolved_at is None:
                row.resolved_at = now
                if row.status == PendingStatus.held:
                    self.applied.add(record_id)
