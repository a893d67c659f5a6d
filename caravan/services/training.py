"""Training courses: the sessions of a training notice, and the seats and interest a course has.

Sessions are kept by the office users of the area where they are held (and of the areas above), the
scope rule of every office page: a session of another area answers like an unknown one. The course itself
(the notice) is county-wide, like every notice, so its sessions, seats and interest counts (counts, never
people) are read by every office user and shown on its public page.

Seats are a session's: residents say "interested" in a course, and the office enrols them in one of its
sessions (the referral queue's "enrolled" step names the session); a session's seats left = its seats less
the residents enrolled in it and not yet through, and a course's = those of its sessions still to come or
under way (less anyone enrolled before enrolments named a session).
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
FIELDS = ("starts_on", "ends_on", "place_zh", "place_ug", "place_en", "seats", "language", "area")
#: The session's place, one field per language (Chinese required, the others shown in Chinese when empty).
PLACES = ("place_zh", "place_ug", "place_en")


def is_course(notice: Notice | None) -> bool:
    """Whether ``notice`` is a training course (only those have sessions and take interests)."""
    return notice is not None and notice.kind == NoticeKind.training


def clean(raw, scope: Area) -> dict:
    """A session's values from a form: dates, place (per language), seats, language, and the area where it
    is held (by code, within ``scope``; empty for a county user's own). :class:`ValidationError` lists every
    problem."""
    c = Checker(raw)
    values = {"starts_on": c.day("starts_on", required=True), "ends_on": c.day("ends_on", required=True),
              **{name: c.text(name, MAX_PLACE, required=name == "place_zh") for name in PLACES},
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
            **{name: getattr(session, name) or "" for name in PLACES}, "seats": str(session.seats), "language": session.language.value,
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
    """Delete a session; audited. Refused (:class:`ValidationError`) while residents are enrolled in it: they
    would lose the dates and place on their pass. Those who completed or dropped it keep their interest in
    the course (it is in the course), no longer naming the session."""
    if _enrolled_in([session.id]).get(session.id):
        raise ValidationError({"session": [_("Residents are enrolled in this session: it can be removed once "
                                             "they have completed it or dropped out.")]})
    for interest in db.session.scalars(select(Interest).where(Interest.session_id == session.id)):
        interest.session_id = None
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


def _enrolled_in(session_ids) -> dict[str, int]:
    """How many residents are enrolled (and not yet through) in each of ``session_ids``."""
    if not session_ids:
        return {}
    return dict(db.session.execute(
        select(Interest.session_id, func.count()).where(Interest.session_id.in_(list(session_ids)),
                                                        Interest.status == ReferralStatus.enrolled)
        .group_by(Interest.session_id)).all())


@dataclass
class Seats:
    """A course's figures: seats of its sessions still to come or under way, residents enrolled (not yet
    through), seats left (in all and per session), and its interests by status (every resident,
    county-wide: counts only)."""

    seats: int = 0
    enrolled: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    #: Seats left in each session still to come or under way, by session id.
    left_in: dict[str, int] = field(default_factory=dict)
    #: Residents enrolled before enrolments named a session (counted against the course as a whole).
    unplaced: int = 0

    @property
    def left(self) -> int:
        """Seats still free, never below nought (a session is never filled beyond its seats, but residents
        enrolled without a session take theirs from the course as a whole)."""
        if not self.left_in:
            return max(0, self.seats - self.enrolled)
        return max(0, sum(self.left_in.values()) - self.unplaced)

    @property
    def interested(self) -> int:
        """Residents interested now: waiting to be enrolled or enrolled (not through, not dropped)."""
        return sum(self.by_status.get(status.value, 0) for status in (ReferralStatus.interested,
                                                                      ReferralStatus.enrolled))


def seats(notice: Notice, today: date | None = None) -> Seats:
    """The seat and interest figures of the course ``notice``."""
    today = today or local_today()
    coming = list(db.session.execute(select(TrainingSession.id, TrainingSession.seats).where(
        TrainingSession.notice_id == notice.id, TrainingSession.ends_on >= today)))
    by_status = {status.value if hasattr(status, "value") else status: n for status, n in db.session.execute(
        select(Interest.status, func.count()).where(Interest.notice_id == notice.id).group_by(Interest.status))}
    enrolled = by_status.get(ReferralStatus.enrolled.value, 0)
    taken = _enrolled_in([session_id for session_id, _n in coming])
    unplaced = db.session.scalar(select(func.count()).where(
        Interest.notice_id == notice.id, Interest.status == ReferralStatus.enrolled, Interest.session_id.is_(None)))
    return Seats(sum(n for _id, n in coming), enrolled, by_status,
                 {session_id: max(0, n - taken.get(session_id, 0)) for session_id, n in coming}, unplaced or 0)


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


def enrolment_choices(notice_ids, today: date | None = None) -> dict[str, list[tuple[TrainingSession, int]]]:
    """For each course of ``notice_ids``: its sessions a resident may be enrolled in now (not ended, with a
    seat left), earliest first, each with its seats left; what the queue's step form offers."""
    today = today or local_today()
    sessions = list(db.session.scalars(select(TrainingSession).where(
        TrainingSession.notice_id.in_(list(notice_ids)), TrainingSession.ends_on >= today)
        .order_by(TrainingSession.starts_on, TrainingSession.id)))
    taken = _enrolled_in([s.id for s in sessions])
    choices: dict[str, list[tuple[TrainingSession, int]]] = {}
    for s in sessions:
        left = s.seats - taken.get(s.id, 0)
        if left > 0:
            choices.setdefault(s.notice_id, []).append((s, left))
    return choices


def session_to_enrol(notice: Notice, session_id: str | None, adding: dict[str, int] | None = None,
                     today: date | None = None) -> TrainingSession:
    """The session of the course ``notice`` to enrol a resident in: ``session_id`` from the step's form, or
    (none named) the course's only session still open. ``adding`` counts those being enrolled by the same
    step (a bulk step fills seats too). :class:`ValidationError` on ``session`` when none is named and the
    course has several, when it has none, when the session is not the course's, has ended or is full.

    The session's row is locked until the request commits, so that two clerks cannot both take its last
    seat (PostgreSQL; SQLite writes one at a time anyway)."""
    today = today or local_today()
    adding = adding if adding is not None else {}
    if not session_id:
        coming = coming_sessions(notice, today)
        if not coming:
            raise ValidationError({"session": [_("This course has no session to enrol in: add one first.")]})
        if len(coming) > 1:
            raise ValidationError({"session": [_("Choose the session to enrol in.")]})
        session_id = coming[0].id
    found = db.session.scalar(select(TrainingSession).where(
        TrainingSession.id == session_id, TrainingSession.notice_id == notice.id).with_for_update())
    if found is None:
        raise ValidationError({"session": [_("Choose the session to enrol in.")]})
    if found.ends_on < today:
        raise ValidationError({"session": [_("This session has ended: choose another.")]})
    if _enrolled_in([found.id]).get(found.id, 0) + adding.get(found.id, 0) >= found.seats:
        raise ValidationError({"session": [_("This session is full: choose another.")]})
    adding[found.id] = adding.get(found.id, 0) + 1
    return found
