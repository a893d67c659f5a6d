"""Checking pushed records: one validator per record type, each giving clean data or a typed reason.

A validator looks only at the record itself (shape, types, lengths, allowed values). Whether its parents
exist is the ingest's business, because a parent may arrive later.
"""
from __future__ import annotations

import functools
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from caravan.models import CheckInMethod, ServiceKind, TallyKind
from caravan.services import resident_rules

#: Largest ``seq`` accepted: the column is a 32-bit integer.
MAX_SEQ = 2**31 - 1
#: Control characters other than tab and newline cannot be typed on a tablet and break some databases.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PASS_TOKEN = re.compile(r"[A-Z2-7]{26,64}")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: Deeper JSON than this is no record of ours; refusing it early keeps every later step simple.
MAX_JSON_DEPTH = 32


def strict_json(raw: bytes) -> Any:
    """Parse a request body; ValueError for anything but plain JSON (no NaN, no deep nesting)."""
    try:
        value = json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    # Level by level: the containers at each depth (json.loads makes plain dicts and lists only).
    level = [value] if type(value) in _CONTAINERS else []
    depth = 1
    while level:
        if depth == MAX_JSON_DEPTH and any(level):  # its values lie one deeper
            raise ValueError("nested too deeply")
        level = [v for item in level for v in (item.values() if type(item) is dict else item)
                 if type(v) in _CONTAINERS]
        depth += 1
    return value


_CONTAINERS = frozenset((dict, list))


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity: Python reads them, databases do not


@dataclass(frozen=True)
class Reason:
    """Why a record was not applied: a stable code and the field it concerns (both machine-readable).

    ``str(reason)`` is what the API answers and what ``pending_records.reason`` keeps, e.g.
    ``too_long:name``; caravan.services.sync.reasons turns it into a sentence in the user's language.
    """

    code: str
    field: str = ""

    def __str__(self) -> str:
        return f"{self.code}:{self.field}" if self.field else self.code


class Invalid(Exception):
    """Raised inside a validator; carries the :class:`Reason`."""

    def __init__(self, code: str, field: str = ""):
        super().__init__(code, field)
        self.reason = Reason(code, field)


@dataclass(frozen=True)
class Record:
    """A pushed record that passed validation; ``data`` holds normalised values only."""

    type: str
    id: str
    seq: int
    at: datetime
    data: dict
    #: The id of the staff member signed in on the tablet when it was made (the envelope's ``by``); None
    #: from tablet apps that did not name one yet. Whether that user exists is the ingest's business.
    by: int | None = None


# --- field checks -----------------------------------------------------------------------------------

def _text(data: dict, key: str, max_len: int, required: bool = False, multiline: bool = False) -> str | None:
    value = data.get(key)
    if value is None or (value == "" and not required):
        if required:
            raise Invalid("missing", key)
        return None
    if not isinstance(value, str):
        raise Invalid("wrong_type", key)
    if required and not value.strip():
        raise Invalid("empty", key)
    if len(value) > max_len:
        raise Invalid("too_long", key)
    if _CONTROL.search(value if not multiline else value.replace("\r", "")) or (
            not multiline and ("\n" in value or "\t" in value)):
        raise Invalid("control_characters", key)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a JSON "\ud800" escape
        raise Invalid("bad_text", key) from None
    return value


def text_value(value: Any, key: str, max_len: int) -> str:
    """A required single-line text of at most ``max_len`` characters, or :class:`Invalid`."""
    return _text({key: value}, key, max_len, required=True)


