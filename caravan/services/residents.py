"""Residents on their own phones: self-registration, interests, the pass, and erasure.

A pass token is the resident's only key to their record: 160 random bits, looked up only in its exact
format, never logged. Erasure anonymises the record in place so that check-ins, services, tallies and
interests still count in the statistics, without the person.
"""
from __future__ import annotations

import re
import secrets

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import (Area, AreaLevel, Attendee, AttendeeGroup, ConsentChannel, Event, Interest, Notice, Posting,
                            ReferralStatus, ReferralStep, TrainingSession)
from caravan.models.base import new_uuid, utcnow
from caravan.models.records import COURSE_INTEREST_OPEN_SQL, INTEREST_OPEN_SQL
from caravan.services import alerts, resident_rules
from caravan.services.codes import new_pass_token
from caravan.services.sync import pending

#: The exact shape of a pass token (see :func:`caravan.services.codes.new_pass_token`).
TOKEN_RE = re.compile(r"^[A-Z2-7]{32}$")


class RegistrationError(ValueError):
    """Registration fields are not acceptable: ``errors`` maps each bad field to its error code
    (:mod:`caravan.services.resident_rules`); ``field`` is the first of them."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{field}: {code}" for field, code in errors.items()))
        self.errors = errors
        self.field = next(iter(errors))


def villages() -> list[Area]:
    """Every village, in code order (the registration form offers them)."""
    return list(db.session.scalars(select(Area).where(Area.level == AreaLevel.village).order_by(Area.code)))


def register(*, name: str, phone: str | None, village_id: str | None, group: str, skills: str, wishes: str,
             consent_version: str, channel: ConsentChannel = ConsentChannel.self) -> Attendee:
    """Create an attendee who consented now; raises :class:`RegistrationError` on a bad field."""
    values, errors = resident_rules.clean_attendee({
        "name": name, "phone": phone, "village_id": village_id, "group": group, "skills": skills,
        "wishes": wishes})
    village = None
    if "village_id" not in errors and values["village_id"]:
        village = db.session.get(Area, values["village_id"])
        if village is None or village.level != AreaLevel.village:
            errors["village_id"] = "unknown_area"
    if not consent_version:
        errors["consent"] = "missing"
    if errors:
        raise RegistrationError(errors)
    attendee = Attendee(name=values["name"], phone=values["phone"], village=village,
                        group=AttendeeGroup(group), skills=values["skills"], wishes=values["wishes"],
                        consent_at=utcnow(), consent_version=consent_version, consent_channel=channel,
                        pass_token=new_pass_token())
    db.session.add(attendee)
    db.session.flush()
    return attendee


def attendee_for_token(token: str | None) -> Attendee | None:
    """The living attendee whose pass holds ``token`` (following merges), or None."""
    if not token or not TOKEN_RE.match(token):
        return None
    attendee = db.session.scalar(select(Attendee).where(Attendee.pass_token == token))
    seen = set()
    while attendee is not None and attendee.merged_into_id and attendee.id not in seen:
        seen.add(attendee.id)
        attendee = attendee.merged_into
    if attendee is None or attendee.erased_at is not None:
        return None
    return attendee


def _subject_column(subject: Posting | Notice) -> str:
    """The interests column that names ``subject``: a posting's, or a training course's (a notice)."""
    return "notice_id" if isinstance(subject, Notice) else "posting_id"


def open_interest(attendee_id: str, subject: Posting | Notice | str) -> Interest | None:
    """The resident's open interest in the posting (or training course), if there is one (never more than
    one); a plain id is a posting's."""
    column = getattr(Interest, "posting_id" if isinstance(subject, str) else _subject_column(subject))
    subject_id = subject if isinstance(subject, str) else subject.id
    return db.session.scalar(select(Interest).where(
        Interest.attendee_id == attendee_id, column == subject_id, Interest.is_open()))


def add_interest(attendee: Attendee, subject: Posting | Notice, event: Event | None = None) -> tuple[Interest, bool]:
    """Record that ``attendee`` is interested in ``subject`` (a posting, or a training course); returns the
    interest and whether it is new.

    Saying it twice keeps one open interest; after a withdrawal (or a dropped course) it opens a new one.
    Two requests at once (a double tap) cannot make two: the insert yields to the database's unique index
    of open interests, without an error that would spoil the caller's transaction.
    """
    existing = open_interest(attendee.id, subject)
    if existing is not None:
        return existing, False
    db.session.flush()  # the attendee may be new in this transaction
    now = utcnow()
    column = _subject_column(subject)
    values = {"id": new_uuid(), "attendee_id": attendee.id, column: subject.id,
              "event_id": getattr(event, "id", None), "device_at": now, "received_at": now,
              "status": ReferralStatus.interested}
    open_sql = COURSE_INTEREST_OPEN_SQL if column == "notice_id" else INTEREST_OPEN_SQL
    insert = {"postgresql": pg_insert, "sqlite": sqlite_insert}[db.session.get_bind().dialect.name]
    added = db.session.scalar(insert(Interest).values(**values).on_conflict_do_nothing(
        # The index's condition as literal SQL: as a bound parameter PostgreSQL cannot match it to the
        # partial index once the driver prepares the statement (after a few runs on one connection).
        index_elements=["attendee_id", column], index_where=text(open_sql))
        .returning(Interest.id)) is not None
    if added:
        db.session.add(ReferralStep(interest_id=values["id"], status=ReferralStatus.interested, at=now))
        db.session.flush()
    return open_interest(attendee.id, subject), added


def interests_of(attendee: Attendee) -> list[Interest]:
    """The attendee's interests, newest first, with their postings (or courses and sessions) and referral steps
    loaded."""
    return list(db.session.scalars(
        select(Interest).where(Interest.attendee_id == attendee.id).order_by(Interest.device_at.desc())
        .options(selectinload(Interest.posting).selectinload(Posting.translations),
                 selectinload(Interest.posting).selectinload(Posting.employer),
                 selectinload(Interest.notice).selectinload(Notice.translations),
                 selectinload(Interest.session).selectinload(TrainingSession.area), selectinload(Interest.steps))))


def erase(attendee: Attendee) -> None:
    """Anonymise ``attendee``: personal fields blanked, the pass made useless, the time of erasure kept.

    Village and group stay (the statistics count by them); records that point here stay as counts.
    Registrations merged into this one are erased too.
    The new token has lower-case letters, so it can never match :data:`TOKEN_RE` and open a pass.
    """
    attendee.name = ""
    attendee.phone = None
    attendee.skills = ""
    attendee.wishes = ""
    attendee.pass_token = "erased-" + secrets.token_hex(24)
    attendee.erased_at = utcnow()
    # Copies of the record that sync kept for review (conflicts, rejections) hold the same data.
    pending.forget_person(attendee.id, attendee.erased_at)
    alerts.forget(attendee)  # no alert is sent to an erased resident, and no subscription is left
    # Registrations merged into this one are the same person's: erased with it, so that no copy of the
    # data lives on (and a merge of an erased person cannot be undone).
    for other in db.session.scalars(select(Attendee).where(Attendee.merged_into_id == attendee.id,
                                                           Attendee.erased_at.is_(None))):
        erase(other)
    db.session.flush()
