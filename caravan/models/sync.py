"""What the sync protocol keeps: a change sequence for pulls, pushed batches, and records on hold."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caravan.models.base import Base, UTCDateTime, UUIDStr, str_enum, utcnow


class Change(Base):
    """One row per change of a pullable entity; its ``seq`` is the pull cursor."""

    __tablename__ = "changes"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    #: The area whose tablets should receive it; None for the whole county.
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncBatch(Base):
    """A push received from a tablet, answered or not."""

    __tablename__ = "sync_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    problems: Mapped[int] = mapped_column(Integer, default=0)


class PendingStatus(enum.StrEnum):
    held = "held"            #: waits for a parent record that has not arrived
    conflict = "conflict"    #: same id as a stored record, different content
    rejected = "rejected"    #: failed validation; kept for review
    #: says what a stored record under another id says (a resident's second open interest in a posting):
    #: answered "duplicate" and resolved at once, kept so that the tablet's receipt counts its id
    duplicate = "duplicate"


class PendingRecord(Base):
    """A pushed record that was not applied: held, in conflict, or rejected. Never silently dropped."""

    __tablename__ = "pending_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), index=True)
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    status: Mapped[PendingStatus] = mapped_column(str_enum(PendingStatus), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    #: For a held record: the id of the parent it waits for, so arrivals find their children by index.
    waiting_for: Mapped[str | None] = mapped_column(UUIDStr, index=True)
    #: The record as pushed: {type, id, seq, at, data}.
    payload: Mapped[dict] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
