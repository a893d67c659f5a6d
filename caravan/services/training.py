"""Training courses: the sessions of a training notice, and the seats and interest a course has.

Sessions are kept by the office users of the area where they are held (and of the areas above), the
scope rule of every office page: a session of another area answers like an unknown one. The course itself
(the notice) is county-wide, like every notice, so its sessions, seats and interest counts (counts, never
people) are read by every office user and shown on its public page.

Seats are a course's: residents say "interested" in a course, and the office enrols them (the referral
queue's "enrolled" step); seats left = the seats of the sessions still to come or under way, less the
residents enrolled and not yet through.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

from caravan.extensions import db
from caravan.models import Area, InstructionLanguage, Interest, Notice, NoticeKind, ReferralStatus, TrainingSession
from caravan.models.training import MAX_SEATS
from caravan.services import audit, changes, listings
from caravan.services.catalogue.fields import Checker, ValidationError, changed_fields
from caravan.services.catalogue.texts import local_today
from caravan.services.scope import area_within, get_within, within

MAX_PLACE = 200
#: The longest a session may last (a course of a few months at most; a longer span is a typing mistake).
MAX_DAYS = 366
#: The fields of a session's form, in order.
FIELDS = ("starts_on", "ends_on", "place", "seats", "language", "area")


def is_course(notice: Notice | None) -> bool:
    """Whether ``notice`` is a training course (only those have sessions and take interests)."""
    return notice is not None and notice.kind == NoticeKind.training


def clean(raw, scope: Area) -> dict:
    """A session's values from a form: dates, place, seats, language, and the area where it is held (by
    code, within ``scope``; empty for a county user's own). :class:`ValidationError` lists every problem."""
    c = Checker(raw)
    values = {"starts_on": c.day("starts_on", required=True), "ends_on": c.day("ends_on", required=True),
              "place": c.text("place", MAX_PLACE, required=True),
              "seats": c.integer("seats", 1, MAX_SEATS),
              "language": c.choice("language", InstructionLanguage)}
    if not c.get("language"):
        c.errors.pop("language", None)
        c.fail("language", _("Please fill this in."))
    start, end = values["starts_on"], values["ends_on"]
    if start and end and end < start:
        c.fail("ends_on", _("The last day cannot come before the first."))
    elif start and end and (end - start).days >= MAX_DAYS:
        c.fail("ends_on", _("A session lasts at most %(num)d days.", num=MAX_DAYS))
    code = c.get("area")
    area = area_within(code, scope) if code else scope
    if area is None:
        c.fail("area", _("Choose an area of your own."))
    values["area_id"] = area.id if area is not None else None
    c.check()
    return values


def form_values(session: TrainingSession | None) -> dict:
    """A session's values as its form shows them (strings)."""
    if session is None:
        return {}
    return {"starts_on": session.starts_on.isoformat(), "ends_on": session.ends_on.isoformat(),
            "place": session.place, "seats": str(session.seats), "language": session.language.value,
            "area": session.area.code if session.area else ""}


def add(notice: Notice, values: dict, by=None) -> TrainingSession:
    """Add a session to the training course ``notice``; audited as ``training.session_add``."""
    if not is_course(notice):
        raise ValidationError({"kind": [_("Only a training course has sessions.")]})
    session = TrainingSession(notice=notice, **values)
    db.session.add(session)
    db.session.flush()
    audit.record("training.session_add", user=by, entity=session, notice=notice.code)
    _announce(notice)
    return session


def update(session: TrainingSession, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values``; audits the changed field names as ``training.session_update``."""
    changed = changed_fields(session, values)
    if changed:
        db.session.flush()
        audit.record("training.session_update", user=by, entity=session, changed=sorted(changed))
        _announce(session.notice)
    return changed


def remove(session: TrainingSession, by=None) -> None:
    """Delete a session (interests are in the course, not in a session: none is lost); audited."""
    audit.record("training.session_remove", user=by, entity=session, notice=session.notice.code)
    _announce(session.notice)
    db.session.delete(session)
    db.session.flush()


def _announce(notice: Notice) -> None:
    # The course's sessions are part of its public page: a change of them is a change of the notice for
    # the change feed, so kept resident pages (and tablets) take it at once.
    announce_figures([notice.id])


def announce_figures(notice_ids) -> None:
    """Note that the seats or interest figures of the courses ``notice_ids`` changed (a referral step of one of
    their interests: enrolled, completed, dropped): their public pages show them, so the change feed must
    carry them, as for a change of the notice, and kept pages are rendered again."""
    notice_ids = sorted({notice_id for notice_id in notice_ids if notice_id})
    if notice_ids:
        changes.announce(db.session(), "notice", notice_ids)


def get(session_id: str, notice: Notice, scope: Area) -> TrainingSession | None:
    """The session ``session_id`` of ``notice`` if it is held within ``scope``; None otherwise."""
    found = get_within(TrainingSession, session_id, scope)
    return found if found is not None and found.notice_id == notice.id else None


def editable_ids(notice: Notice, scope: Area) -> set[str]:
    """The ids of ``notice``'s sessions that a user of ``scope`` may change."""
    return set(db.session.scalars(select(TrainingSession.id).where(
        TrainingSession.notice_id == notice.id, within(TrainingSession.area_id, scope))))


@dataclass
class Seats:
    """A course's figures: seats of its sessions still to come or under way, residents enrolled (not yet
    through), seats left, and its interests by status (every resident, county-wide: counts only)."""

    seats: int = 0
    enrolled: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def left(self) -> int:
        """Seats still free, never below nought (the office may enrol more than it has seats for)."""
        return max(0, self.seats - self.enrolled)

    @property
    def interested(self) -> int:
        """Residents interested now: waiting to be enrolled or enrolled (not through, not dropped)."""
        return sum(self.by_status.get(status.value, 0) for status in (ReferralStatus.interested,
                                                                      ReferralStatus.enrolled))


def seats(notice: Notice, today: date | None = None) -> Seats:
    """The seat and interest figures of the course ``notice``."""
    today = today or local_today()
    total = db.session.scalar(select(func.coalesce(func.sum(TrainingSession.seats), 0)).where(
        TrainingSession.notice_id == notice.id, TrainingSession.ends_on >= today))
    by_status = {status.value if hasattr(status, "value") else status: n for status, n in db.session.execute(
        select(Interest.status, func.count()).where(Interest.notice_id == notice.id).group_by(Interest.status))}
    return Seats(int(total or 0), by_status.get(ReferralStatus.enrolled.value, 0), by_status)


def open_course(code: str | None) -> Notice | None:
    """The open training course with ``code`` (published, not past its date), or None: a resident may say
    "interested" in it."""
    notice = listings.notice_by_code(code) if code else None
    if not is_course(notice) or listings.posting_availability(notice) != listings.Availability.open:
        return None
    return notice


def coming_sessions(notice: Notice, today: date | None = None) -> list[TrainingSession]:
    """The course's sessions that have not ended, earliest first."""
    today = today or local_today()
    return [s for s in notice.sessions if s.ends_on >= today]
