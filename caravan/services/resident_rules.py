"""The rules for a resident's registration fields: one set, wherever the person registers.

A resident registers on their own phone (the public form), at a stall (the tablet, through the sync API)
or, later, at the county office. Each of these calls :func:`clean_attendee` (a web form through
:func:`check_field`, one field at a time), and the tablet receives :func:`schema`, made from the same
constants, in the sync API's OpenAPI document and in its strings file, so that it refuses what the server
would refuse before it shows a pass.

Errors are stable codes (``too_long``, ``bad_value`` ...), the same the sync API answers; :func:`message`
turns one into a sentence in the reader's language.
"""
from __future__ import annotations

import re
import uuid
from typing import Any

from flask_babel import lazy_gettext as _l

from caravan.models import AttendeeGroup

#: Limits, in characters (counted after surrounding spaces are removed).
MAX_NAME, MAX_PHONE, MAX_TEXT = 100, 32, 500
#: The consent text's version as a tablet sends it (the column's size).
MAX_CONSENT_VERSION = 32
#: A phone number: an optional leading +, a digit, then digits, spaces and dashes; 6 characters at least.
#: Written so that Python's ``re`` and JavaScript's ``RegExp`` (also with the ``u`` or ``v`` flag) read it
#: alike, because the tablet runs it as served.
PHONE_PATTERN = r"^\+?[0-9][0-9 \-]{4,30}$"
#: Control characters (C0, DEL, C1): they cannot be typed, and break exports and some databases.
#: A single-line field refuses every one of them; a multi-line one allows tab, line feed and carriage return.
SINGLE_LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
MULTI_LINE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"

#: What "surrounding spaces" are. Not str.strip()'s default, which also takes control characters such as
#: U+0085 and U+001C, hiding them from the check (JavaScript's trim() keeps those).
SPACES = " \t\n\r\f\v\u00a0\u3000"

_PHONE = re.compile(PHONE_PATTERN)
_SINGLE = re.compile(SINGLE_LINE_PATTERN)
_MULTI = re.compile(MULTI_LINE_PATTERN)

#: The text fields: (limit, required, multi-line, extra pattern).
TEXT_FIELDS: dict[str, tuple[int, bool, bool, re.Pattern | None]] = {
    "name": (MAX_NAME, True, False, None),
    "phone": (MAX_PHONE, False, False, _PHONE),
    "skills": (MAX_TEXT, False, True, None),
    "wishes": (MAX_TEXT, False, True, None),
}
#: Every field :func:`clean_attendee` checks, in the order its errors are reported.
FIELDS = ("name", "phone", "village_id", "group", "skills", "wishes")


def check_field(field: str, value: Any) -> tuple[Any, str | None]:
    """Check one field's raw ``value``; returns ``(clean value, None)`` or ``(None, error code)``.

    Texts lose surrounding spaces (and a multi-line text's CR LF becomes LF, as a browser counts it);
    an empty optional text is ``""`` (``None`` for the phone and the village).
    """
    if field in TEXT_FIELDS:
        return _text(field, value)
    if field == "group":
        if value is None or value == "":
            return None, "missing"
        if not isinstance(value, str):
            return None, "wrong_type"
        return (value, None) if value in AttendeeGroup.__members__ else (None, "bad_value")
    if field == "village_id":
        if value is None or value == "":
            return None, None
        if not isinstance(value, str) or len(value) > 45:
            return None, "bad_uuid"
        try:
            return str(uuid.UUID(value)), None
        except ValueError:
            return None, "bad_uuid"
    raise KeyError(field)


def _text(field: str, value: Any) -> tuple[str | None, str | None]:
    limit, required, multiline, pattern = TEXT_FIELDS[field]
    if value is None:
        return (None, "missing") if required else (None if field == "phone" else "", None)
    if not isinstance(value, str):
        return None, "wrong_type"
    value = value.strip(SPACES)
    if multiline:
        value = value.replace("\r\n", "\n")
    if not value:
        return (None, "empty") if required else (None if field == "phone" else "", None)
    if len(value) > limit:
        return None, "too_long"
    if not (_MULTI if multiline else _SINGLE).match(value):
        return None, "control_characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a JSON "\ud800" escape
        return None, "bad_text"
    if pattern is not None and not pattern.match(value):
        return None, "bad_value"
    return value, None


def clean_attendee(data: dict) -> tuple[dict, dict[str, str]]:
    """Check a resident's fields in ``data`` (raw values by :data:`FIELDS` name; others are ignored).

    Returns ``(values, errors)``: the clean values of the good fields, and ``{field: code}`` for the bad
    ones, in :data:`FIELDS` order. Whether the village exists is the caller's question (it needs the
    database; a tablet's record may name it before the office's change reaches the server).
    """
    values, errors = {}, {}
    for field in FIELDS:
        value, code = check_field(field, data.get(field))
        if code is None:
            values[field] = value
        else:
            errors[field] = code
    return values, errors


# --- for people: messages ---------------------------------------------------------------------------

_MESSAGES = {
    "name:missing": _l("Please write your name."),
    "name:empty": _l("Please write your name."),
    "phone:bad_value": _l("Please write the whole phone number: digits, spaces, + and - only."),
    "group:missing": _l("Please choose one."),
    "group:bad_value": _l("Please choose one."),
    "too_long": _l("At most %(max)d characters."),
    "control_characters": _l("Please remove the invisible control characters."),
    "other": _l("Please check this field."),
}


def message(field: str, code: str) -> str:
    """The sentence for ``code`` on ``field``, in the current language."""
    text = _MESSAGES.get(f"{field}:{code}") or _MESSAGES.get(code) or _MESSAGES["other"]
    if code == "too_long":
        return str(text) % {"max": TEXT_FIELDS[field][0]}
    return str(text)


def messages() -> dict[str, str]:
    """Every message by key (``field:code``, else ``code``) in the current language, for the tablet's
    strings file; ``too_long`` keeps its ``%(max)d`` for the tablet to fill in."""
    return {key: str(text) for key, text in _MESSAGES.items()}


# --- for machines: the served schema --------------------------------------------------------------------

def schema() -> dict:
    """The JSON Schema of these fields, as served to the tablet and in the sync API's description.

    Values are checked after surrounding spaces are removed. ``x-pattern-reason`` names the error code a
    failed ``pattern`` gives, so that a client can show the same message the server would.
    """
    def text(field: str) -> dict:
        limit, required, multiline, pattern = TEXT_FIELDS[field]
        prop = {"type": "string" if required else ["string", "null"], "maxLength": limit,
                "pattern": MULTI_LINE_PATTERN if multiline else SINGLE_LINE_PATTERN,
                "x-pattern-reason": "control_characters"}
        if required:
            prop["minLength"] = 1
        if pattern is not None:
            # The phone's pattern allows no control character either, so it replaces the general one.
            prop.update(pattern=pattern.pattern, **{"x-pattern-reason": "bad_value"})
        return prop

    return {
        "type": "object",
        "required": ["name", "group"],
        "properties": {
            "name": text("name"),
            "phone": text("phone"),
            "village_id": {"type": ["string", "null"], "format": "uuid"},
            "group": {"enum": [g.value for g in AttendeeGroup]},
            "skills": text("skills"),
            "wishes": text("wishes"),
        },
    }
