"""Events: one caravan stop, with the postings and notices it shows."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, UTCDateTime, UUIDPrimaryKey, str_enum


class EventKind(enum.StrEnum):
    bazaar = "bazaar"
    village = "village"
    campus = "campus"
    job_fair = "job_fair"


class EventStatus(enum.StrEnum):
    planned = "planned"
    cancelled = "cancelled"


event_postings = Table(
    "event_postings", Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("posting_id", ForeignKey("postings.id", ondelete="CASCADE"), primary_key=True),
)

event_notices = Table(
    "event_notices", Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("notice_id", ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True),
)


class Event(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "events"

    #: Short upper-case code printed in the event's QR (/e/<code>).
    code: Mapped[str] = mapped_column(String(12), unique=True)
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind))
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), index=True)
    place_zh: Mapped[str] = mapped_column(String(200))
    place_ug: Mapped[str] = mapped_column(String(200), default="")
    place_en: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[EventStatus] = mapped_column(str_enum(EventStatus), default=EventStatus.planned)

    area = relationship("Area")
    postings = relationship("Posting", secondary=event_postings, order_by="Posting.code")
    notices = relationship("Notice", secondary=event_notices, order_by="Notice.code")

    def place_in(self, locale: str) -> str:
        """The place in ``locale``, falling back to Chinese."""
        return getattr(self, f"place_{locale}", "") or self.place_zh
