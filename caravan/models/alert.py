"""Opt-in job alerts: a resident's subscription and the SMS outbox that carries the alerts.

The outbox holds no phone number: the sender reads it from the resident's record at send time, so a
resident erased (or whose phone was removed) after a message was queued is sent nothing.
"""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, UTCDateTime, UUIDPrimaryKey, str_enum, utcnow


class AlertSubscription(Base):
    """One resident's wish to be told of new postings by SMS (one row per resident, kept when they opt
    out so that the opt-out time is known; removed when they are erased)."""

    __tablename__ = "alert_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), unique=True)
    #: Sector values separated by spaces; empty: every sector.
    sectors: Mapped[str] = mapped_column(String(200), default="")
    #: Township area ids separated by spaces; empty: the whole county.
    townships: Mapped[str] = mapped_column(String(2000), default="")
    #: The language of the messages (the pass page's language when the resident opted in).
    lang: Mapped[str] = mapped_column(String(8))
    #: A random code of its own in the opt-out link of every message (/a/<token>): it can only stop the
    #: alerts, so a message seen by the gateway or on a shared phone does not open the resident's pass.
    optout_token: Mapped[str] = mapped_column(String(32), unique=True)
    #: When the resident ticked "send me job alerts" (again, after an opt-out).
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Set when the resident stopped the alerts; None while they are on.
    opted_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attendee = relationship("Attendee")

    @property
    def active(self) -> bool:
        return self.opted_out_at is None

    @property
    def sector_list(self) -> list[str]:
        return self.sectors.split()

    @property
    def township_list(self) -> list[str]:
        return self.townships.split()


class SmsStatus(enum.StrEnum):
    queued = "queued"      #: waiting for its first attempt (or for tomorrow, past the daily limit)
    sent = "sent"          #: the gateway accepted it
    failed = "failed"      #: an attempt failed; another follows at ``next_attempt_at``
    gave_up = "gave_up"    #: no more attempts (too many failures, no phone, posting closed)


class SmsMessage(UUIDPrimaryKey, Base):
    """One alert for one resident about one posting; its UUID goes to the gateway so that a message
    resent after a lost answer can be recognised there."""

    __tablename__ = "sms_outbox"
    __table_args__ = (
        UniqueConstraint("attendee_id", "posting_id"),  # one alert per person and posting, ever
        Index("ix_sms_outbox_status_next_attempt_at", "status", "next_attempt_at"),
    )

    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"))
    posting_id: Mapped[str] = mapped_column(ForeignKey("postings.id"), index=True)
    text: Mapped[str] = mapped_column(String(500))
    status: Mapped[SmsStatus] = mapped_column(str_enum(SmsStatus), default=SmsStatus.queued)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: A short code (``http_500``, ``timeout``, ``no_phone``), never a number, a text or a gateway's answer.
    last_error: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attendee = relationship("Attendee")
    posting = relationship("Posting")
