"""Employers that offer postings."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, LocalizedName, Timestamps, UUIDPrimaryKey, str_enum
from caravan.models.posting import Sector


class Employer(UUIDPrimaryKey, LocalizedName, Timestamps, Base):
    __tablename__ = "employers"

    sector: Mapped[Sector] = mapped_column(str_enum(Sector), default=Sector.other)
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")

    area = relationship("Area")
    postings = relationship("Posting", back_populates="employer")
