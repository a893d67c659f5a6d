"""The receipt in every push answer: how many of a tablet's records the server holds, and a digest of
their ids, so the tablet can show "made 57, the server holds 57" and check it."""
from __future__ import annotations

import hashlib

from sqlalchemy import select, union_all

from caravan.extensions import db
from caravan.models import Attendee, CheckIn, Device, Interest, PendingRecord, PendingStatus, ServiceGiven, Tally

#: Every table of field records a tablet makes.
FIELD_TABLES = (Attendee, CheckIn, ServiceGiven, Tally, Interest)


def held_ids(device_id: str) -> list[str]:
    """The sorted ids of every field record applied from ``device_id`` (records still pending excluded),
    and of those answered ``duplicate`` because a stored record under another id says the same."""
    pending = PendingRecord.__table__
    query = union_all(*(select(model.__table__.c.id).where(model.__table__.c.device_id == device_id)
                        for model in FIELD_TABLES),
                      select(pending.c.record_id).where(pending.c.device_id == device_id,
                                                        pending.c.status == PendingStatus.duplicate))
    # Read straight from the driver's cursor: ids are plain strings that need no conversion, and the
    # per-row work of a result object would cost more than the query on every push, as a tablet's history
    # grows to tens of thousands of ids.
    result = db.session.connection().execute(query)
    try:
        return sorted(row[0] for row in result.cursor.fetchall())
    finally:
        result.close()


def digest(ids: list[str]) -> str:
    """SHA-256 hex over the sorted ids joined by newlines (the tablet computes the same)."""
    return hashlib.sha256("\n".join(sorted(ids)).encode("ascii")).hexdigest()


def receipt(device: Device) -> dict:
    """``{"device_records": N, "digest": hex}`` for ``device``."""
    ids = held_ids(device.id)
    return {"device_records": len(ids), "digest": digest(ids)}
