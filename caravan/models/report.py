"""Statistics tables the office has submitted to the region, kept as they were sent."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, UTCDateTime, utcnow


class SubmittedReport(Base):
    """One submission of an area's table for a period. A period may be submitted again (a correction); the
    latest submission is the one the page compares today's figures with."""

    __tablename__ = "submitted_reports"
    __table_args__ = (Index("ix_submitted_reports_area_period", "area_id", "kind", "year", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"))
    #: ``quarterly`` for now (half-year and annual summaries later).
    kind: Mapped[str] = mapped_column(String(16), default="quarterly")
    year: Mapped[int] = mapped_column(Integer)
    #: The quarter (1 to 4) of a quarterly table.
    period: Mapped[int] = mapped_column(Integer)
    #: Row code (an area's code, or ``total``) -> column key -> figure, exactly as submitted. Counts only.
    figures: Mapped[dict] = mapped_column(JSON)
    #: SHA-256 of the figures in canonical JSON (sorted keys, no spaces): shows they were not changed since.
    digest: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    area = relationship("Area")
    user = relationship("User")


class ReportNarrative(Base):
    """What the office writes into a half-year or annual summary of an area: work done, problems, plans.
    One per area and period; the figures themselves are counted from the records, never stored here."""

    __tablename__ = "report_narratives"
    __table_args__ = (UniqueConstraint("area_id", "year", "period", name="uq_report_narratives_area_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"))
    year: Mapped[int] = mapped_column(Integer)
    #: ``half`` (January to June) or ``year`` (January to December).
    period: Mapped[str] = mapped_column(String(8))
    work_done: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    plans: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    area = relationship("Area")
    updated_by = relationship("User")
