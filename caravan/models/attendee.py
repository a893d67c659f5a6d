"""Residents who chose to register. Minimal by design: no ID numbers, no ethnicity, no religion."""
from __future__ import annotations

import enum
import unicodedata
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from caravan.models.base import Base, Timestamps, UTCDateTime, UUIDPrimaryKey, str_enum


class AttendeeGroup(enum.StrEnum):
    rural_worker = "rural_worker"
    graduate = "graduate"
    other = "other"


class ConsentChannel(enum.StrEnum):
    tablet = "tablet"      #: registered by staff at a stall
    self = "self"          #: registered on their own phone
    office = "office"      #: registered at the county office


#: Letters that Uyghur writers type in more than one way (Arabic, Persian and Uyghur code points that look
#: alike), folded to one: yeh forms, keheh, heh and ae.
_LETTER_FOLD = str.maketrans({"\u064a": "\u0649", "\u06cc": "\u0649", "\u06a9": "\u0643", "\u0647": "\u06d5"})
#: Left out of a name key: the hamza carrier that starts a Uyghur vowel (often omitted), the tatweel.
_DROPPED = {"\u0626", "\u0640"}


def name_key(name: str | None) -> str:
    """``name`` as the duplicate search compares it: compatibility forms folded (Arabic presentation
    forms, full-width letters), lower case, no spaces, punctuation, marks or joiners, Uyghur letter
    variants folded. Kept in ``attendees.name_key`` so that the database can group by it."""
    text = unicodedata.normalize("NFKC", name or "").casefold().translate(_LETTER_FOLD)
    return "".join(ch for ch in text if ch not in _DROPPED and unicodedata.category(ch)[0] in "LN")[:100]


def phone_key(phone: str | None) -> str | None:
    """The digits of ``phone``, without China's country code before a mobile number; None without one."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits or None


def _key_default(column: str, key):
    """A column default for a Core insert (sync's bulk insert) that names no key: made from ``column``."""
    return lambda context: key(context.get_current_parameters().get(column))


class Attendee(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "attendees"
    __table_args__ = (
        # The duplicate search groups living residents by these (services.duplicates).
        Index("ix_attendees_village_id_name_key", "village_id", "name_key"),
        Index("ix_attendees_phone_key", "phone_key"),
        # The statistics table looks up each check-in's resident for its living record and group: from the
        # index alone (SQLite has no hash join: a million lookups, each one read of the table fewer).
        Index("ix_attendees_id_merged_into_id_group", "id", "merged_into_id", "group"),
    )

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

    #: :func:`name_key` of the name, and :func:`phone_key` of the phone: set with them.
    name_key: Mapped[str] = mapped_column(String(100), default=_key_default("name", name_key))
    phone_key: Mapped[str | None] = mapped_column(String(32), default=_key_default("phone", phone_key))

    village = relationship("Area")
    merged_into = relationship("Attendee", remote_side="Attendee.id")

    @validates("name", "phone")
    def _keep_keys(self, field: str, value):
        """Keep the comparison keys with the name and phone, however they are set."""
        if field == "name":
            self.name_key = name_key(value)
        else:
            self.phone_key = phone_key(value)
        return value
