"""Short codes for QR links and secret tokens for passes."""
from __future__ import annotations

import base64
import secrets

from sqlalchemy import select

from caravan.extensions import db

#: Upper-case letters and digits without look-alikes (0/O, 1/I/L): easy to read aloud and type, and
#: QR's dense alphanumeric mode encodes them.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_code(model) -> str:
    """A short code not yet used by any row of ``model`` (which has a unique ``code`` column)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.session.scalar(select(model.id).where(model.code == code)) is None:
            return code


def new_pass_token() -> str:
    """A resident's pass secret: 160 random bits in upper-case base32 (32 characters)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")
