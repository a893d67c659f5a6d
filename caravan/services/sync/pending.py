"""Records kept in ``pending_records``: held, in conflict or rejected, never dropped, never kept twice."""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from caravan.extensions import db
from caravan.models import PendingRecord, PendingStatus
from caravan.services.sync.validate import Invalid, Reason, Record, parse_uuid

#: A rejected item larger than this is kept as a note of its size and its beginning, not in full.
MAX_KEPT_PAYLOAD = 64 * 1024
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


class Book:
    """The pending rows that concern one batch's ids, loaded once."""

    def __init__(self, record_ids: list[str], device_id: str | None):
        ids = sorted(set(record_ids) - {""})
        self.open: dict[str, list[PendingRecord]] = {}
        self.applied: set[str] = set()
        self.duplicates: set[str] = set()
        wanted = [PendingRecord.record_id.in_(ids)] if ids else []
        if "" in record_ids:  # items without a usable id: only this tablet's earlier ones can be the same
            wanted.append(and_(PendingRecord.record_id == "", PendingRecord.device_id == device_id))
        if not wanted:
            return
        for row in db.session.scalars(select(PendingRecord).where(or_(*wanted)).order_by(PendingRecord.id)):
            if row.resolved_at is None:
                self.open.setdefault(row.record_id, []).append(row)
            elif row.status == PendingStatus.held:
                self.applied.add(row.record_id)
            elif row.status == PendingStatus.duplicate:
                self.duplicates.add(row.record_id)

    def was_applied(self, record_id: str) -> bool:
        """Whether a held record with this id was applied later."""
        return record_id in self.applied

    def keep(self, device_id: str | None, item: Any, record: Record | None, status: PendingStatus,
             reason: Reason, now: datetime, waiting_for: str | None = None) -> PendingRecord:
        """File ``item`` with ``status``, unless the same item is already filed so (a repeated batch).

        ``waiting_for`` is the id of the missing parent of a held record."""
        record_id = record.id if record else record_id_of(item)
        payload = storable(item)
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

    def resolve(self, record_id: str, now: datetime) -> None:
        """Mark earlier held or rejected copies of a record applied, now that it is."""
        for row in self.open.get(record_id, []):
            if row.status != PendingStatus.conflict and row.resolved_at is None:
                row.resolved_at = now
                if row.status == PendingStatus.held:
                    self.applied.add(record_id)
