"""The employer demand survey: rounds set by the office, and the visits that staff record in them.

A visit's vacancy lines are rows of their own (not a JSON column): each line may become a draft posting, and
the line keeps the link to it (a foreign key the database holds true), so the visit's page shows which lines
are already postings and a second press of "create draft postings" makes none twice.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, Timestamps, UTCDateTime, UUIDPrimaryKey, str_enum, utcnow
from caravan.models.posting import WageUnit


class SurveyRound(UUIDPrimaryKey, Timestamps, Base):
    """A round of visits to every employer of an area within a period (e.g. the first half of 2027)."""

    __tablename__ = "survey_rounds"

    name: Mapped[str] = mapped_column(String(200))
    #: Every employer within this area is to be visited.
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)

    area = relationship("Area")
    visits: Mapped[list[EmployerVisit]] = relationship(back_populates="round", order_by="EmployerVisit.visited_on")


class EmployerVisit(UUIDPrimaryKey, Base):
    """One visit to an employer in a round: who was met, the vacancies now, plans, training needs.

    The id is made by the client (a tablet's record id crosses sync unchanged); the web form makes one too.
    """

    __tablename__ = "employer_visits"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_rounds.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    #: The staff member(s) who made the visit, as they sign.
    staff_name: Mapped[str] = mapped_column(String(100))
    #: The employer's contact for work matters (a business contact, not a resident's data).
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    #: How many people the employer plans to hire in the next six months (None: not known).
    planned_hires: Mapped[int | None] = mapped_column(Integer)
    plans: Mapped[str] = mapped_column(Text, default="")
    training_needs: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Who recorded it: an office user (web form) or a tablet (sync).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"))
    #: From a tablet (as every field record has them): its counter, its clock, the staff member signed in
    #: on it, and when the server received it. None for a visit recorded on the web form.
    device_seq: Mapped[int | None] = mapped_column(Integer)
    device_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    round: Mapped[SurveyRound] = relationship(back_populates="visits")
    employer = relationship("Employer")
    user = relationship("User", foreign_keys="EmployerVisit.user_id")
    vacancies: Mapped[list[VisitVacancy]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitVacancy.position")


class VisitVacancy(Base):
    """A line of a visit: vacancies now in one occupation."""

    __tablename__ = "visit_vacancies"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("employer_visits.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    occupation: Mapped[str] = mapped_column(String(100))
    count: Mapped[int] = mapped_column(Integer)
    #: Wages in whole yuan per ``wage_unit``.
    wage_min: Mapped[int | None] = mapped_column(Integer)
    wage_max: Mapped[int | None] = mapped_column(Integer)
    wage_unit: Mapped[WageUnit] = mapped_column(str_enum(WageUnit), default=WageUnit.month)
    requirements: Mapped[str] = mapped_column(Text, default="")
    #: The draft posting made from this line, if any.
    posting_id: Mapped[str | None] = mapped_column(ForeignKey("postings.id", ondelete="SET NULL"))

    visit: Mapped[EmployerVisit] = relationship(back_populates="vacancies")
    posting = relationship("Posting")
