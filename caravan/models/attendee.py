"""Residents who chose to register. Minimal by design: no ID numbers, no ethnicity, no religion."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, UTCDateTime, UUIDPrimaryKey, str_enum


class AttendeeGroup(enum.StrEnum):
    rural_worker = "rural_worker"
    graduate = "graduate"
    other = "other"


class ConsentChannel(enum.StrEnum):
    tablet = "tablet"      #: registered by staff at a stall
    self = "self"          #: registered on their own phone
    office = "office"      #: registered at the county office


class Attendee(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "attendees"

    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32))
    village_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    group: Mapped[AttendeeGroup] = mapped_column(str_enum(AttendeeGroup))
    skills: Mapped[str] = mapped_column(Text, default="")
    wishes: Mapped[str] = mapped_column(Text, default="")
    #: Indexed: the office lists residents newest registration first and filters by registration period.
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    consent_version: Mapped[str] = mapped_column(String(32))
    consent_channel: Mapped[ConsentChannel] = mapped_column(str_enum(ConsentChannel))
    #: The secret in the resident's pass QR (/p/<token>): at least 128 random bits.
    pass_token: Mapped[str] = mapped_column(String(64), unique=True)
    #: Set when the office merges a duplicate registration into another record.
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("attendees.id"))
    #: Set when the record was anonymised at the resident's request.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The tablet that registered the person, if any (indexed: every push's receipt counts that tablet's).
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), index=True)
    #: For a registration made on a tablet: the tablet's sequence number and clock when it was made.
    device_seq: Mapped[int | None] = mapped_column(Integer)
    device_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The staff member who registered the person on a tablet (None from older tablet apps and online).
    #: Not indexed: it is read through the registration's check-in, by attendee id.
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    village = relationship("Area")
    merged_into = relationship("Attendee", remote_side="Attendee.id")