def _uuid(data: dict, key: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise Invalid("missing", key)
        return None
    return parse_uuid(value, key)


def parse_uuid(value: Any, key: str = "id") -> str:
    """``value`` as a canonical lower-case UUID string, or :class:`Invalid`."""
    if not isinstance(value, str) or len(value) > 45:
        raise Invalid("bad_uuid", key)
    if _CANONICAL_UUID.fullmatch(value):  # what tablets send: already canonical, no need to rebuild it
        return value
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise Invalid("bad_uuid", key) from None


def parse_time(value: Any, key: str = "at") -> datetime:
    """An ISO 8601 time as an aware UTC datetime; a time without zone is taken as UTC."""
    if not isinstance(value, str) or len(value) > 40:
        raise Invalid("bad_time", key)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid("bad_time", key) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01T00:00+01:00 has no UTC form
        raise Invalid("bad_time", key) from None


def _choice(data: dict, key: str, allowed: type, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise Invalid("missing", key)
        return None
    if not isinstance(value, str):
        raise Invalid("wrong_type", key)
    if value not in _names(allowed):
        raise Invalid("bad_value", key)
    return value


@functools.cache
def _names(allowed: type) -> frozenset[str]:
    return frozenset(allowed.__members__)  # asked once: ``__members__`` builds a new view on every access


# --- one validator per record type ----------------------------------------------------------------------

def attendee(data: dict) -> dict:
    """A registration made at a stall: the resident's fields pass :mod:`caravan.services.resident_rules`,
    as on every other way to register."""
    token = _text(data, "pass_token", 64, required=True)
    if not _PASS_TOKEN.fullmatch(token):
        raise Invalid("bad_value", "pass_token")
    values, errors = resident_rules.clean_attendee(data)
    if errors:
        field, code = next(iter(errors.items()))
        raise Invalid(code, field)
    return {
        **values,
        "consent_at": parse_time(_present(data, "consent_at"), "consent_at"),
        "consent_version": _text(data, "consent_version", resident_rules.MAX_CONSENT_VERSION, required=True),
        "pass_token": token,
    }


def checkin(data: dict) -> dict:
    """A resident checked in at an event."""
    return {"event_id": _uuid(data, "event_id"), "attendee_id": _uuid(data, "attendee_id"),
            "method": _choice(data, "method", CheckInMethod)}


def service(data: dict) -> dict:
    """Information or advice given at an event, to a known resident or not."""
    return {"event_id": _uuid(data, "event_id"), "attendee_id": _uuid(data, "attendee_id", required=False),
            "kind": _choice(data, "kind", ServiceKind),
            "posting_id": _uuid(data, "posting_id", required=False),
            "notice_id": _uuid(data, "notice_id", required=False)}


def tally(data: dict) -> dict:
    """Visitors served without registering: a count of 1 to 1000. A tally that cancels an earlier one
    (``cancels_id``: a tap undone on the tablet after it was sent) carries that tally's count negated,
    -1000 to -1, so that every sum of counts is right without changing the first one."""
    count = data.get("count")
    if count is None:
        raise Invalid("missing", "count")
    if not isinstance(count, int) or isinstance(count, bool):
        raise Invalid("wrong_type", "count")
    cancels = _uuid(data, "cancels_id", required=False)
    if not (-1000 <= count <= -1 if cancels else 1 <= count <= 1000):
        raise Invalid("out_of_range", "count")
    return {"event_id": _uuid(data, "event_id"), "kind": _choice(data, "kind", TallyKind), "count": count,
            "cancels_id": cancels}


def interest(data: dict) -> dict:
    """A resident's interest in a posting, or in a training course (``notice_id``): exactly one of the two,
    as the interests table holds it (models.records.INTEREST_SUBJECT_SQL)."""
    attendee = _uuid(data, "attendee_id")
    posting = _uuid(data, "posting_id", required=False)
    notice = _uuid(data, "notice_id", required=False)
    if posting is None and notice is None:
        raise Invalid("missing", "posting_id")
    if posting is not None and notice is not None:
        raise Invalid("two_subjects", "notice_id")
    return {"attendee_id": attendee, "posting_id": posting, "notice_id": notice,
            "event_id": _uuid(data, "event_id", required=False)}


def fair_arrival(data: dict) -> dict:
    """An employer seen arriving at their booth at a job fair (whether it takes part is the ingest's
    business, like every parent)."""
    return {"event_id": _uuid(data, "event_id"), "employer_id": _uuid(data, "employer_id")}


#: The fields of an employer visit besides its round and employer, and of each of its vacancy lines: what
#: :func:`caravan.services.surveys.clean_visit` reads (it checks them; keys not listed are dropped here).
VISIT_FIELDS = ("visited_on", "staff_name", "contact_name", "contact_phone", "planned_hires", "plans",
                "training_needs", "notes")
VISIT_LINE_FIELDS = ("occupation", "count", "wage_min", "wage_max", "wage_unit", "requirements")
#: More lines than this is no visit (the survey rule allows fewer still and says so).
MAX_VISIT_LINES = 100


def employer_visit(data: dict) -> dict:
    """A visit to an employer in a survey round: only its shape here (ids, a list of line objects, text
    without control characters); its values pass the survey rule, the web form's, when it is applied
    (:mod:`caravan.services.sync.visits`), because that rule needs the round."""
    values = {"round_id": _uuid(data, "round_id"), "employer_id": _uuid(data, "employer_id")}
    for key in VISIT_FIELDS:
        value = data.get(key)
        if isinstance(value, str):
            values[key] = _text(data, key, 4000, multiline=True)
        elif value is None or (isinstance(value, int) and not isinstance(value, bool)):
            values[key] = value
        else:
            raise Invalid("wrong_type", key)
    lines = data.get("vacancies", [])
    if not isinstance(lines, list):
        raise Invalid("wrong_type", "vacancies")
    if len(lines) > MAX_VISIT_LINES:
        raise Invalid("out_of_range", "vacancies")
    values["vacancies"] = []
    for n, line in enumerate(lines):
        if not isinstance(line, dict):
            raise Invalid("wrong_type", f"vacancies.{n}")
        values["vacancies"].append({key: _line_value(line, n, key) for key in VISIT_LINE_FIELDS})
    return values


def _line_value(line: dict, n: int, key: str):
    value = line.get(key)
    if isinstance(value, str):
        return _text({f"vacancies.{n}.{key}": value}, f"vacancies.{n}.{key}", 4000, multiline=True)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise Invalid("wrong_type", f"vacancies.{n}.{key}")


def _present(data: dict, key: str) -> Any:
    value = data.get(key)
    if value is None:
        raise Invalid("missing", key)
    return value


VALIDATORS: dict[str, Callable[[dict], dict]] = {
    "attendee": attendee, "checkin": checkin, "service": service, "tally": tally, "interest": interest,
    "fair_arrival": fair_arrival, "employer_visit": employer_visit}


def staff_id(value: Any) -> int | None:
    """The envelope's ``by``: a user id, as the string the tablet sends (or a number); None when absent."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        if not (value.isascii() and value.isdigit() and len(value) <= 12):
            raise Invalid("bad_value", "by")
        number = int(value)
    else:
        raise Invalid("wrong_type", "by")
    if not 1 <= number <= MAX_SEQ:  # no user has such an id (and the column could not hold it)
        raise Invalid("unknown_staff", "by")
    return number


def validate(item: Any) -> Record:
    """Check one pushed item ``{type, id, seq, at, by?, data}``; returns a :class:`Record` or raises
    :class:`Invalid`."""
    if not isinstance(item, dict):
        raise Invalid("not_an_object")
    record_id = parse_uuid(_present(item, "id"), "id")
    kind = item.get("type")
    if kind is None:
        raise Invalid("missing", "type")
    if not isinstance(kind, str) or kind not in VALIDATORS:
        raise Invalid("unknown_type", "type")
    seq = item.get("seq")
    if seq is None:
        raise Invalid("missing", "seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise Invalid("wrong_type", "seq")
    if not 0 <= seq <= MAX_SEQ:
        raise Invalid("out_of_range", "seq")
    at = parse_time(_present(item, "at"), "at")
    data = item.get("data")
    if data is None:
        raise Invalid("missing", "data")
    if not isinstance(data, dict):
        raise Invalid("wrong_type", "data")
    if "sealed" in data:  # encrypted personal fields that were not opened (see caravan.services.sync.outbox)
        raise Invalid("sealed", "data")
    by = staff_id(item.get("by"))
    return Record(type=kind, id=record_id, seq=seq, at=at, data=VALIDATORS[kind](data), by=by)
