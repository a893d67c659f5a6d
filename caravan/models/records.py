"""Append-only field records made on tablets (or online) and delivered through sync.

Each carries the UUID the tablet gave it, the device, the device's sequence number and clock, and the
time the server received it. They are never updated in place; the office's follow-up of an interest is
kept in :class:`ReferralStep` rows.
"""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Text, text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from caravan.models.base import Base, UTCDateTime, UUIDStr, str_enum, utcnow


class CheckInMethod(enum.StrEnum):
    scan = "scan"
    manual = "manual"
    register = "register"


class ServiceKind(enum.StrEnum):
    job_info = "job_info"
    training_info = "training_info"
    policy_advice = "policy_advice"


class TallyKind(enum.StrEnum):
    visitor = "visitor"
    job_info = "job_info"
    training_info = "training_info"
    policy_advice = "policy_advice"


class ReferralStatus(enum.StrEnum):
    interested = "interested"
    referred = "referred"
    interviewed = "interviewed"
    hired = "hired"
    withdrawn = "withdrawn"
    # A training course's follow-up (an interest in a notice): interested -> enrolled -> completed, or dropped.
    enrolled = "enrolled"
    completed = "completed"
    dropped = "dropped"


class FieldRecord:
    """Columns every field record shares."""

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    #: The tablet that made it; None for records made online (office, resident's phone).
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), index=True)
    #: The tablet's own increasing counter.
    device_seq: Mapped[int | None] = mapped_column(Integer)
    #: The tablet's clock when the record was made.
    device_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The staff member signed in on the tablet when it was made; None for records from tablet apps that
    #: did not name one yet. (Indexed together with the event where it is counted: see ``_event_staff``.)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    @declared_attr
    def device(cls):
        return relationship("Device")


def _event_staff(table: str) -> Index:
    """The index the office's "staff at this event" counts read: an event's records by staff member."""
    return Index(f"ix_{table}_event_id_staff_id", "event_id", "staff_id")


class CheckIn(FieldRecord, Base):
    __tablename__ = "checkins"
    __table_args__ = (
        _event_staff("checkins"),
        # A township's residents include everyone checked in at its events, and the statistics table reads the
        # check-ins of its events with their method: both from the index alone.
        Index("ix_checkins_event_id_attendee_id_method", "event_id", "attendee_id", "method"),
        # The dashboard's months and days: a county's check-ins of a period, or an area's events' ones.
        Index("ix_checkins_device_at", "device_at"),
        Index("ix_checkins_event_id_device_at", "event_id", "device_at"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), index=True)
    method: Mapped[CheckInMethod] = mapped_column(str_enum(CheckInMethod))

    event = relationship("Event")
    attendee = relationship("Attendee")


class ServiceGiven(FieldRecord, Base):
    __tablename__ = "services_given"
    #: By time too: the dashboard compares this month's services with last month's.
    __table_args__ = (_event_staff("services_given"), Index("ix_services_given_device_at", "device_at"))

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    attendee_id: Mapped[str | None] = mapped_column(ForeignKey("attendees.id"), index=True)
    kind: Mapped[ServiceKind] = mapped_column(str_enum(ServiceKind))
    posting_id: Mapped[str | None] = mapped_column(ForeignKey("postings.id"))
    notice_id: Mapped[str | None] = mapped_column(ForeignKey("notices.id"))


#: A tally counts 1 to 1000; one that cancels another (an undone tap already sent) counts -1000 to -1.
TALLY_COUNT_SQL = ("(cancels_id IS NULL AND count > 0 AND count <= 1000) OR "
                   "(cancels_id IS NOT NULL AND count < 0 AND count >= -1000)")


class Tally(FieldRecord, Base):
    """Anonymous visitors served without registering: a count, never a person. A tap undone on the tablet
    after it was sent is cancelled by a second tally with the negative count, so sums stay right and
    nothing is changed in place."""

    __tablename__ = "tallies"
    __table_args__ = (CheckConstraint(TALLY_COUNT_SQL, name="count_range"), _event_staff("tallies"))

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    kind: Mapped[TallyKind] = mapped_column(str_enum(TallyKind))
    count: Mapped[int] = mapped_column(Integer, default=1)
    #: The tally this one cancels (then ``count`` is its negative); None for a plain tally.
    cancels_id: Mapped[str | None] = mapped_column(ForeignKey("tallies.id"), index=True)


