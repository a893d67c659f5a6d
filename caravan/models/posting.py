"""Job postings and their translations."""
from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, Translated, UUIDPrimaryKey, str_enum


class Sector(enum.StrEnum):
    agriculture = "agriculture"
    manufacturing = "manufacturing"
    construction = "construction"
    services = "services"
    logistics = "logistics"
    retail = "retail"
    health = "health"
    education = "education"
    other = "other"


class WageUnit(enum.StrEnum):
    hour = "hour"
    day = "day"
    month = "month"
    piece = "piece"


class PublishStatus(enum.StrEnum):
    draft = "draft"
    published = "published"
    closed = "closed"


class Posting(UUIDPrimaryKey, Timestamps, Translated, Base):
    __tablename__ = "postings"

    #: Short upper-case code printed in the posting's QR (/j/<code>).
    code: Mapped[str] = mapped_column(String(12), unique=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    sector: Mapped[Sector] = mapped_column(str_enum(Sector), default=Sector.other)
    openings: Mapped[int] = mapped_column(Integer, default=1)
    #: Wages in whole yuan per ``wage_unit``.
    wage_min: Mapped[int | None] = mapped_column(Integer)
    wage_max: Mapped[int | None] = mapped_column(Integer)
    wage_unit: Mapped[WageUnit] = mapped_column(str_enum(WageUnit), default=WageUnit.month)
    #: The area where the work is.
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    housing: Mapped[bool] = mapped_column(Boolean, default=False)
    meals: Mapped[bool] = mapped_column(Boolean, default=False)
    transport: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[PublishStatus] = mapped_column(str_enum(PublishStatus), default=PublishStatus.draft)
    #: Whom the office calls about referrals to this posting (a site's own hiring contact); empty: the
    #: employer's contact.
    contact_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="", server_default="")

    employer = relationship("Employer", back_populates="postings")
    area = relationship("Area")
    translations: Mapped[list[PostingTranslation]] = relationship(
        back_populates="posting", cascade="all, delete-orphan", order_by="PostingTranslation.lang")


class PostingTranslation(Base):
    __tablename__ = "posting_translations"
    __table_args__ = (UniqueConstraint("posting_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[str] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[str] = mapped_column(Text, default="")
    work_place: Mapped[str] = mapped_column(String(200), default="")

    posting: Mapped[Posting] = relationship(back_populates="translations")
