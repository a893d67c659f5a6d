"""The records behind each figure of the quarterly table (its drill-down lists), by the rules of
:mod:`caravan.services.reports`.

Each list has the same five columns: when (the event's start, or the time of an interest or a referral
step), the event's code, what (a kind, a group, a posting's code, an employer's name), the resident (the id
of their living record; never a name: the resident's own page, scoped, has the rest) and a count. A row
stands for one event, person, pair or posting and counts 1, except the rows of tallies (anonymous visitors,
services given without registering), one per event with the sum of its tallies, and the rows of openings
offered, one per posting with its openings: the counts add up to the figure, and for the other lists the
number of rows is the figure. By resident group, people reached and services list the residents' records
only (tallies have no group), one row each.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import String, cast, func, literal, null, select, union_all
from sqlalchemy.orm import aliased

from caravan.extensions import db
from caravan.models import (Area, Attendee, AttendeeGroup, CheckIn, CheckInMethod, Employer, Event, EventKind,
                            Interest, Posting, ReferralStep, Sector, ServiceGiven, Tally, TallyKind)
from caravan.models.event import event_postings
from caravan.services.paging import Paged
from caravan.services.report_breakdowns import EMPTY
from caravan.services.reports import KEYS, held_events, living
from caravan.services.scope import within

PER_PAGE = 50


@dataclass
class RecordsPage(Paged):
    """One page of a drill-down list and what the pager needs; ``total`` is the sum of the counts, and
    ``summed`` says that the figure is that sum rather than the number of rows (see SUMMED)."""

    items: list
    rows: int
    total: int
    page: int
    per_page: int = PER_PAGE
    summed: bool = False

    @property
    def counted(self) -> int:
        return self.rows


def _row(at, code, what, person, n):
    return (at.label("at"), cast(code, String).label("event"), cast(what, String).label("what"),
            cast(person, String).label("resident"), n.label("n"))


def _tallies(ids, kind: str):
    """Tallies of ``kind`` per event of ``ids``, one row per event whose tallies do not cancel out."""
    total = func.sum(Tally.count)
    return select(*_row(Event.starts_at, Event.code, literal(kind), null(), total)) \
        .join(Tally, Tally.event_id == Event.id).where(Event.id.in_(ids), Tally.kind == kind) \
        .group_by(Event.id, Event.starts_at, Event.code).having(total != 0)


def _rank(*each, at=Event.starts_at):
    """A column numbering the records of ``each`` (a person, a posting...) from the first, by ``at`` and then
    the event: with :func:`_first`, the row of each takes its time and its event from one same record (a
    min() of each, taken apart, would pair the time of one event with the code of another)."""
    return func.row_number().over(partition_by=each, order_by=(at, Event.code, Event.id)).label("rank")


def _first(query):
    """The rows of ``query`` (the five columns of :func:`_row` and a :func:`_rank`) that come first."""
    ranked = query.subquery("ranked")
    return select(ranked.c.at, ranked.c.event, ranked.c.what, ranked.c.resident, ranked.c.n) \
        .where(ranked.c.rank == 1)


#: The figures whose list has rows counting other than 1 (tallies, a posting's openings): the figure is the
#: sum of the counts, not the number of rows, and the page says both.
SUMMED = frozenset(("people", "visitors", "job_info", "training_info", "policy_advice", "openings"))

def _summed(figure: str, by: str | None) -> bool:
    """Whether the list of ``figure`` has rows counting other than 1: by group, people reached and services
    are the residents' own records, without tallies."""
    if by == "group" and figure in ("people", "job_info", "training_info", "policy_advice"):
        return False
    return figure in SUMMED


#: The values a list can be narrowed to, by breakdown of the custom table (its rows other than areas).
ROW_KEYS: dict[str, frozenset[str]] = {"kind": frozenset(k.value for k in EventKind),
                                       "group": frozenset(g.value for g in AttendeeGroup),
                                       "sector": frozenset(s.value for s in Sector)}