#: When an interest in a posting is open: until it is withdrawn (a hired one stays open: saying "I'm
#: interested" again adds nothing). SQL text, because the partial unique index below needs it in this form
#: on both databases.
INTEREST_OPEN_SQL = "status <> 'withdrawn'"
#: The same for an interest in a training course: open until dropped (a completed one stays open). A posting
#: interest is never dropped and a course interest never withdrawn (services.referrals holds that rule), so
#: each index may name only its own closing status.
COURSE_INTEREST_OPEN_SQL = "status <> 'dropped'"
#: An interest is in exactly one thing: a posting or a training course (a notice).
INTEREST_SUBJECT_SQL = "(posting_id IS NULL) <> (notice_id IS NULL)"


def _status_at_default(context):
    """A new interest's latest step is its first, made when the interest was (the device's time), also
    for rows inserted in bulk by sync."""
    return context.get_current_parameters().get("device_at") or utcnow()


class Interest(FieldRecord, Base):
    """A resident's interest in a posting or in a training course; the office follows it up as a referral.

    A resident has at most one open interest in a posting (or course), however it arrives (their phone, a
    tablet, the office): the database holds that rule with partial unique indexes.
    """

    __tablename__ = "interests"
    __table_args__ = (
        Index("uq_interests_open_attendee_posting", "attendee_id", "posting_id", unique=True,
              sqlite_where=text(INTEREST_OPEN_SQL), postgresql_where=text(INTEREST_OPEN_SQL)),
        Index("uq_interests_open_attendee_notice", "attendee_id", "notice_id", unique=True,
              sqlite_where=text(COURSE_INTEREST_OPEN_SQL), postgresql_where=text(COURSE_INTEREST_OPEN_SQL)),
        CheckConstraint(INTEREST_SUBJECT_SQL, name="one_subject"),
        _event_staff("interests"),
        # The referral queue: open ones, the longest without a step first.
        Index("ix_interests_status_status_at", "status", "status_at"),
        # ... and in its order (several statuses at once): the first page is read without sorting them all.
        Index("ix_interests_status_at_id", "status_at", "id"),
    )

    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendees.id"), index=True)
    #: The posting, or (for a training course) None and ``notice_id`` set: exactly one of the two.
    posting_id: Mapped[str | None] = mapped_column(ForeignKey("postings.id"), index=True)
    notice_id: Mapped[str | None] = mapped_column(ForeignKey("notices.id"), index=True)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"))
    #: For a course: the session the office enrolled the resident in (set on the "enrolled" step, kept after).
    session_id: Mapped[str | None] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    #: The latest step of the follow-up, kept here for listing; the history is in referral_steps.
    status: Mapped[ReferralStatus] = mapped_column(
        str_enum(ReferralStatus), default=ReferralStatus.interested)
    #: When the latest step was taken, kept here for the queue's order and overdue flag (the steps hold
    #: the history). A new interest's is its own time; services.referrals.take_step moves it on.
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=_status_at_default)

    attendee = relationship("Attendee")
    posting = relationship("Posting")
    notice = relationship("Notice")
    session = relationship("TrainingSession")
    steps: Mapped[list[ReferralStep]] = relationship(
        back_populates="interest", order_by="ReferralStep.at", cascade="all, delete-orphan")

    @classmethod
    def is_open(cls):
        """A SQL condition: the interest is open (see :data:`INTEREST_OPEN_SQL`)."""
        return cls.status.notin_((ReferralStatus.withdrawn, ReferralStatus.dropped))

    @classmethod
    def in_job(cls):
        """A SQL condition: an interest in a job posting. Every "interests" figure of jobs counts these only;
        interests in training courses (:meth:`in_course`) are a figure of their own."""
        return cls.posting_id.is_not(None)

    @classmethod
    def in_course(cls):
        """A SQL condition: an interest in a training course (a notice), not in a job posting."""
        return cls.notice_id.is_not(None)

    @property
    def is_course(self) -> bool:
        """Whether this is an interest in a training course (a notice) rather than in a posting."""
        return self.notice_id is not None


class ReferralStep(Base):
    __tablename__ = "referral_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    interest_id: Mapped[str] = mapped_column(ForeignKey("interests.id", ondelete="CASCADE"), index=True)
    status: Mapped[ReferralStatus] = mapped_column(str_enum(ReferralStatus))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    interest: Mapped[Interest] = relationship(back_populates="steps")
    #: The office user who took the step (None for the first step, made by the resident or a tablet).
    user = relationship("User")
