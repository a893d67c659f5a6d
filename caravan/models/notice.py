"""Training courses and policy notices, translated like postings."""
from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, Translated, UUIDPrimaryKey, str_enum
from caravan.models.posting import PublishStatus


class NoticeKind(enum.StrEnum):
    training = "training"
    policy = "policy"


class Notice(UUIDPrimaryKey, Timestamps, Translated, Base):
    __tablename__ = "notices"

    code: Mapped[str] = mapped_column(String(12), unique=True)
    kind: Mapped[NoticeKind] = mapped_column(str_enum(NoticeKind))
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[PublishStatus] = mapped_column(str_enum(PublishStatus), default=PublishStatus.draft)

    translations: Mapped[list[NoticeTranslation]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="NoticeTranslation.lang")
    #: A training course's sessions, earliest first (a policy notice has none).
    sessions: Mapped[list["TrainingSession"]] = relationship(  # noqa: F821 (caravan.models.training)
        back_populates="notice", cascade="all, delete-orphan",
        order_by="(TrainingSession.starts_on, TrainingSession.id)")


class NoticeTranslation(Base):
    __tablename__ = "notice_translations"
    __table_args__ = (UniqueConstraint("notice_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[str] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")

    notice: Mapped[Notice] = relationship(back_populates="translations")
