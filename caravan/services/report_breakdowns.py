"""The statistics table over any period, with rows by area (the quarterly table's rows), by event kind, by
resident group or by sector of the posting.

The counting rules are those of :mod:`caravan.services.reports` (one place): the figures by area and by
event kind are the very statements of the quarterly table with another row expression; those by group and
by sector are grouped statements over the same held events and the same living records. The total row is
always the area's total of the quarterly table, so a breakdown never changes a total.

A figure that has no meaning for a breakdown is empty (None) in every row but the total, and the page says
why in a footnote: an event has no resident group, an anonymous visitor has no group, a tally or an event no
sector, a referral step (taken by the office) no event kind. By group, people reached and services count the
registered residents only (a service given to a resident has the resident's group, a tallied one none): those
rows add up to less than the total, which counts the anonymous ones too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import aliased

from caravan.extensions import db
from caravan.labels import EVENT_KINDS, GROUPS, SECTORS
from caravan.models import (Area, Attendee, CheckIn, CheckInMethod, EventKind, Interest, Posting, ReferralStatus,
                            ReferralStep, ServiceGiven)
from caravan.models.event import Event, event_postings
from caravan.services.reports import (COLUMNS, KEYS, TOTAL, Table, _add, _collect, _people_query, held_events, living,
                                      quarterly_table)
from caravan.services.scope import within

#: The breakdowns, in the order the form offers them, with their labels.
BREAKDOWNS: dict[str, object] = {"area": _l("by area"), "kind": _l("by event kind"),
                                 "group": _l("by resident group"), "sector": _l("by sector of the posting")}

#: The figures each breakdown leaves empty, and the footnote that says why.
EMPTY: dict[str, frozenset[str]] = {
    "area": frozenset(),
    "kind": frozenset({"referred", "hired"}),
    "group": frozenset({"events", "bazaar", "job_fair", "visitors", "employers", "postings", "openings"}),
    "sector": frozenset({"events", "bazaar", "job_fair", "people", "visits", "visitors", "registrations",
                         "rural_worker", "graduate", "other", "job_info", "training_info", "policy_advice"}),
}
FOOTNOTES: dict[str, object] = {
    "area": "",
    "kind": _l("Referrals are taken by the office, not at an event: they have no event kind."),
    "group": _l("Events, postings, anonymous visitors and tallied services have no resident group: people "
                "reached and services count the residents of the group only, so the rows add up to less than "
                "the total."),
    "sector": _l("Only postings have a sector: events, people and services have none."),
}

#: Figures whose total is the sum of the breakdown's rows (each record lies in one row). The others count a
#: person, a posting or an employer once in each row they appear in, and once in the total; or, by group, the
#: people reached and the services leave out the anonymous visitors and the tallied services of the total.
ADDITIVE: dict[str, frozenset[str]] = {
    "area": frozenset({"events", "bazaar", "job_fair", "visits", "visitors", "job_info", "training_info",
                       "policy_advice", "referred", "hired"}),
    "kind": frozenset({"events", "bazaar", "job_fair", "visits", "visitors", "job_info", "training_info",
                       "policy_advice"}),
    "group": frozenset({"visits", "registrations", "rural_worker", "graduate", "other", "interests",
                        "referred", "hired"}),
    "sector": frozenset({"postings", "openings", "interests", "referred", "hired"}),
}


@dataclass
class BreakdownRow:
    """One row: ``key`` the area id, kind, group or sector; ``label`` its name; figures None where empty."""

    key: str
    label: str
    figures: dict[str, int | None]
    area: Area | None = None


@dataclass
class Breakdown:
    area: Area
    start: datetime
    end: datetime
    by: str
    rows: list[BreakdownRow]
    total: dict[str, int]
    footnote: str


def _blank(by: str, figures: dict[str, int] | None = None) -> dict[str, int | None]:
    figures = figures or {}
    return {key: None if key in EMPTY[by] else int(figures.get(key, 0)) for key in KEYS}


def _by_kind(area: Area, start: datetime, end: datetime) -> dict[str, dict[str, int]]:
    """The quarterly table's statements over the check-ins and the events, rows keyed by the event's kind."""
    kind = cast(Event.kind, String)  # a plain string, so that the TOTAL row of the people query reads back
    out = _collect(area, start, end, kind, None)
    people: dict[str, dict[str, int]] = {}
    kinds = {value.value: Event.kind == value for value in EventKind}  # every event has one: none is "other"
    _add(people, db.session.execute(_people_query(area, start, end, kinds, TOTAL)))
    for key, figures in people.items():
        if key == TOTAL:
            continue
        target = out.setdefault(key, dict.fromkeys(KEYS, 0))
        for name in ("visits", "people", "rural_worker", "graduate", "other", "registrations"):
            target[name] += figures[name]
    for figures in out.values():
        figures["people"] += figures["visitors"]
    return out


def _steps(area: Area, start: datetime, end: datetime):
    """The distinct (living record, posting, status) referral steps of the period, of residents living within
    ``area``, with the living record's group and the posting's sector (as :mod:`reports` counts them)."""
    person, alive = aliased(Attendee), aliased(Attendee)
    return select(alive.id.label("person"), Interest.posting_id.label("posting"),
                  ReferralStep.status.label("status"), alive.group.label("grp"), Posting.sector.label("sector")) \
        .join(Interest, Interest.id == ReferralStep.interest_id) \
        .join(person, person.id == Interest.attendee_id).join(alive, alive.id == living(person)) \
        .join(Posting, Posting.id == Interest.posting_id) \
        .where(ReferralStep.at >= start, ReferralStep.at < end,
               ReferralStep.status.in_((ReferralStatus.referred, ReferralStatus.hired)),
               within(alive.village_id, area)).distinct().subquery()


def _by_group(area: Area, start: datetime, end: datetime) -> dict[str, dict[str, int]]:
    """Visits, residents, new registrations, services given, interests and referral steps by the living
    record's group. A service given to a resident counts each record, as in the total; tallied services and
    those given without a resident have no group."""
    out: dict[str, dict[str, int]] = {}
    ev = held_events(area, start, end)
    alive = aliased(Attendee)
    visits = select(alive.group.label("grp"), alive.id.label("person"), CheckIn.event_id.label("event")) \
        .join(ev, ev.c.id == CheckIn.event_id).join(Attendee, Attendee.id == CheckIn.attendee_id) \
        .join(alive, alive.id == living()).distinct().subquery()
    registered = select(Attendee.group.label("grp"), Attendee.id.label("person")) \
        .join(CheckIn, CheckIn.attendee_id == Attendee.id).join(ev, ev.c.id == CheckIn.event_id) \
        .where(CheckIn.method == CheckInMethod.register, Attendee.merged_into_id.is_(None)).distinct().subquery()
    interests = select(alive.group.label("grp"), alive.id.label("person"), Interest.posting_id.label("posting")) \
        .join(ev, ev.c.id == Interest.event_id).join(Attendee, Attendee.id == Interest.attendee_id) \
        .join(alive, alive.id == living()).where(Interest.in_job()).distinct().subquery()
    services = select(alive.group.label("grp"), ServiceGiven.kind.label("kind")) \
        .join(ev, ev.c.id == ServiceGiven.event_id).join(Attendee, Attendee.id == ServiceGiven.attendee_id) \
        .join(alive, alive.id == living()).subquery()
    steps = _steps(area, start, end)
    def row(group):
        return out.setdefault(str(group), dict.fromkeys(KEYS, 0))
    for group, n, persons in db.session.execute(
            select(visits.c.grp, func.count(), func.count(func.distinct(visits.c.person))).group_by(visits.c.grp)):
        row(group).update(visits=n, people=persons)
    for group, n in db.session.execute(select(registered.c.grp, func.count()).group_by(registered.c.grp)):
        row(group).update({"registrations": n, str(group): n})
    for group, kind, n in db.session.execute(
            select(services.c.grp, services.c.kind, func.count()).group_by(services.c.grp, services.c.kind)):
        row(group)[str(kind)] = n
    for group, n in db.session.execute(select(interests.c.grp, func.count()).group_by(interests.c.grp)):
        row(group)["interests"] = n
    for group, status, n in db.session.execute(
            select(steps.c.grp, steps.c.status, func.count()).group_by(steps.c.grp, steps.c.status)):
        row(group)[str(status)] = n
    return out


def _by_sector(area: Area, start: datetime, end: datetime) -> dict[str, dict[str, int]]:
    """Postings shown, their employers and openings, interests and referral steps by the posting's sector."""
    out: dict[str, dict[str, int]] = {}
    ev = held_events(area, start, end)
    shown = select(Posting.id.label("posting"), Posting.employer_id.label("employer"),
                   Posting.openings.label("openings"), Posting.sector.label("sector")) \
        .join(event_postings, event_postings.c.posting_id == Posting.id) \
        .join(ev, ev.c.id == event_postings.c.event_id).distinct().subquery()
    interests = select(Posting.sector.label("sector"), living().label("person"), Interest.posting_id.label("posting")) \
        .join(ev, ev.c.id == Interest.event_id).join(Attendee, Attendee.id == Interest.attendee_id) \
        .join(Posting, Posting.id == Interest.posting_id).distinct().subquery()
    steps = _steps(area, start, end)
    for sector, postings, employers, openings in db.session.execute(
            select(shown.c.sector, func.count(), func.count(func.distinct(shown.c.employer)),
                   func.sum(shown.c.openings)).group_by(shown.c.sector)):
        out[str(sector)] = dict.fromkeys(KEYS, 0) | {"postings": postings, "employers": employers,
                                                     "openings": int(openings or 0)}
    for sector, n in db.session.execute(select(interests.c.sector, func.count()).group_by(interests.c.sector)):
        out.setdefault(str(sector), dict.fromkeys(KEYS, 0))["interests"] += n
    for sector, status, n in db.session.execute(
            select(steps.c.sector, steps.c.status, func.count()).group_by(steps.c.sector, steps.c.status)):
        out.setdefault(str(sector), dict.fromkeys(KEYS, 0))[str(status)] += n
    return out