def records_query(figure: str, area: Area, start: datetime, end: datetime, locale: str = "zh",
                  by: str | None = None, key: str | None = None):
    """A statement listing the records behind ``figure`` (one of reports.KEYS) for ``area`` over the period:
    rows of (at, event, what, resident, n). With ``by`` and ``key``, those of one row of the custom table
    (report_breakdowns): the events of kind ``key``, the residents whose living record is of group ``key``,
    or the postings of sector ``key``; a figure that breakdown leaves empty has no list (ValueError)."""
    if figure not in KEYS:
        raise ValueError(f"unknown figure {figure!r}")
    if by is not None and (key not in ROW_KEYS.get(by, ()) or figure in EMPTY[by]):
        raise ValueError(f"no list of {figure!r} for the row {key!r} by {by!r}")
    kind = key if by == "kind" else None
    group = key if by == "group" else None
    sector = key if by == "sector" else None
    ev = held_events(area, start, end)
    ids = select(ev.c.id) if kind is None else select(ev.c.id).where(ev.c.kind == EventKind(kind))
    alive = aliased(Attendee)

    def of_group(query):
        """``query`` (over Attendee) narrowed to the residents whose living record is of ``group``."""
        if group is None:
            return query
        return query.join(alive, alive.id == living()).where(alive.group == group)

    def of_sector(query):
        """``query`` (over Posting) narrowed to the postings of ``sector``."""
        return query if sector is None else query.where(Posting.sector == sector)
    if figure in ("events", "bazaar", "job_fair"):
        query = select(*_row(Event.starts_at, Event.code, Event.kind, null(), literal(1))).where(Event.id.in_(ids))
        return query.where(Event.kind == EventKind(figure)) if figure != "events" else query
    if figure == "visits":
        return of_group(select(*_row(Event.starts_at, Event.code, literal(""), living(), literal(1)))
                        .join(CheckIn, CheckIn.event_id == Event.id)
                        .join(Attendee, Attendee.id == CheckIn.attendee_id)).where(Event.id.in_(ids)).distinct()
    if figure == "people":
        people = _first(of_group(select(*_row(Event.starts_at, Event.code, literal(""), living(), literal(1)),
                                        _rank(living()))
                                 .join(CheckIn, CheckIn.event_id == Event.id)
                                 .join(Attendee, Attendee.id == CheckIn.attendee_id)).where(Event.id.in_(ids)))
        # Anonymous visitors have no group: a group's people are its residents only.
        return people if group is not None else union_all(people, _tallies(ids, TallyKind.visitor))
    if figure == "visitors":
        return _tallies(ids, TallyKind.visitor)
    if figure in ("registrations", "rural_worker", "graduate", "other"):
        query = select(*_row(Event.starts_at, Event.code, Attendee.group, Attendee.id, literal(1)), _rank(Attendee.id)) \
            .join(CheckIn, CheckIn.event_id == Event.id).join(Attendee, Attendee.id == CheckIn.attendee_id) \
            .where(Event.id.in_(ids), CheckIn.method == CheckInMethod.register, Attendee.merged_into_id.is_(None))
        query = query.where(Attendee.group == group) if group is not None else query  # the living record's
        return _first(query.where(Attendee.group == figure) if figure != "registrations" else query)
    if figure in ("job_info", "training_info", "policy_advice"):
        given = select(*_row(Event.starts_at, Event.code, ServiceGiven.kind,
                             func.coalesce(Attendee.merged_into_id, ServiceGiven.attendee_id), literal(1))) \
            .join(ServiceGiven, ServiceGiven.event_id == Event.id) \
            .outerjoin(Attendee, Attendee.id == ServiceGiven.attendee_id) \
            .where(Event.id.in_(ids), ServiceGiven.kind == figure)
        # Tallied services (and a service given without a resident) have no group.
        return of_group(given) if group is not None else union_all(given, _tallies(ids, figure))
    if figure in ("employers", "postings", "openings"):
        shown = (event_postings.c.event_id == Event.id, Posting.id == event_postings.c.posting_id)
        if figure == "employers":
            name = func.coalesce(func.nullif(getattr(Employer, f"name_{locale}", Employer.name_zh), ""),
                                 Employer.name_zh)
            return _first(of_sector(select(*_row(Event.starts_at, Event.code, name, null(), literal(1)),
                                           _rank(Employer.id))
                                    .join(event_postings, shown[0]).join(Posting, shown[1])
                                    .join(Employer, Employer.id == Posting.employer_id)
                                    .where(Event.id.in_(ids))))
        n = Posting.openings if figure == "openings" else literal(1)
        return _first(of_sector(select(*_row(Event.starts_at, Event.code, Posting.code, null(), n), _rank(Posting.id))
                                .join(event_postings, shown[0]).join(Posting, shown[1])
                                .where(Event.id.in_(ids))))
    if figure == "interests":
        return _first(of_sector(of_group(select(*_row(Interest.device_at, Event.code, Posting.code, living(),
                                                      literal(1)),
                                                _rank(living(), Posting.id, at=Interest.device_at))
                                         .join(Interest, Interest.event_id == Event.id)
                                         .join(Attendee, Attendee.id == Interest.attendee_id))
                                .join(Posting, Posting.id == Interest.posting_id)
                                .where(Event.id.in_(ids))))
    # referred, hired: steps of the period, where the resident (their living record) lives.
    person = aliased(Attendee)
    query = select(*_row(func.min(ReferralStep.at), literal(""), Posting.code, alive.id, literal(1))) \
        .select_from(ReferralStep).join(Interest, Interest.id == ReferralStep.interest_id) \
        .join(Posting, Posting.id == Interest.posting_id).join(person, person.id == Interest.attendee_id) \
        .join(alive, alive.id == living(person)) \
        .where(ReferralStep.at >= start, ReferralStep.at < end, ReferralStep.status == figure,
               within(alive.village_id, area)).group_by(alive.id, Posting.id, Posting.code)
    return of_sector(query.where(alive.group == group) if group is not None else query)


def records_page(figure: str, area: Area, start: datetime, end: datetime, locale: str, page: int = 1,
                 per_page: int = PER_PAGE, by: str | None = None, key: str | None = None) -> RecordsPage:
    """One page of the list behind ``figure``, earliest first, with the number of rows and the sum of the
    counts. Two statements."""
    listed = records_query(figure, area, start, end, locale, by, key).subquery()
    rows, total = db.session.execute(select(func.count(), func.sum(listed.c.n))).one()
    items = db.session.execute(select(listed).order_by(listed.c.at, listed.c.event, listed.c.what, listed.c.resident)
                               .limit(per_page).offset((page - 1) * per_page)).all()
    return RecordsPage(list(items), int(rows or 0), int(total or 0), page, per_page, _summed(figure, by))


def all_records(figure: str, area: Area, start: datetime, end: datetime, locale: str,
                by: str | None = None, key: str | None = None) -> list:
    """Every row of the list behind ``figure``, for an export."""
    listed = records_query(figure, area, start, end, locale, by, key).subquery()
    return db.session.execute(select(listed).order_by(listed.c.at, listed.c.event, listed.c.what,
                                                      listed.c.resident)).all()
