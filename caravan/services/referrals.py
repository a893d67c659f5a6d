"""Referral follow-up: the office's work queue of open interests and the steps each one takes.

The one place of the step rule: an interest in a posting moves interested -> referred -> interviewed ->
hired, one step at a time, or is withdrawn before it is hired; hired and withdrawn are final. An interest
in a training course moves interested -> enrolled -> completed, or is dropped before it is completed;
completed and dropped are final. Neither kind takes the other's steps. Each step is a
:class:`ReferralStep` row (who, when, note) and an audit entry (no note, no name: the note may hold
personal data). Whose interests an office user sees: those of residents of their area (by village), the
same rule as the residents' pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from caravan.extensions import db
from caravan.models import Area, Attendee, Interest, Notice, Posting, ReferralStatus, ReferralStep
from caravan.models.base import utcnow
from caravan.services import audit, training
from caravan.services.catalogue.fields import Checker, ValidationError
from caravan.services.paging import Paged
from caravan.services.scope import area_within, within

S = ReferralStatus
#: The steps each status may take next; hired and withdrawn take none.
NEXT: dict[ReferralStatus, tuple[ReferralStatus, ...]] = {
    S.interested: (S.referred, S.withdrawn),
    S.referred: (S.interviewed, S.withdrawn),
    S.interviewed: (S.hired, S.withdrawn),
    S.hired: (),
    S.withdrawn: (),
}
#: The same for an interest in a training course (a notice).
COURSE_NEXT: dict[ReferralStatus, tuple[ReferralStatus, ...]] = {
    S.interested: (S.enrolled, S.dropped),
    S.enrolled: (S.completed, S.dropped),
    S.completed: (),
    S.dropped: (),
}
#: Statuses the office still has to act on: the queue shows these unless asked for others.
OPEN = (S.interested, S.referred, S.interviewed, S.enrolled)
#: Open statuses that wait on the office (an enrolled resident waits on the course, not on a clerk): only
#: these become overdue.
WAITING = (S.interested, S.referred, S.interviewed)
#: The queue's kind filter: interests in postings or in training courses.
KIND_POSTING, KIND_COURSE = "posting", "course"
#: The status filter's values besides the statuses themselves.
ALL, OPEN_FILTER = "all", ""
MAX_NOTE = 500
#: Most rows one bulk change may name (a page of the queue is 50).
MAX_BULK = 200


class StepRefused(ValidationError):
    """A step that does not follow the order (``errors["status"]``), or an enrolment without a session it
    may take (``errors["session"]``); says why, in the user's language."""


class NotInScope(LookupError):
    """An interest named that does not exist or lies outside the user's area."""


def overdue_days() -> int:
    """After how many days without a step an open follow-up is overdue (REFERRAL_OVERDUE_DAYS)."""
    return int(current_app.config["REFERRAL_OVERDUE_DAYS"])


def steps_from(current: ReferralStatus, course: bool = False) -> tuple[ReferralStatus, ...]:
    """The steps an interest at ``current`` may take next: a posting's (or, with ``course``, a training
    course's); none for a status of the other kind."""
    return (COURSE_NEXT if course else NEXT).get(current, ())


def next_steps(interest: Interest) -> tuple[ReferralStatus, ...]:
    """The steps ``interest`` may take next, by its kind and status."""
    return steps_from(interest.status, interest.notice_id is not None)


def refusal(current: ReferralStatus, new: ReferralStatus, course: bool = False) -> str | None:
    """Why an interest (in a posting, or with ``course`` in a training course) at ``current`` may not take
    the step ``new``; None when it may."""
    allowed = steps_from(current, course)
    if new in allowed:
        return None
    from caravan.labels import REFERRAL_STATUSES as names
    if current == new:
        return _("It is at “%(status)s” already.", status=names[current])
    if not allowed:
        return _("It is closed (“%(status)s”): it takes no further step.", status=names[current])
    return _("From “%(current)s” the next step is “%(next)s” (or “%(withdrawn)s”).",
             current=names[current], next=names[allowed[0]], withdrawn=names[allowed[-1]])


def last_step_at():
    """A SQL expression: when the interest took its latest step."""
    return Interest.status_at


def in_scope(area: Area):
    """SQL conditions: interests of residents of ``area`` (and below), erased residents left out."""
    return (within(Attendee.village_id, area), Attendee.erased_at.is_(None))


