"""Hits counted by the rate limiter (failed sign-ins, registrations, pass look-ups)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from caravan.models.base import Base, UTCDateTime, utcnow


class ThrottleHit(Base):
    __tablename__ = "throttle_hits"
    __table_args__ = (Index("ix_throttle_hits_bucket_key_at", "bucket", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bucket: Mapped[str] = mapped_column(String(32))
    #: A keyed hash of what is limited (a user name, an address); never the value itself.
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