def breakdown(area: Area, start: datetime, end: datetime, by: str, locale: str) -> Breakdown:
    """The table of ``area`` over [start, end) with rows ``by`` area, kind, group or sector (labels in
    ``locale``), and the area's total. Rows of a kind, group or sector are listed whether or not they count
    anything, so that a file has the same rows from one period to the next."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    table: Table = quarterly_table(area, start, end)
    total = dict(table.total.figures)
    if by == "area":
        rows = [BreakdownRow(row.area.code, row.area.name_in(locale), _blank(by, row.figures), row.area)
                for row in table.rows]
        return Breakdown(area, start, end, by, rows, total, "")
    labels = {"kind": EVENT_KINDS, "group": GROUPS, "sector": SECTORS}[by]
    counted = {"kind": _by_kind, "group": _by_group, "sector": _by_sector}[by](area, start, end)
    rows = [BreakdownRow(key, str(label), _blank(by, counted.get(key))) for key, label in labels.items()]
    return Breakdown(area, start, end, by, rows, total, str(FOOTNOTES[by]))


#: The heading of the first column, by breakdown.
ROW_HEADINGS: dict[str, object] = {"area": _l("area"), "kind": _l("event kind"), "group": _l("resident group"),
                                   "sector": _l("sector")}


def breakdown_rows(table: Breakdown, total_label: str) -> tuple[list[str], list[list]]:
    """The table as a header and rows for CSV and XLSX: numbers as ints, None (an empty cell) where a figure
    has no meaning for the breakdown. Call it within the locale of the file."""
    header = [str(ROW_HEADINGS[table.by])] + [str(heading) for _key, heading in COLUMNS]
    rows = [[row.label] + [row.figures[key] for key in KEYS] for row in table.rows]
    rows.append([total_label] + [table.total[key] for key in KEYS])
    return header, rows
