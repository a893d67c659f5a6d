"""Short codes for QR links, secret tokens for passes, and the short code a resident can type."""
from __future__ import annotations

import base64
import hashlib
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


#: Symbols of a typed pass code: 8 of the 31, about 39.6 bits, shown as two groups of four.
PASS_CODE_LENGTH = 8


def pass_hash(token: str) -> str:
    """What tablets hold of a pass: SHA-256 hex of the token (the pull sends nothing else)."""
    return hashlib.sha256(token.encode()).hexdigest()


def pass_code(hash_hex: str) -> str:
    """The short code of the pass whose hash is ``hash_hex``: derived, never stored, so the server (from the
    token) and a tablet (from the hash it pulled) reach the same code offline. static/js/field/pass.js
    computes the same: the first 8 bytes of SHA-256 over the hex hash, as a big-endian number, written in
    base 31 with :data:`CODE_ALPHABET`, lowest digit first."""
    number = int.from_bytes(hashlib.sha256(hash_hex.encode("ascii")).digest()[:8], "big")
    symbols = []
    for _ in range(PASS_CODE_LENGTH):
        number, digit = divmod(number, len(CODE_ALPHABET))
        symbols.append(CODE_ALPHABET[digit])
    return "".join(symbols)


def pass_code_of_token(token: str) -> str:
    """The short code of the pass with ``token``."""
    return pass_code(pass_hash(token))


def show_pass_code(code: str) -> str:
    """A pass code as printed and shown: two groups of four, ``ABCD-EFGH``."""
    return f"{code[:4]}-{code[4:]}"
