"""Residents as the county office sees them: which are in a user's area, the search, one person's whole
record, and the office's corrections and registrations.

A resident is in an office user's area when their village lies within it, or when they were checked in at
an event within it (a person from elsewhere who came to the user's stall). A county user also sees those
who gave no village (:func:`caravan.services.scope.within`). Erased and merged records are never listed:
:func:`get` follows a merge so that the caller can redirect to the record that lives on.

The field rules are those of every registration (:mod:`caravan.services.resident_rules`); registration and
erasure are :mod:`caravan.services.residents`' own, so a person erased at the office is anonymised exactly
as one who pressed "erase my data".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from caravan.extensions import db
from caravan.models import (Area, AreaLevel, Attendee, AttendeeGroup, CheckIn, ConsentChannel, Device, Event,
                            Interest, Notice, Posting, ServiceGiven, User)
from caravan.services import audit, resident_rules, residents
from caravan.services.paging import Paged
from caravan.services.scope import area_within, is_county_level, subtree, within

#: The search's filters, by query argument name (exports and audit entries name them the same way).
FILTERS = ("q", "phone", "village", "group", "since", "until")
PER_PAGE = 25
#: The list counts its matches up to this many (or up to the page shown, if further): a township's residents
#: are tens of thousands, and counting them all cost more than the rest of the page together.
COUNT_CAP = 1000


def in_scope(area: Area):
    """A SQL condition on :class:`Attendee`: the resident is in ``area`` (their village lies within it, or
    they were checked in at an event within it; no village counts as the county's)."""
    if is_county_level(area):
        return within(Attendee.village_id, area)  # every event is the county's: no check-in adds anyone
    # "Village OR a check-in at one of the area's events", the check-in asked by EXISTS: PostgreSQL reads the
    # area's check-ins into a hash once (by the index of event and attendee) and tests each resident against
    # it, so an ordered scan of residents that stops at a page (:func:`search`) never reads them all; for a
    # single resident (:func:`get`) it looks up that person's check-ins instead. (A union of ids, joined
    # back to the residents, cost a lookup of every one of the tens of thousands found.)
    events = select(Event.id).where(within(Event.area_id, area))
    checked_in = select(CheckIn.id).where(CheckIn.attendee_id == Attendee.id, CheckIn.event_id.in_(events))
    return within(Attendee.village_id, area) | checked_in.exists()


def living():
    """A SQL condition: the record is neither erased nor merged into another."""
    return Attendee.erased_at.is_(None) & Attendee.merged_into_id.is_(None)


@dataclass
class Filters:
    """The search's filters as typed (``raw``), and the problems with them (``errors``, by filter name)."""

    raw: dict[str, str]
    since: date | None = None
    until: date | None = None
    village: Area | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def used(self) -> list[str]:
        """The names of the filters that were given (never their values: those may be personal)."""
        return [name for name in FILTERS if self.raw.get(name)]


def _day_start(day: date) -> datetime:
    """Midnight of ``day`` in the county's time zone: a registration "on" a date is a local one."""
    return datetime.combine(day, time(0), ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]))


def search_query(scope: Area, filters: Filters):
    """The living residents of ``scope`` that match ``filters``, newest registration first."""
    query = select(Attendee).where(living(), in_scope(scope))
    raw = filters.raw
    if raw.get("q"):
        query = query.where(Attendee.name.ilike(f"%{_escape(raw['q'])}%", escape="\\"))
    digits = "".join(ch for ch in raw.get("phone", "") if ch.isdigit())
    if digits:
        # Phones are kept as typed ("138 0013-8000"): compare the digits only.
        stored = func.replace(func.replace(func.replace(Attendee.phone, " ", ""), "-", ""), "+", "")
        query = query.where(stored.like(f"%{digits}%"))
    elif raw.get("phone"):
        query = query.where(Attendee.id.is_(None))  # no digit in it: no phone number matches
    if raw.get("village"):
        query = query.where(within(Attendee.village_id, filters.village) if filters.village
                            else Attendee.id.is_(None))
    if raw.get("group") in AttendeeGroup.__members__:
        query = query.where(Attendee.group == AttendeeGroup(raw["group"]))
    if filters.since:
        query = query.where(Attendee.consent_at >= _day_start(filters.since))
    if filters.until:
        query = query.where(Attendee.consent_at < _day_start(filters.until + timedelta(days=1)))
    return query.order_by(Attendee.consent_at.desc(), Attendee.id)


