"""Enrollment codes: the office makes a one-time code; a tablet trades it, once, for a device token.

A re-enrollment code is bound to one tablet's row (a revoked one, usually): enrolling with it gives that
same row a new token and lifts its revocation, so the tablet keeps its id and its history. Its records on
the server stay its own, and its receipt counts them all (a new row would hold none of them).

An ordinary code does the same for a tablet that proves it is one the office knows: it sends the token it
held (``previous_token``; a revoked token still proves it, a token is a secret only its tablet has) and the
code is for that tablet's own area. One physical tablet is then one row, its records are not split between
two; the office's code is its consent to the tablet working again, as a re-enrollment code is. A code for
another area makes a new tablet of that area, as before: the office of that area hands out a new tablet, and
the old row stays with the records its own area's office looks after.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from caravan.extensions import db
from caravan.models import Area, Device, EnrollmentCode
from caravan.models.base import utcnow
from caravan.services import audit, devices
from caravan.services.codes import CODE_ALPHABET

#: 10 characters of a 31-letter alphabet: about 49 bits, ample for a code that lives a day, is used once,
#: and whose guessing is rate-limited.
ENROLL_CODE_LENGTH = 10


class EnrollError(ValueError):
    """The code cannot be used: ``code`` is ``invalid``, ``expired`` or ``used``."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def normalize(text: str) -> str:
    """The code as typed or scanned, without spaces and dashes, upper-case."""
    return "".join(ch for ch in text.upper() if ch not in " -\t")


def hash_code(text: str) -> str:
    """The stored form of a code."""
    return hashlib.sha256(normalize(text).encode("utf-8", "replace")).hexdigest()


def display(code: str) -> str:
    """A code in two groups of five, easier to read aloud and type: ``ABCDE-FGHJK``."""
    return f"{code[:5]}-{code[5:]}"


def new_enrollment_code(area: Area, by=None, device: Device | None = None) -> tuple[EnrollmentCode, str]:
    """A fresh code for a tablet of ``area``, or one that re-enrolls ``device`` (in its own area); returns
    the row and the code, which is shown once."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(ENROLL_CODE_LENGTH))
    hours = current_app.config["ENROLL_CODE_HOURS"]
    area = device.area if device is not None else area
    row = EnrollmentCode(code_hash=hash_code(code), area_id=area.id, created_by_id=getattr(by, "id", None),
                         expires_at=utcnow() + timedelta(hours=hours), device_id=getattr(device, "id", None))
    db.session.add(row)
    db.session.flush()
    if device is not None:
        audit.record("enrollment_code.create", user=by, entity=row, area=area.code, reenroll=device.id)
    else:
        audit.record("enrollment_code.create", user=by, entity=row, area=area.code)
    return row, code


def enroll(code: str, name: str, previous_token: str | None = None) -> tuple[Device, str]:
    """Create the tablet ``name`` with ``code``, or give a tablet of the code's area that proves itself by
    ``previous_token`` (the token it held) a new token; returns it and its token. Raises
    :class:`EnrollError`.

    The code is claimed by one conditional UPDATE before anything else is written: of two requests
    with one code, the database lets exactly one change the row (PostgreSQL makes the second wait for the
    first and re-check; SQLite, which has no row locks and ignores FOR UPDATE, makes it wait for the
    write lock and then finds the code used).
    """
    code_hash, now = hash_code(code), utcnow()
    claimed = db.session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.code_hash == code_hash, EnrollmentCode.used_at.is_(None),
               EnrollmentCode.expires_at > now)
        .values(used_at=now).execution_options(synchronize_session="fetch"))
    row = db.session.scalar(select(EnrollmentCode).where(EnrollmentCode.code_hash == code_hash))
    if claimed.rowcount != 1:
        if row is None:
            raise EnrollError("invalid")
        raise EnrollError("used" if row.used_at is not None else "expired")
    known = devices.device_for_token(previous_token) if previous_token and row.device_id is None else None
    if known is not None and known.area_id == row.area_id:  # a tablet the office knows: the same row
        row.device_id = known.id
    if row.device_id is not None:  # a re-enrollment code: the same tablet, a new token
        device, token = devices.renew_token(row.device)
        audit.record("device.reenroll", user=row.created_by, device=device, entity=device, code=row.id)
        return device, token
    device, token = devices.create_device(name, row.area.code, by=row.created_by)
    row.device_id = device.id
    audit.record("device.enroll", device=device, entity=device, code=row.id)
    return device, token
