"""Village notice boards: each time staff put a fresh bulletin up on a village's (or township's) board."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, UTCDateTime, utcnow


class BoardRefresh(Base):
    """One refresh of an area's notice board: which board, the local day it was done, who recorded it."""

    __tablename__ = "board_refreshes"
    __table_args__ = (Index("ix_board_refreshes_area_day", "area_id", "refreshed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"))
    #: The county's local day the board was refreshed (never in the future).
    refreshed_on: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    area = relationship("Area")
    user = relationship("User")