@dataclass
class Filters:
    """The queue's filters, from the page's query arguments (all strings, '' for none)."""

    status: str = OPEN_FILTER
    posting: str = ""
    employer: str = ""
    area: str = ""
    course: str = ""  #: a training course (notice id)
    kind: str = ""  #: KIND_POSTING or KIND_COURSE, '' for both
    age: int | None = None  #: at least this many days since the latest step
    overdue: bool = False

    def audit_detail(self) -> dict:
        """The filters as an audit entry keeps them (ids and codes only, never personal data)."""
        return {k: v for k, v in vars(self).items() if v not in ("", None, False)}


def _query(scope: Area, f: Filters, now: datetime):
    last = last_step_at().label("last_at")
    query = select(Interest, last).join(Interest.attendee).where(*in_scope(scope))
    if f.status == ALL:
        pass
    elif f.status in S.__members__:
        query = query.where(Interest.status == S(f.status))
    else:
        query = query.where(Interest.status.in_(OPEN))
    if f.posting:
        query = query.where(Interest.posting_id == f.posting)
    if f.course:
        query = query.where(Interest.notice_id == f.course)
    if f.kind == KIND_POSTING:
        query = query.where(Interest.in_job())
    elif f.kind == KIND_COURSE:
        query = query.where(Interest.in_course())
    if f.employer:
        query = query.where(Interest.posting_id.in_(select(Posting.id).where(Posting.employer_id == f.employer)))
    if f.area:
        chosen = area_within(f.area, scope)
        query = query.where(within(Attendee.village_id, chosen) if chosen else Interest.id.is_(None))
    days = max(f.age or 0, overdue_days() if f.overdue else 0)
    if f.overdue:
        query = query.where(Interest.status.in_(WAITING))
    if days:
        query = query.where(last_step_at() <= now - timedelta(days=days))
    return query, last


@dataclass
class Page(Paged):
    """One page of the queue: (interest, last step time, overdue) rows, and what the pager needs."""

    items: list
    total: int
    page: int
    per_page: int


@dataclass
class Row:
    """A queue row: the interest (its resident, posting and steps loaded), its latest step's time, how many
    whole days ago that was, and whether the follow-up is overdue."""

    interest: Interest
    last_at: datetime
    days: int
    overdue: bool

    @property
    def note(self) -> str:
        """The latest note written on a step, '' when there is none."""
        return next((step.note for step in reversed(self.interest.steps) if step.note), "")

    @property
    def next_steps(self) -> tuple[ReferralStatus, ...]:
        """The steps this interest may take next."""
        return next_steps(self.interest)


def contact_of(posting: Posting) -> tuple[str, str]:
    """Whom to call about referrals to ``posting``: its own contact, else its employer's."""
    if posting.contact_name or posting.contact_phone:
        return posting.contact_name, posting.contact_phone
    return posting.employer.contact_name, posting.employer.contact_phone


def _rows(query, last, now: datetime) -> list[Row]:
    limit = overdue_days()
    rows = []
    for interest, last_at in db.session.execute(query.order_by(last, Interest.id)):
        last_at = _aware(last_at)
        days = (now - last_at).days
        rows.append(Row(interest, last_at, days, interest.status in WAITING and days >= limit))
    return rows


def _aware(value) -> datetime:
    # Rows from before status_at was kept have it filled by the migration; a missing one counts as now.
    if value is None:
        return utcnow()
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _loading(query, steps: bool):
    options = [contains_eager(Interest.attendee).selectinload(Attendee.village),
               selectinload(Interest.posting).selectinload(Posting.translations),
               selectinload(Interest.posting).selectinload(Posting.employer),
               selectinload(Interest.notice).selectinload(Notice.translations), selectinload(Interest.session)]
    if steps:
        options.append(selectinload(Interest.steps).selectinload(ReferralStep.user))
    return query.options(*options)


def search(scope: Area, f: Filters, page: int = 1, per_page: int = 50) -> Page:
    """The queue for an office user of ``scope``: open interests (or those of ``f.status``), oldest latest
    step first, paged; each row with its steps and whether it is overdue."""
    now = utcnow()
    query, last = _query(scope, f, now)
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    page_query = _loading(query, steps=True).limit(per_page).offset((page - 1) * per_page)
    return Page(_rows(page_query, last, now), total, page, per_page)


def export_rows(scope: Area, f: Filters) -> list[Row]:
    """Every row of the filtered queue (no paging), for an export."""
    now = utcnow()
    query, last = _query(scope, f, now)
    return _rows(_loading(query, steps=True), last, now)


