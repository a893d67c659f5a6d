"""Caravan events for the office: checking, creating, changing, cancelling (and restoring) and listing them.

Start and end are typed in the office's local time (BABEL_DEFAULT_TIMEZONE) and stored in UTC.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Event, EventKind, EventStatus, Notice, Posting, PublishStatus
from caravan.models.base import utcnow
from caravan.services import audit
from caravan.services.catalogue import postings as posting_service
from caravan.services.catalogue.fields import Checker, changed_fields
from caravan.services.scope import within
from caravan.services.catalogue.texts import app_zone
from caravan.services.codes import new_code

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
#: The longest event: a job fair may run over several days, a typo of a month may not.
MAX_LENGTH = timedelta(days=7)


def _local(c: Checker, name: str) -> datetime | None:
    """A local date and time (``YYYY-MM-DDTHH:MM``, as a datetime-local input sends it) in UTC."""
    value = c.get(name).replace(" ", "T")
    if not value:
        c.fail(name, _("Please fill this in."))
        return None
    try:
        local = datetime.strptime(value[:16], LOCAL_FORMAT)
    except ValueError:
        c.fail(name, _("Enter a date and time as YYYY-MM-DD HH:MM."))
        return None
    return local.replace(tzinfo=app_zone()).astimezone(timezone.utc)


def clean(raw, scope: Area, posting_ids: list[str], notice_ids: list[str]) -> dict:
    """Check an event's raw values and the postings and notices it shows (ids); the model values."""
    c = Checker(raw)
    values: dict = {"kind": c.choice("kind", EventKind)}
    area = c.area(scope)
    values["area_id"] = area.id if area else None
    values["place_zh"] = c.text("place_zh", 200, required=True)
    values["place_ug"] = c.text("place_ug", 200)
    values["place_en"] = c.text("place_en", 200)
    values["starts_at"], values["ends_at"] = _local(c, "starts_at"), _local(c, "ends_at")
    if values["starts_at"] and values["ends_at"]:
        if values["ends_at"] <= values["starts_at"]:
            c.fail("ends_at", _("The end must come after the start."))
        elif values["ends_at"] - values["starts_at"] > MAX_LENGTH:
            c.fail("ends_at", _("An event lasts at most 7 days."))
    wanted = set(filter(None, posting_ids))
    postings = list(db.session.scalars(select(Posting).where(
        Posting.id.in_(wanted), posting_service.in_area(scope), Posting.status != PublishStatus.closed)))
    if len(postings) != len(wanted):
        c.fail("postings", _("Some chosen postings are closed or not in your area."))
    wanted = set(filter(None, notice_ids))
    notices = list(db.session.scalars(select(Notice).where(Notice.id.in_(wanted),
                                                           Notice.status != PublishStatus.closed)))
    if len(notices) != len(wanted):
        c.fail("notices", _("Some chosen notices are closed."))
    values["postings"], values["notices"] = postings, notices
    c.check()
    return values


def create(values: dict, by=None) -> Event:
    """Add a planned event with a new short code; audited as ``event.create``."""
    values = dict(values)
    event = Event(code=new_code(Event), status=EventStatus.planned, **values)
    db.session.add(event)
    db.session.flush()
    audit.record("event.create", user=by, entity=event, code=event.code, postings=len(event.postings),
                 notices=len(event.notices))
    return event


def update(event: Event, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values``; audits the changed field names as ``event.update``."""
    values = dict(values)
    changed = []
    for name in ("postings", "notices"):
        chosen = values.pop(name)
        if {x.id for x in getattr(event, name)} != {x.id for x in chosen}:
            setattr(event, name, chosen)
            changed.append(name)
    changed = changed_fields(event, values) + changed
    if changed:
        db.session.flush()
        audit.record("event.update", user=by, entity=event, changed=sorted(changed))
    return changed


def cancel(event: Event, by=None) -> bool:
    """Cancel a planned event (tablets drop it on their next pull); False if it was cancelled already."""
    if event.status == EventStatus.cancelled:
        return False
    event.status = EventStatus.cancelled
    db.session.flush()
    audit.record("event.cancel", user=by, entity=event)
    return True


def restore(event: Event, by=None) -> bool:
    """Undo a cancellation: the event is planned again and tablets receive it again on their next pull
    (the change feed announces any change of an event); audited as ``event.restore``. False if it was
    not cancelled."""
    if event.status != EventStatus.cancelled:
        return False
    event.status = EventStatus.planned
    db.session.flush()
    audit.record("event.restore", user=by, entity=event)
    return True


def get(event_id: str, scope: Area) -> Event | None:
    """The event with ``event_id`` if it takes place within ``scope``."""
    return db.session.scalar(select(Event).where(Event.id == event_id, within(Event.area_id, scope)))


def search(scope: Area, when: str = "upcoming", page: int = 1, per_page: int = 25):
    """Events within ``scope``: upcoming (not ended, soonest first) or past (latest first); paged."""
    return db.paginate(_search_query(scope, when), page=max(page, 1), per_page=per_page, error_out=False, count=True)


def every_match(scope: Area, when: str = "upcoming") -> list[Event]:
    """Every event :func:`search` finds, in the same order (for an export)."""
    return list(db.session.scalars(_search_query(scope, when)))


def _search_query(scope: Area, when: str):
    now = utcnow()
    query = select(Event).where(within(Event.area_id, scope)).options(
        selectinload(Event.area), selectinload(Event.postings), selectinload(Event.notices))
    if when == "past":
        return query.where(Event.ends_at < now).order_by(Event.starts_at.desc())
    return query.where(Event.ends_at >= now).order_by(Event.starts_at)


def candidates(scope: Area) -> tuple[list[Posting], list[Notice]]:
    """Postings (within ``scope``) and notices that an event may show: those not closed."""
    postings = db.session.scalars(select(Posting).where(
        posting_service.in_area(scope), Posting.status != PublishStatus.closed).options(
        selectinload(Posting.translations), selectinload(Posting.area)).order_by(Posting.code))
    notices = db.session.scalars(select(Notice).where(Notice.status != PublishStatus.closed).options(
        selectinload(Notice.translations)).order_by(Notice.code))
    return list(postings), list(notices)


def form_values(event: Event) -> dict[str, str]:
    """An event's values as form strings, times in local time."""
    zone = app_zone()
    return {
        "kind": event.kind.value, "area": event.area.code, "place_zh": event.place_zh,
        "place_ug": event.place_ug or "", "place_en": event.place_en or "",
        "starts_at": event.starts_at.astimezone(zone).strftime(LOCAL_FORMAT),
        "ends_at": event.ends_at.astimezone(zone).strftime(LOCAL_FORMAT),
    }