def _escape(text: str) -> str:
    """``text`` for a LIKE pattern: its own % and _ are letters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def read_filters(raw: dict[str, str], scope: Area, parse_date) -> Filters:
    """The filters from the query arguments ``raw``; ``parse_date`` reads a typed date (it raises
    ValueError on a bad one, which becomes a problem of that filter, not an error page)."""
    filters = Filters(raw=raw)
    for name in ("since", "until"):
        try:
            setattr(filters, name, parse_date(raw.get(name, "")))
        except ValueError:
            filters.errors[name] = "bad_date"
    if raw.get("village"):
        filters.village = area_within(raw["village"], scope)
    return filters


@dataclass
class Page(Paged):
    """One page of the residents found, with their number: exact, or (``more``) the number counted before
    the count stopped, the page's pager as for any other list."""

    items: list[Attendee]
    page: int
    per_page: int
    total: int
    #: True when there are more matches than ``total`` (the count stopped at its cap).
    more: bool

    @property
    def has_next(self) -> bool:
        return self.page * self.per_page < self.total or self.more


def search(scope: Area, filters: Filters, page: int = 1) -> Page:
    """One page of :func:`search_query`, villages loaded, with the number of matches counted up to
    :data:`COUNT_CAP` or to the end of the page if further (three statements): the ids of the matches up to
    there, in order, in one statement that stops there, then the page's rows and their villages."""
    window = max(COUNT_CAP, page * PER_PAGE)
    ids = list(db.session.scalars(search_query(scope, filters).with_only_columns(Attendee.id).limit(window + 1)))
    more = len(ids) > window
    ids = ids[:window]
    shown = ids[(page - 1) * PER_PAGE:page * PER_PAGE]
    items = []
    if shown:
        rows = {a.id: a for a in db.session.scalars(
            select(Attendee).options(selectinload(Attendee.village)).where(Attendee.id.in_(shown)))}
        items = [rows[i] for i in shown if i in rows]
    return Page(items=items, page=page, per_page=PER_PAGE, total=len(ids), more=more)


def all_rows(scope: Area, filters: Filters) -> list[Attendee]:
    """Every match of :func:`search_query`, villages and their townships loaded, for an export."""
    query = search_query(scope, filters).options(selectinload(Attendee.village).selectinload(Area.parent))
    return list(db.session.scalars(query))


def get(attendee_id: str, scope: Area) -> Attendee | None:
    """The resident ``attendee_id`` if in ``scope`` and not erased; a merged record gives the one it was
    merged into (the caller redirects), if that one is in ``scope``. None otherwise, as for an unknown id."""
    if len(attendee_id) > 36:
        return None
    attendee = db.session.scalar(select(Attendee).options(joinedload(Attendee.village))
                                 .where(Attendee.id == attendee_id, in_scope(scope)))
    seen = set()
    while attendee is not None and attendee.merged_into_id and attendee.id not in seen:
        seen.add(attendee.id)
        attendee = db.session.scalar(select(Attendee).where(Attendee.id == attendee.merged_into_id,
                                                            in_scope(scope)))
    if attendee is None or attendee.erased_at is not None:
        return None
    return attendee


@dataclass
class Record:
    """Everything about one person, for the record page."""

    attendee: Attendee
    checkins: list[CheckIn]
    services: list[ServiceGiven]
    interests: list[Interest]
    staff: dict[int, User]
    #: The events of the check-ins and services, by id.
    events: dict[str, Event]
    #: The tablet that registered the person, if any.
    device: Device | None = None


