"""Enrolled tablets. A tablet proves itself with a bearer token whose hash alone is stored."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, UTCDateTime, UUIDPrimaryKey


class Device(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "devices"

    name: Mapped[str] = mapped_column(String(100))
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), index=True)
    #: SHA-256 of the device token, hex.
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    area = relationship("Area")

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None
