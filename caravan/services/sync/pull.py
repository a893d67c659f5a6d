"""What a tablet pulls: pages of the change feed for its area, each entity in its current state.

A tablet gets events whose area lies within its own, and everything county-wide (changes with no area):
areas, employers, postings, notices. Only published postings and notices and planned events are sent with
data; the rest, and erased or merged attendees, come as deleted. A merged attendee's deletion also says
whom it was merged into and its pass hash (:func:`merged_alias`), so that its old pass finds the kept person.

Residents: a tablet receives those it needs, not the county's (:func:`needed`): those whose village lies
within its area (a county tablet also those with no village), and anyone checked in at an event of its
area in the last :data:`NEED_DAYS` days. The feed announces a resident in each area that comes to need
them (see :mod:`caravan.services.changes`); a change it cannot place (an edit) is county-wide, and the
pull sends it only to the tablets that need the resident. A resident a tablet no longer needs (moved
away, last seen more than a year ago) is not deleted from it: it is no longer updated there, and an
erasure still reaches every tablet. Check-ins travel as ids only, those of the area's events that end
today or later (two tablets at one stall agree on who is checked in).

The cursor is the highest change number a tablet has been given. That is safe because the feed numbers
changes in commit order (see :mod:`caravan.services.changes`): once a number is visible, no smaller one can
appear later. A page costs a fixed number of queries, whatever its size: one for the changes and one per
kind of entity and relation in it (tests/sync/test_query_budget.py).
"""
from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from caravan.extensions import db
from caravan.models import (Area, Attendee, Change, CheckIn, Device, Employer, Event, EventKind, EventStatus,
                            FairParticipant, Notice, Posting, PublishStatus, SurveyRound)
from caravan.models.base import utcnow
from caravan.services.scope import area_ids_within

DEFAULT_LIMIT = 200
MAX_LIMIT = 1000
#: A resident checked in at an event of a tablet's area within this many days is needed by that tablet.
NEED_DAYS = 365


def _names(obj, prefix: str = "name") -> dict:
    return {lang: getattr(obj, f"{prefix}_{lang}") for lang in ("zh", "ug", "en")}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _url(path: str) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


def area_data(area: Area) -> dict | None:
    return {"code": area.code, "level": area.level.value, "parent_id": area.parent_id, "name": _names(area)}


def employer_data(employer: Employer) -> dict | None:
    return {"name": _names(employer), "sector": employer.sector.value, "area_id": employer.area_id}


def event_data(event: Event) -> dict | None:
    if event.status != EventStatus.planned:
        return None
    data = {"code": event.code, "kind": event.kind.value, "area_id": event.area_id,
            "place": _names(event, "place"), "starts_at": _iso(event.starts_at), "ends_at": _iso(event.ends_at),
            "status": event.status.value, "posting_ids": [p.id for p in event.postings],
            "notice_ids": [n.id for n in event.notices], "url": _url(f"/e/{event.code}")}
    if event.kind == EventKind.job_fair:
        data["fair"] = fair_data(event)
    return data


def fair_data(event: Event) -> list[dict]:
    """A job fair's employers for the tablet, in booth order: who, where, and whether they have arrived."""
    from caravan.services.fairs import sorted_participants  # the services import this module's package
    return [{"employer_id": p.employer_id, "booth": p.booth, "zone": p.zone.value if p.zone else None,
             "status": p.status.value, "arrived_at": _iso(p.arrived_at)}
            for p in sorted_participants(event.fair_participants)]


def posting_data(posting: Posting) -> dict | None:
    if posting.status != PublishStatus.published:
        return None
    texts = {t.lang: {"title": t.title, "description": t.description, "requirements": t.requirements,
                      "work_place": t.work_place} for t in posting.translations}
    return {"code": posting.code, "employer_id": posting.employer_id, "sector": posting.sector.value,
            "openings": posting.openings, "wage_min": posting.wage_min, "wage_max": posting.wage_max,
            "wage_unit": posting.wage_unit.value, "area_id": posting.area_id, "housing": posting.housing,
            "meals": posting.meals, "transport": posting.transport, "valid_until": _iso(posting.valid_until),
            "status": posting.status.value, "texts": texts, "url": _url(f"/j/{posting.code}")}


def notice_data(notice: Notice) -> dict | None:
    if notice.status != PublishStatus.published:
        return None
    texts = {t.lang: {"title": t.title, "body": t.body} for t in notice.translations}
    return {"code": notice.code, "kind": notice.kind.value, "valid_until": _iso(notice.valid_until),
            "status": notice.status.value, "texts": texts, "url": _url(f"/n/{notice.code}")}


def survey_round_data(survey_round: SurveyRound) -> dict | None:
    """A survey round, for recording visits in it: the tablet offers those whose period includes today."""
    return {"name": survey_round.name, "area_id": survey_round.area_id,
            "starts_on": _iso(survey_round.starts_on), "ends_on": _iso(survey_round.ends_on)}


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def attendee_data(attendee: Attendee) -> dict | None:
    if attendee.erased_at is not None or attendee.merged_into_id is not None:
        return None
    # Registration date and the phone's last two digits tell namesakes apart on the tablet, and say
    # little more about a person than their name does.
    digits = "".join(ch for ch in attendee.phone or "" if ch.isdigit())
    return {"name": attendee.name, "village_id": attendee.village_id, "group": attendee.group.value,
            "pass_hash": hashlib.sha256(attendee.pass_token.encode()).hexdigest(),
            "registered_on": attendee.consent_at.astimezone(_zone()).date().isoformat(),
            "phone_tail": digits[-2:] if len(digits) >= 2 else None}


