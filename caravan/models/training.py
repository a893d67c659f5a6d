"""Sessions of a training course: a notice of kind training is held in one or more sessions.

A session has its dates (local calendar days, as the county announces them), a place (in Chinese, and in
Uyghur and English where given, like an event's), the seats it offers
and the language it is taught in. Its area is where it is held: the office users of that area (and above)
keep it, while the course itself (the notice) is county-wide like every notice.
"""
from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, UUIDPrimaryKey, str_enum

#: Most seats one session may offer (a hall, not a stadium: a bigger number is a typing mistake).
MAX_SEATS = 1000


class InstructionLanguage(enum.StrEnum):
    zh = "zh"
    ug = "ug"
    bilingual = "bilingual"  #: Chinese and Uyghur
    en = "en"


class TrainingSession(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "training_sessions"
    __table_args__ = (
        CheckConstraint(f"seats >= 1 AND seats <= {MAX_SEATS}", name="seats_range"),
        CheckConstraint("ends_on >= starts_on", name="dates_order"),
    )

    notice_id: Mapped[str] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    #: Where it is held (a township or village); None for the county's own sessions.
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    place_zh: Mapped[str] = mapped_column(String(200))
    place_ug: Mapped[str] = mapped_column(String(200), default="")
    place_en: Mapped[str] = mapped_column(String(200), default="")
    seats: Mapped[int] = mapped_column(Integer)
    language: Mapped[InstructionLanguage] = mapped_column(str_enum(InstructionLanguage))

    notice = relationship("Notice", back_populates="sessions")
    area = relationship("Area")

    def place_in(self, locale: str) -> str:
        """The place in ``locale``, falling back to Chinese (as an event's)."""
        return getattr(self, f"place_{locale}", "") or self.place_zh
