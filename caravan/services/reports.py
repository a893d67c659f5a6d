"""The statistics table the county sends its region every quarter, built from the field records.

Rows are the areas one level below the chosen one (townships of a county, villages of a township), a row for
the chosen area itself when it has events of its own, and a total. The total is counted over the whole area,
not added up: a person who came to events in two townships is one person reached in the county.

Counting rules (one place; the page, the CLI, the exports and the drill-down lists use them):

- The period is the quarter in the county's time zone (``app_zone``), as UTC instants [start, end).
- Event figures come from the *held* events of the period: not cancelled, starting within the period and by
  now (an event under way counts; one still to come does not, though the current quarter contains it), in
  the row's area. Everything recorded at such an event counts with it (a tablet that synced late adds to the
  quarter of its event, not to the quarter it synced in).
- Residents are counted by their living record: a merged duplicate (``merged_into_id``) counts as the record
  it was merged into, so a person counts once. Erased residents still count (their records stay, anonymous).
- events, bazaar-day events, job fairs: the held events, and those of each kind.
- people reached: distinct residents checked in + anonymous visitors (``visitor`` tallies).
- visits: distinct (resident, event) pairs; a person scanned twice at one event is one visit (the event
  results page counts check-in records instead, a tablet's figure for the day).
- new registrations (rural workers, graduates, other): residents registered at the events (a ``register``
  check-in) whose record is not a merged duplicate (the person registered once, as the living record).
- job information, training information, policy advice: services given + tallies of that kind.
- employers taking part, postings shown, openings offered: distinct postings shown at the events, their
  employers, and the sum of their openings.
- interests: distinct (resident, posting) interests made at the events.
- referred, hired: distinct (resident, posting) referral steps of that status taken within the period; they
  are counted where the resident lives (their village), since the office, not an event, takes them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, literal, select, union_all
from sqlalchemy.orm import aliased

from caravan.extensions import db
from caravan.models import (Area, Attendee, AttendeeGroup, CheckIn, CheckInMethod, Event, EventKind, EventStatus,
                            Interest, Posting, ReferralStatus, ReferralStep, ServiceGiven, Tally, TallyKind)
from caravan.models.base import utcnow
from caravan.models.event import event_postings
from caravan.services.scope import within

#: The table's columns after ``area``: key and English heading (exactly as the issue names them).
COLUMNS: list[tuple[str, object]] = [
    ("events", _l("events")),
    ("bazaar", _l("bazaar-day events")),
    ("job_fair", _l("job fairs")),
    ("people", _l("people reached")),
    ("visits", _l("visits")),
    ("visitors", _l("anonymous visitors")),
    ("registrations", _l("new registrations")),
    ("rural_worker", _l("rural workers")),
    ("graduate", _l("graduates")),
    ("other", _l("other")),
    ("job_info", _l("job information")),
    ("training_info", _l("training information")),
    ("policy_advice", _l("policy advice")),
    ("employers", _l("employers taking part")),
    ("postings", _l("postings shown")),
    ("openings", _l("openings offered")),
    ("interests", _l("interests")),
    ("referred", _l("referred")),
    ("hired", _l("hired")),
]
KEYS = [key for key, _heading in COLUMNS]
AREA_HEADING = _l("area")
TOTAL = "total"


@dataclass
class Row:
    """One row of the table: ``key`` is the area's id (or TOTAL), ``area`` None for the total."""

    key: str
    area: Area | None
    figures: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KEYS, 0))


@dataclass
class Table:
    area: Area
    start: datetime
    end: datetime
    rows: list[Row]
    total: Row

    def figures(self) -> dict[str, dict[str, int]]:
        """Every figure by row key (area code, or TOTAL) and column, for keeping and comparing."""
        out = {(row.area.code if row.area is not None else TOTAL): dict(row.figures) for row in self.rows}
        out[TOTAL] = dict(self.total.figures)
        return out


