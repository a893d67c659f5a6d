"""Duplicate registrations: merges the office made (and may undo), and pairs it judged not the same person."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, UTCDateTime, utcnow


class Merge(Base):
    """One registration merged into another, with exactly what moved, so that an undo can move it back.

    ``moved`` holds ids only: ``{"checkins": [...], "services": [...], "interests": [...], "closed":
    [{"id", "status", "status_at", "step_id"}], "filled": [field names], "alerts": [subscription ids],
    "alerts_both": bool}``: the rows moved from the merged record to the kept one, the open interests the
    merge closed (with what they were), the empty fields of the kept record it filled from the other, the
    alert subscription it moved, and whether both had one (none moved then). Older merges lack the last two.
    """

    __tablename__ = "merges"
    __table_args__ = (
        # A merged record has one merge in force; its record page and the undo look it up by the record.
        Index("uq_merges_merged_id_active", "merged_id", unique=True,
              sqlite_where=text("undone_at IS NULL"), postgresql_where=text("undone_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), index=True)
    merged_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    moved: Mapped[dict] = mapped_column(JSON, default=dict)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    kept = relationship("Attendee", foreign_keys=[kept_id])
    merged = relationship("Attendee", foreign_keys=[merged_id])
    user = relationship("User", foreign_keys=[user_id])


class DuplicateDismissal(Base):
    """A pair of registrations the office judged not to be the same person: not suggested again.
    The pair is kept in id order (``first_id`` < ``second_id``)."""

    __tablename__ = "duplicate_dismissals"
    __table_args__ = (UniqueConstraint("first_id", "second_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"))
    second_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