def postings_in_queue(scope: Area) -> list[Posting]:
    """The postings that residents of ``scope`` are interested in, for the queue's posting filter."""
    # Asked per posting (a few hundred), each answered by its first interest in scope, rather than by
    # listing the postings of every interest in scope (tens of thousands) and keeping each once.
    wanted = select(Interest.id).join(Interest.attendee).where(Interest.posting_id == Posting.id, *in_scope(scope))
    return list(db.session.scalars(select(Posting).where(wanted.exists())
                                   .options(selectinload(Posting.translations)).order_by(Posting.code)))


def courses_in_queue(scope: Area) -> list[Notice]:
    """The training courses that residents of ``scope`` are interested in, for the queue's course filter."""
    wanted = select(Interest.id).join(Interest.attendee).where(Interest.notice_id == Notice.id, *in_scope(scope))
    return list(db.session.scalars(select(Notice).where(wanted.exists())
                                   .options(selectinload(Notice.translations)).order_by(Notice.code)))


def clean_step(raw) -> tuple[ReferralStatus | None, str]:
    """The step's status and note from a form; :class:`ValidationError` when either is bad."""
    c = Checker(raw)
    status = None
    if not c.get("status"):
        c.fail("status", _("Choose the next step."))
    else:
        status = c.choice("status", ReferralStatus)
        if status == S.interested:
            c.fail("status", _("Choose the next step."))
    note = c.text("note", MAX_NOTE)
    c.check()
    return status, note


def take_step(scope: Area, ids: list[str], raw, by) -> tuple[ReferralStatus, list[Interest]]:
    """Move each interest of ``ids`` to the step named in the form ``raw`` (``status``, ``note``), all or none.

    Raises :class:`NotInScope` when an id is unknown or outside ``scope`` (checked first: an id of another
    area answers alike whatever the form says), :class:`ValidationError` for a bad form and
    :class:`StepRefused` when one of them may not take the step; nothing is changed then. Each step is
    audited as ``referral.step``. Returns the step and the interests moved.
    """
    ids = list(dict.fromkeys(ids))
    if not ids or len(ids) > MAX_BULK:
        raise NotInScope()
    rows = list(db.session.scalars(
        select(Interest).join(Interest.attendee).where(Interest.id.in_(ids), *in_scope(scope))
        .with_for_update(of=Interest)))  # two clerks on one row: the second sees the first's step
    if len(rows) != len(ids):
        raise NotInScope()
    status, note = clean_step(raw)
    refused = [(row, refusal(row.status, status, row.notice_id is not None)) for row in rows]
    refused = [(row, why) for row, why in refused if why]
    if refused:
        why = refused[0][1]
        message = why if len(ids) == 1 else _(
            "%(num)d of the %(all)d chosen cannot take this step: %(why)s Nothing was changed.",
            num=len(refused), all=len(ids), why=why)
        raise StepRefused({"status": [message]})
    if status == S.enrolled:
        _place_in_sessions(rows, raw.get("session"))
    now = utcnow()
    for row in rows:
        before = row.status
        row.status, row.status_at = status, now
        db.session.add(ReferralStep(interest_id=row.id, status=status, at=now, user_id=by.id, note=note))
        audit.record("referral.step", user=by, entity=row, before=before.value, after=status.value,
                     note=bool(note), rows=len(rows))
    training.announce_figures(row.notice_id for row in rows)  # a course's seats left are on its public page
    db.session.flush()
    return status, rows


def _place_in_sessions(rows: list[Interest], session_id: str | None) -> None:
    """Name the session each course interest of ``rows`` is enrolled in: ``session_id`` from the form (one
    row), or each course's only session (a bulk step, which has no session to choose). Counted together,
    so a bulk step does not fill a session beyond its seats; :class:`StepRefused` names the first problem,
    with the course when several rows are moved."""
    adding: dict[str, int] = {}
    for row in rows:
        try:
            row.session = training.session_to_enrol(row.notice, session_id if len(rows) == 1 else None, adding)
        except ValidationError as exc:
            why = exc.errors["session"][0]
            if len(rows) > 1:
                why = _("%(code)s: %(why)s Nothing was changed.", code=row.notice.code, why=why)
            raise StepRefused({"session": [why]}) from None


def record_export(by, f: Filters, fmt: str, count: int) -> None:
    """Audit an export of the queue: who, which filters, which format, how many rows."""
    audit.record("referral.export", user=by, entity_type="interests", format=fmt, rows=count,
                 filters=f.audit_detail())