def merged_alias(attendee: Attendee) -> dict:
    """What a tablet keeps of a record merged into another: whom it was merged into, and its pass hash, so
    that a scan of the old pass finds the kept person (no personal data)."""
    return {"merged_into": attendee.merged_into_id,
            "pass_hash": hashlib.sha256(attendee.pass_token.encode()).hexdigest()}


def checkin_data(checkin: CheckIn) -> dict | None:
    """Ids only, and only for an event that ends today (the county's day) or later: older check-ins no
    longer decide whether someone is "already checked in"."""
    start_of_today = datetime.combine(datetime.now(_zone()).date(), time(), _zone())
    if checkin.event.ends_at < start_of_today:
        return None
    return {"event_id": checkin.event_id, "attendee_id": checkin.attendee_id}


#: Feed name -> (model, loader options, serializer returning None when the tablet should drop it).
SERIALIZERS = {
    "area": (Area, (), area_data),
    "employer": (Employer, (), employer_data),
    "event": (Event, (selectinload(Event.postings), selectinload(Event.notices)), event_data),
    "posting": (Posting, (selectinload(Posting.translations),), posting_data),
    "notice": (Notice, (selectinload(Notice.translations),), notice_data),
    "attendee": (Attendee, (), attendee_data),
    "checkin": (CheckIn, (joinedload(CheckIn.event),), checkin_data),
    "survey_round": (SurveyRound, (), survey_round_data),
}


def _load_fairs(events: list[Event]) -> None:
    """The employers of the job fairs among ``events``, in one query, and none when the page has no fair
    (most pages: the budget of a page stays what it was)."""
    fairs = {e.id: e for e in events if e.kind == EventKind.job_fair}
    if not fairs:
        return
    found: dict[str, list[FairParticipant]] = {event_id: [] for event_id in fairs}
    for participant in db.session.scalars(select(FairParticipant).where(FairParticipant.event_id.in_(fairs))
                                       .options(joinedload(FairParticipant.employer))):
        found[participant.event_id].append(participant)
    for event_id, rows in found.items():
        set_committed_value(fairs[event_id], "fair_participants", rows)


def needed(device: Device, areas: set[str], people: list[Attendee]) -> set[str]:
    """The ids of ``people`` that the tablet ``device`` (serving ``areas``) needs: see the module
    docstring. One query, and only when some live outside its villages."""
    county_tablet = device.area.parent_id is None
    wanted = {p.id for p in people if p.village_id in areas or (p.village_id is None and county_tablet)}
    others = {p.id for p in people} - wanted
    if others:
        since = utcnow() - timedelta(days=NEED_DAYS)
        wanted.update(db.session.scalars(
            select(CheckIn.attendee_id).join(Event, Event.id == CheckIn.event_id)
            .where(CheckIn.attendee_id.in_(others), Event.area_id.in_(areas), Event.starts_at >= since)
            .distinct()))
    return wanted


def pull(device: Device, cursor: int, limit: int = DEFAULT_LIMIT) -> dict:
    """The changes after ``cursor`` for ``device``'s area: ``{"changes", "cursor", "more"}``.

    An entity changed several times in a page is sent once, in its current state, at its last change.
    """
    areas = set(area_ids_within(device.area))
    rows = list(db.session.scalars(
        select(Change).where(Change.seq > cursor, or_(Change.area_id.is_(None), Change.area_id.in_(areas)))
        .order_by(Change.seq).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    last: dict[tuple[str, str], Change] = {}
    for change in rows:
        last[(change.entity_type, change.entity_id)] = change
    wanted: dict[str, set[str]] = {}
    for kind, entity_id in last:
        wanted.setdefault(kind, set()).add(entity_id)
    loaded: dict[tuple[str, str], object] = {}
    for kind, ids in wanted.items():
        if kind not in SERIALIZERS:
            continue
        model, options, _ = SERIALIZERS[kind]
        for obj in db.session.scalars(select(model).where(model.id.in_(ids)).options(*options)):
            loaded[(kind, obj.id)] = obj
    _load_fairs([obj for (kind, _), obj in loaded.items() if kind == "event"])
    people = [obj for (kind, _), obj in loaded.items() if kind == "attendee" and attendee_data(obj) is not None]
    wanted_people = needed(device, areas, people) if people else set()
    changes = []
    for change in rows:
        key = (change.entity_type, change.entity_id)
        if last[key] is not change or change.entity_type not in SERIALIZERS:
            continue
        obj = loaded.get(key)
        if isinstance(obj, (Event, SurveyRound)) and obj.area_id not in areas:
            obj = None  # moved to an area outside the tablet's: it leaves the tablet as deleted
        if isinstance(obj, Attendee) and obj.id not in wanted_people and attendee_data(obj) is not None:
            continue  # a resident this tablet does not need; an erasure (no data) still goes out
        if isinstance(obj, CheckIn) and obj.event.area_id not in areas:
            continue  # announced before its event moved away, or with no area
        data = SERIALIZERS[change.entity_type][2](obj) if obj is not None else None
        if data is None and change.entity_type == "checkin":
            continue  # a past event's check-in: nothing to add, nothing the tablet must drop
        entry = {"type": change.entity_type, "id": change.entity_id, "data": data}
        if data is None:
            entry["deleted"] = True
            if isinstance(obj, Attendee) and obj.merged_into_id and obj.erased_at is None:
                entry.update(merged_alias(obj))
        changes.append(entry)
    return {"changes": changes, "cursor": rows[-1].seq if rows else cursor, "more": more}
