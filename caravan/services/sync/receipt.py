"""The receipt in every push answer: how many of a tablet's records the server holds, and a digest of
their ids, so the tablet can show "made 57, the server holds 57" and check it."""
from __future__ import annotations

import hashlib

from sqlalchemy import collate, func, literal, select, union_all
from sqlalchemy.dialects.postgresql import aggregate_order_by

from caravan.database import any_of
from caravan.extensions import db
from caravan.models import (Attendee, CheckIn, Device, EmployerVisit, FairArrival, Interest, PendingRecord,
                            PendingStatus, ServiceGiven, Tally)

#: The stored reason of a registration's second, different correction (see ingest and corrections).
CORRECTED_ALREADY = "corrected_already:id"
#: Every table of field records a tablet makes.
FIELD_TABLES = (Attendee, CheckIn, ServiceGiven, Tally, Interest, FairArrival, EmployerVisit)


def _disputed(device_id: str):
    """The ids of registrations of ``device_id`` whose second, different correction waits for the office
    (``corrected_already``): the tablet keeps that correction as a problem until the office has kept one of
    the two, so neither counts it as held by the server meanwhile."""
    pending = PendingRecord.__table__
    return select(pending.c.record_id).where(pending.c.device_id == device_id,
                                             pending.c.status == PendingStatus.conflict,
                                             pending.c.resolved_at.is_(None),
                                             pending.c.reason == CORRECTED_ALREADY)


def _held(device_id: str):
    """The ids of every field record applied from ``device_id`` (records still pending excluded, and
    registrations in dispute, :func:`_disputed`), and of those answered ``duplicate`` because a stored
    record under another id says the same, as a subquery."""
    pending = PendingRecord.__table__

    def applied(model):
        table = model.__table__
        query = select(table.c.id.label("id")).where(table.c.device_id == device_id)
        return query.where(table.c.id.not_in(_disputed(device_id))) if model is Attendee else query

    return union_all(*(applied(model) for model in FIELD_TABLES),
                     select(pending.c.record_id).where(pending.c.device_id == device_id,
                                                       pending.c.status == PendingStatus.duplicate)).subquery()


def held_ids(device_id: str) -> list[str]:
    """The sorted ids that :func:`receipt` counts for ``device_id``."""
    # One string from the database, split here: the per-row work of fetching tens of thousands of rows
    # (a tablet's history, on every push) would cost several times the query.
    held = _held(device_id)
    connection = db.session.connection()
    concat = func.string_agg if connection.dialect.name == "postgresql" else func.group_concat
    joined = connection.scalar(select(concat(held.c.id, literal("\n"))))
    return sorted(joined.split("\n")) if joined else []


def stored_among(device_id: str, ids: list[str]) -> list[str]:
    """Those of ``ids`` that :func:`receipt` counts for ``device_id``, sorted: a tablet asks this of the
    records it keeps as problems, which the server may hold since (corrected by the office, sent again
    from another copy, or imported from the tablet's exported file)."""
    if not ids:
        return []
    held = _held(device_id)
    return sorted(set(db.session.connection().scalars(select(held.c.id).where(any_of(held.c.id, set(ids))))))


def digest(ids: list[str]) -> str:
    """SHA-256 hex over the sorted ids joined by newlines (the tablet computes the same)."""
    return hashlib.sha256("\n".join(sorted(ids)).encode("ascii")).hexdigest()


def receipt(device: Device) -> dict:
    """``{"device_records": N, "digest": hex}`` for ``device``."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        # The database sorts (byte order, as Python sorts these ASCII ids) and hashes; only two values
        # travel. Counted by the same rule as held_ids, hashed by the same rule as digest.
        held = _held(device.id)
        joined = func.string_agg(held.c.id, aggregate_order_by(literal("\n"), collate(held.c.id, "C")))
        count, hexdigest = connection.execute(select(
            func.count(), func.encode(func.sha256(func.convert_to(func.coalesce(joined, ""), "UTF8")), "hex"))).one()
        return {"device_records": count, "digest": hexdigest}
    ids = held_ids(device.id)
    return {"device_records": len(ids), "digest": digest(ids)}
