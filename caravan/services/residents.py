"""Residents on their own phones: self-registration, interests, the pass, and erasure.

A pass token is the resident's only key to their record: 160 random bits, looked up only in its exact
format, never logged. Erasure anonymises the record in place so that check-ins, services, tallies and
interests still count in the statistics, without the person.
"""
from __future__ import annotations

import re
import secrets

from sqlalchemy import select

from caravan.extensions import db
from caravan.models import (Area, AreaLevel, Attendee, AttendeeGroup, ConsentChannel, Event, Interest, Posting,
                            ReferralStatus, ReferralStep)
from caravan.models.base import new_uuid, utcnow
from caravan.services.codes import new_pass_token
from caravan.services.sync import pending

#: The exact shape of a pass token (see :func:`caravan.services.codes.new_pass_token`).
TOKEN_RE = re.compile(r"^[A-Z2-7]{32}$")
#: Limits of the free-text fields, in characters.
MAX_NAME, MAX_PHONE, MAX_TEXT = 100, 32, 500
PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{4,30}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RegistrationError(ValueError):
    """A registration field is not acceptable; ``field`` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


def clean_text(value: str | None, limit: int) -> str:
    """``value`` without control characters and surrounding space; raises ValueError when too long."""
    value = _CONTROL.sub("", value or "").strip()
    if len(value) > limit:
        raise ValueError(f"at most {limit} characters")
    return value


def villages() -> list[Area]:
    """Every village, in code order (the registration form offers them)."""
    return list(db.session.scalars(select(Area).where(Area.level == AreaLevel.village).order_by(Area.code)))


def register(*, name: str, phone: str | None, village_id: str | None, group: str, skills: str, wishes: str,
             consent_version: str, channel: ConsentChannel = ConsentChannel.self) -> Attendee:
    """Create an attendee who consented now; raises :class:`RegistrationError` on a bad field."""
    values = {}
    for field, value, limit in (("name", name, MAX_NAME), ("phone", phone, MAX_PHONE),
                                ("skills", skills, MAX_TEXT), ("wishes", wishes, MAX_TEXT)):
        try:
            values[field] = clean_text(value, limit)
        except ValueError as exc:
            raise RegistrationError(field, str(exc)) from exc
    if not values["name"]:
        raise RegistrationError("name", "required")
    if values["phone"] and not PHONE_RE.match(values["phone"]):
        raise RegistrationError("phone", "digits only")
    if group not in AttendeeGroup.__members__:
        raise RegistrationError("group", "unknown group")
    village = None
    if village_id:
        village = db.session.get(Area, village_id)
        if village is None or village.level != AreaLevel.village:
            raise RegistrationError("village", "unknown village")
    if not consent_version:
        raise RegistrationError("consent", "required")
    attendee = Attendee(name=values["name"], phone=values["phone"] or None, village=village,
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


def add_interest(attendee: Attendee, posting: Posting, event: Event | None = None) -> tuple[Interest, bool]:
    """Record that ``attendee`` is interested in ``posting``; returns the interest and whether it is new.

    Saying it twice keeps one open interest; after a withdrawal it opens a new one.
    """
    existing = db.session.scalar(
        select(Interest).where(Interest.attendee_id == attendee.id, Interest.posting_id == posting.id,
                               Interest.status != ReferralStatus.withdrawn))
    if existing is not None:
        return existing, False
    now = utcnow()
    interest = Interest(id=new_uuid(), attendee=attendee, posting=posting, event_id=getattr(event, "id", None),
                        device_at=now, received_at=now, status=ReferralStatus.interested,
                        steps=[ReferralStep(status=ReferralStatus.interested, at=now)])
    db.session.add(interest)
    db.session.flush()
    return interest, True


def interests_of(attendee: Attendee) -> list[Interest]:
    """The attendee's interests, newest first."""
    return list(db.session.scalars(
        select(Interest).where(Interest.attendee_id == attendee.id).order_by(Interest.device_at.desc())))


def erase(attendee: Attendee) -> None:
    """Anonymise ``attendee``: personal fields blanked, the pass made useless, the time of erasure kept.

    Village and group stay (the statistics count by them); records that point here stay as counts.
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
    db.session.flush()
