"""Job fairs: the employers that take part in a job-fair event, at which booth, in which zone; and the
tablets' records of their arrival on the day."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.attendee import AttendeeGroup
from caravan.models.base import Base, Timestamps, UTCDateTime, UUIDPrimaryKey, str_enum
from caravan.models.records import FieldRecord


class ParticipantStatus(enum.StrEnum):
    invited = "invited"
    confirmed = "confirmed"


class FairParticipant(UUIDPrimaryKey, Timestamps, Base):
    """One employer at one job fair. The booth is unique within the fair when given (NULL when not yet
    allotted, so several employers may wait for one). The zone is the part of the fair set aside for a
    resident group (e.g. graduates); none means the general hall."""

    __tablename__ = "fair_participants"
    __table_args__ = (
        UniqueConstraint("event_id", "employer_id", name="uq_fair_participants_employer"),
        UniqueConstraint("event_id", "booth", name="uq_fair_participants_booth"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    status: Mapped[ParticipantStatus] = mapped_column(str_enum(ParticipantStatus),
                                                      default=ParticipantStatus.invited)
    booth: Mapped[str | None] = mapped_column(String(12))
    zone: Mapped[AttendeeGroup | None] = mapped_column(str_enum(AttendeeGroup))
    #: When the employer was seen at their booth on the day (None: not yet, or not recorded).
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    #: ``Event.fair_participants``: the fair's employers, for the tablets' pull (one query per page).
    event = relationship("Event", backref="fair_participants")
    employer = relationship("Employer")


class FairArrival(FieldRecord, Base):
    """A tablet saw an employer arrive at its booth (``device_at``). Append-only like every field record;
    the first arrival of an employer at a fair sets :attr:`FairParticipant.arrived_at`."""

    __tablename__ = "fair_arrivals"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"))