def date_bounds(first: date, last: date, zone) -> tuple[datetime, datetime]:
    """The UTC instants [start, end) of the local days ``first`` to ``last`` (both included) in ``zone``: any
    period of the table is such a range; a quarter is one case of it."""
    if last < first:
        raise ValueError("the last day comes before the first")
    start = datetime(first.year, first.month, first.day, tzinfo=zone)
    after = last + timedelta(days=1)
    end = datetime(after.year, after.month, after.day, tzinfo=zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def quarter_dates(year: int, quarter: int) -> tuple[date, date]:
    """The first and last local day of ``quarter`` (1-4) of ``year``."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1 to 4")
    after = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return date(year, 3 * quarter - 2, 1), after - timedelta(days=1)


def quarter_bounds(year: int, quarter: int, zone) -> tuple[datetime, datetime]:
    """The UTC instants where ``quarter`` (1-4) of ``year`` begins and ends in ``zone``."""
    return date_bounds(*quarter_dates(year, quarter), zone)


def row_areas(area: Area) -> list[Area]:
    """The areas one level below ``area``, in code order."""
    return list(area.children)


def rows_of_areas(area: Area) -> dict[str, list[str]]:
    """For each area one level below ``area``: its id and the ids of every area below it. One statement
    (a recursive query that carries each branch's top along)."""
    tree = select(Area.id.label("id"), Area.id.label("top")).where(Area.parent_id == area.id).cte(recursive=True)
    tree = tree.union_all(select(Area.id, tree.c.top).where(Area.parent_id == tree.c.id))
    branches: dict[str, list[str]] = {}
    for area_id, top in db.session.execute(select(tree.c.id, tree.c.top)):
        branches.setdefault(top, []).append(area_id)
    return branches


def row_key(column, area: Area, branches: dict[str, list[str]]):
    """A SQL expression: the id of the row (a child of ``area``, or ``area`` itself) where ``column`` (an
    area id within ``area``) belongs, from :func:`rows_of_areas`; read once, so that each figure is one
    grouped statement whatever the depth of the tree."""
    whens = [(column.in_(ids), literal(top)) for top, ids in branches.items()]
    return case(*whens, else_=literal(area.id)) if whens else literal(area.id)


def living(attendee=Attendee):
    """A SQL expression: the id of the living record of ``attendee`` (the one it was merged into, if any)."""
    return func.coalesce(attendee.merged_into_id, attendee.id)


def is_held(area: Area, start: datetime, end: datetime):
    """A SQL condition on Event: held within ``area`` over [start, end), that is not cancelled, starting
    within the period and not later than now (an event still to come has nothing to count yet, and counting
    it would make a figure of the current quarter claim what has not happened)."""
    return (Event.status != EventStatus.cancelled) & (Event.starts_at >= start) & (Event.starts_at < end) \
        & (Event.starts_at <= utcnow()) & within(Event.area_id, area)


def held_events(area: Area, start: datetime, end: datetime, row=None):
    """A subquery of the held events of the period within ``area``: id, kind and (with ``row``) the row."""
    columns = [Event.id.label("id"), Event.kind.label("kind")]
    columns.append((row if row is not None else literal(TOTAL)).label("row"))
    return select(*columns).where(is_held(area, start, end)).subquery()


#: Figures whose total is the sum of the rows: each event, and each resident's village, lies in one row.
ADDITIVE = ("events", "bazaar", "job_fair", "visits", "visitors", "job_info", "training_info", "policy_advice",
            "referred", "hired")


def row_conditions(area: Area, branches: dict[str, list[str]]) -> dict[str, object]:
    """For each row below ``area`` (from :func:`rows_of_areas`): its key and the SQL condition on Event of an
    event held in it; an event that meets none is in the row of ``area`` itself."""
    return {top: Event.area_id.in_(ids) for top, ids in branches.items()}


def _people_query(area: Area, start: datetime, end: datetime, rows: dict[str, object], other: str):
    """One statement over the check-ins of the held events: visits, residents and new registrations by group,
    for each row and for the whole area (columns named ``all_...``, which :func:`_add` adds up into the TOTAL
    row), where a person counts once however many rows they appear in. ``rows`` gives each row's key and its
    condition on Event (:func:`row_conditions`); an event that meets none is in the row ``other``.

    The check-ins are reduced step by step, each step a grouping of the one before on a prefix of the order
    (person, row, event), so that no count needs DISTINCT: to visits, the distinct (person, row, event)
    triples; to (person, row) with their number of visits, which the rows add up; and, by windows over each
    person's (person, row) pairs, to a mark on the first pair of every person, which the total adds up (no
    second pass over the pairs). Sorting the check-ins is most of the cost, so what is sorted is narrow: the
    row is a small integer (its place in ``rows``, named back at the end), worked out once per held event in a
    DISTINCT subquery, which neither database folds into the join (so not once per check-in); the new
    registration is one small integer, the code of the group of a living record registered at the event (a
    ``register`` check-in of a record that is not a merged duplicate: such a record is the living one, so every
    code of one person is the same).

    On PostgreSQL the check-ins are ordered before the first grouping: it then sorts them once and streams
    every grouping and window from that order (it would otherwise choose hash tables that spill to disk, its
    estimates of these groups being far too low); the join and the sort run in parallel workers, which is why
    the event is its id there: a numbering window in the subquery would keep the statement in one process.
    SQLite sorts for each grouping anyway (the order by would be one sort more), in one process, and sorts a
    number faster than an id."""
    groups = [group.value for group in AttendeeGroup]
    keys = [other, *rows]
    postgresql = db.session.get_bind().dialect.name == "postgresql"
    slot = case(*((condition, number) for number, condition in enumerate(rows.values(), 1)), else_=0) \
        if rows else literal(0)
    ev = select(Event.id.label("id"), slot.label("slot"),
                (Event.id if postgresql else func.row_number().over()).label("event")) \
        .where(is_held(area, start, end)).distinct().subquery("held")
    code = case(*((Attendee.group == group, number) for number, group in enumerate(groups, 1)), else_=0)
    registered = (CheckIn.method == CheckInMethod.register) & Attendee.merged_into_id.is_(None)
    person, slot, event = living().label("person"), ev.c.slot.label("slot"), ev.c.event.label("event")
    checkins = select(person, slot, event, case((registered, code), else_=0).label("reg")).select_from(CheckIn) \
        .join(ev, ev.c.id == CheckIn.event_id).join(Attendee, Attendee.id == CheckIn.attendee_id)
    if postgresql:
        checkins = checkins.order_by(person, slot, event)
    checkins = checkins.subquery("checkins")
    visits = select(checkins.c.person, checkins.c.slot, func.max(checkins.c.reg).label("reg")) \
        .group_by(checkins.c.person, checkins.c.slot, checkins.c.event).subquery("visits")
    each_person = {"partition_by": visits.c.person}
    placed = select(visits.c.slot, func.count().label("visits"), func.max(visits.c.reg).label("reg"),
                    func.row_number().over(**each_person).label("first"),
                    func.max(func.max(visits.c.reg)).over(**each_person).label("person_reg")) \
        .group_by(visits.c.person, visits.c.slot).subquery("placed")
    first = placed.c.first == 1

    def count(condition):
        return func.sum(case((condition, 1), else_=0))
    figures = select(placed.c.slot, func.sum(placed.c.visits).label("visits"), func.count().label("residents"),
                     *(count(placed.c.reg == number).label(group) for number, group in enumerate(groups, 1)),
                     count(first).label("all_residents"),
                     *(count(first & (placed.c.person_reg == number)).label(f"all_{group}")
                       for number, group in enumerate(groups, 1))) \
        .group_by(placed.c.slot).subquery("figures")
    named = case(*((figures.c.slot == number, literal(key)) for number, key in enumerate(keys)))
    return select(named.label("row"), *(column for column in figures.c if column.name != "slot"))


def _figure_queries(ev, area: Area, start: datetime, end: datetime, village_row, total: bool):
    """The statements of the table over the events subquery ``ev`` but those over the check-ins
    (:func:`_people_query`): each yields (row, name, n). With ``total``, only the figures that are not the sum
    of the rows (postings and interests are counted once however many rows they appear in). Without
    ``village_row`` (rows that are not areas), no referral steps: the office takes them, not an event."""
    def named(name):
        return literal(name).label("name")

    shown = select(ev.c.row.label("row"), Posting.id.label("posting"), Posting.employer_id.label("employer"),
                   Posting.openings.label("openings")) \
        .join(event_postings, event_postings.c.event_id == ev.c.id) \
        .join(Posting, Posting.id == event_postings.c.posting_id).distinct().cte("shown")
    interests = select(ev.c.row.label("row"), living().label("person"), Interest.posting_id.label("posting")) \
        .join(Interest, Interest.event_id == ev.c.id).join(Attendee, Attendee.id == Interest.attendee_id) \
        .where(Interest.in_job()).distinct().subquery()  # job interests: not training courses
    yield union_all(
        select(shown.c.row, named("employers"), func.count(func.distinct(shown.c.employer))).group_by(shown.c.row),
        select(shown.c.row, named("postings"), func.count()).group_by(shown.c.row),
        select(shown.c.row, named("openings"), func.sum(shown.c.openings)).group_by(shown.c.row))
    yield select(interests.c.row, named("interests"), func.count()).group_by(interests.c.row)
    if total:
        return
    kind = ev.c.kind
    yield union_all(
        select(ev.c.row, named("events"), func.count()).group_by(ev.c.row),
        select(ev.c.row, named("bazaar"), func.count()).where(kind == EventKind.bazaar).group_by(ev.c.row),
        select(ev.c.row, named("job_fair"), func.count()).where(kind == EventKind.job_fair).group_by(ev.c.row))
    yield select(ev.c.row, ServiceGiven.kind, func.count()).join(ServiceGiven, ServiceGiven.event_id == ev.c.id) \
        .group_by(ev.c.row, ServiceGiven.kind)
    yield select(ev.c.row, Tally.kind, func.sum(Tally.count)).join(Tally, Tally.event_id == ev.c.id) \
        .group_by(ev.c.row, Tally.kind)
    if village_row is None:
        return
    person = aliased(Attendee)
    alive = aliased(Attendee)
    steps = select(village_row(alive.village_id).label("row"), ReferralStep.status.label("status"),
                   alive.id.label("person"), Interest.posting_id.label("posting")) \
        .join(Interest, Interest.id == ReferralStep.interest_id) \
        .join(person, person.id == Interest.attendee_id) \
        .join(alive, alive.id == living(person)) \
        .where(ReferralStep.at >= start, ReferralStep.at < end,
               ReferralStep.status.in_((ReferralStatus.referred, ReferralStatus.hired)),
               within(alive.village_id, area)).distinct().subquery()
    yield select(steps.c.row, steps.c.status, func.count()).group_by(steps.c.row, steps.c.status)


def _add(out: dict[str, dict[str, int]], result) -> None:
    """Add the figures of a statement's ``result`` to ``out`` (figures by row key). Long rows are
    (row, name, n); a wide row is (row, n for each named column), where a column ``all_<name>`` is a part of
    the TOTAL row's figure ``<name>``. Service tallies add up with services given; anonymous visitors are not
    yet added to the people reached (the total takes them from the rows)."""
    names = list(result.keys())[1:]
    triples = ((row[0], name, n) for row in result for name, n in zip(names, row[1:])) \
        if len(names) > 2 else result
    for key, name, n in triples:
        name = str(name)
        if name.startswith("all_"):  # a part of the figure of the whole area
            key, name = TOTAL, name[4:]
        figures = out.setdefault(str(key), dict.fromkeys(KEYS, 0))
        n = int(n or 0)
        if name == TallyKind.visitor:
            figures["visitors"] += n
        elif name == "residents":
            figures["people"] += n
        elif name in ("rural_worker", "graduate", "other"):
            figures[name] += n
            figures["registrations"] += n
        else:
            figures[name] += n  # service kinds add up given and tallied


def _collect(area: Area, start: datetime, end: datetime, row, village_row,
             total: bool = False) -> dict[str, dict[str, int]]:
    """Figures by row key from the statements of :func:`_figure_queries`."""
    out: dict[str, dict[str, int]] = {}
    ev = held_events(area, start, end, row)
    for query in _figure_queries(ev, area, start, end, village_row, total):
        _add(out, db.session.execute(query))
    return out


def quarterly_table(area: Area, start: datetime, end: datetime) -> Table:
    """The table for ``area`` over [start, end): rows of its children (and itself, if it has figures of its
    own) and the total. 13 statements (1 over the check-ins for rows and total, 7 more for the rows, 3 more for
    the total, the tree and the children), whatever the number of records and of areas."""
    children = row_areas(area)
    branches = rows_of_areas(area)
    by_row = _collect(area, start, end, row_key(Event.area_id, area, branches),
                      lambda column: row_key(column, area, branches))
    people: dict[str, dict[str, int]] = {}
    _add(people, db.session.execute(_people_query(area, start, end, row_conditions(area, branches), area.id)))
    total = _collect(area, start, end, None, None, total=True).get(TOTAL, dict.fromkeys(KEYS, 0))
    for key, figures in people.items():
        target = total if key == TOTAL else by_row.setdefault(key, dict.fromkeys(KEYS, 0))
        for name in ("visits", "people", "rural_worker", "graduate", "other", "registrations"):
            target[name] += figures[name]
    for key in ADDITIVE:
        total[key] = sum(figures[key] for figures in by_row.values())
    for figures in [*by_row.values(), total]:
        figures["people"] += figures["visitors"]
    rows = [Row(child.id, child, by_row.get(child.id, dict.fromkeys(KEYS, 0))) for child in children]
    own = by_row.get(area.id)
    if own is not None and any(own.values()):
        rows.append(Row(area.id, area, own))
    return Table(area, start, end, rows, Row(TOTAL, None, total))


def table_rows(table: Table, locale: str, total_label: str) -> tuple[list[str], list[list]]:
    """The table as a header and rows for CSV, XLSX and PDF: area names in ``locale``, numbers as ints."""
    header = [str(AREA_HEADING)] + [str(heading) for _key, heading in COLUMNS]
    rows = [[row.area.name_in(locale)] + [row.figures[key] for key in KEYS] for row in table.rows]
    rows.append([total_label] + [table.total.figures[key] for key in KEYS])
    return header, rows