def record(attendee: Attendee) -> Record:
    """The person's check-ins, services and interests with their referral steps, and the staff members
    who recorded them: a fixed number of statements however long the history. Records that a tablet sent
    for a registration after it was merged into this one (made offline, before the tablet learnt of the
    merge) are the person's too: they are shown here, and stay with that registration if the merge is undone."""
    mine = select(Attendee.id).where((Attendee.id == attendee.id) | (Attendee.merged_into_id == attendee.id))
    checkins = list(db.session.scalars(
        select(CheckIn).options(joinedload(CheckIn.event), joinedload(CheckIn.device))
        .where(CheckIn.attendee_id.in_(mine)).order_by(CheckIn.device_at.desc())))
    services = list(db.session.scalars(
        select(ServiceGiven).options(joinedload(ServiceGiven.device))
        .where(ServiceGiven.attendee_id.in_(mine)).order_by(ServiceGiven.device_at.desc())))
    interests = list(db.session.scalars(
        select(Interest).options(selectinload(Interest.steps), joinedload(Interest.device),
                                 joinedload(Interest.posting).selectinload(Posting.translations),
                                 joinedload(Interest.notice).selectinload(Notice.translations))
        .where(Interest.attendee_id.in_(mine)).order_by(Interest.device_at.desc())))
    # Service events that are not check-in events (rare) are loaded with the staff, in one go each.
    events = {c.event_id: c.event for c in checkins}
    missing = {s.event_id for s in services} - set(events)
    if missing:
        events.update({e.id: e for e in db.session.scalars(select(Event).where(Event.id.in_(missing)))})
    ids = {attendee.staff_id} | {r.staff_id for r in (*checkins, *services, *interests)}
    ids |= {step.user_id for interest in interests for step in interest.steps}
    ids.discard(None)
    staff = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    device = db.session.get(Device, attendee.device_id) if attendee.device_id else None
    return Record(attendee, checkins, services, interests, staff, events, device)


def village_choices(scope: Area) -> list[Area]:
    """The villages a user of ``scope`` may give a resident, in code order, with their townships."""
    return list(db.session.scalars(
        select(Area).options(joinedload(Area.parent)).where(Area.level == AreaLevel.village,
                                                            Area.id.in_(subtree(scope))).order_by(Area.code)))


def _check_village(values: dict, errors: dict, scope: Area, villages: set[str], had_village: bool) -> None:
    """A village must be one of the user's; only a county user may leave it out (or an entry that had
    none): a township's resident without a village would leave the township's sight."""
    if "village_id" in errors:
        return
    if values["village_id"]:
        if values["village_id"] not in villages:
            errors["village_id"] = "unknown_area"
    elif not is_county_level(scope) and had_village:
        errors["village_id"] = "missing"


def correct(attendee: Attendee, data: dict, scope: Area, by: User) -> list[str]:
    """Correct the person's fields from ``data`` (raw texts by :data:`resident_rules.FIELDS` name) by the
    rules of every registration; returns the names of the changed fields (audited, without values).
    Raises :class:`residents.RegistrationError` when a field breaks a rule; nothing is changed then."""
    values, errors = resident_rules.clean_attendee(data)
    _check_village(values, errors, scope, {v.id for v in village_choices(scope)}, attendee.village_id is not None)
    if errors:
        raise residents.RegistrationError(errors)
    values["group"] = AttendeeGroup(values["group"])
    changed = [name for name in resident_rules.FIELDS if getattr(attendee, name) != values[name]]
    for name in changed:
        setattr(attendee, name, values[name])
    if changed:
        audit.record("resident.correct", user=by, entity=attendee, fields=changed)
    db.session.flush()
    return changed


def register(data: dict, scope: Area, by: User) -> Attendee:
    """Register a person at the office, with their consent now (the current consent text's version) and
    channel "office"; the clerk is named as the staff member who registered them. Audited without data."""
    values, errors = resident_rules.clean_attendee(data)
    _check_village(values, errors, scope, {v.id for v in village_choices(scope)}, True)
    if not data.get("consent"):
        errors["consent"] = "missing"
    if errors:
        raise residents.RegistrationError(errors)
    attendee = residents.register(
        name=values["name"], phone=values["phone"], village_id=values["village_id"], group=values["group"],
        skills=values["skills"], wishes=values["wishes"], consent_version=current_app.config["CONSENT_VERSION"],
        channel=ConsentChannel.office)
    attendee.staff_id = by.id
    audit.record("resident.register", user=by, entity=attendee)
    db.session.flush()
    return attendee


def erase(attendee: Attendee, by: User) -> None:
    """Erase the person at their request: the same anonymisation as their own "erase my data"; audited."""
    residents.erase(attendee)
    audit.record("resident.erase", user=by, entity=attendee)
