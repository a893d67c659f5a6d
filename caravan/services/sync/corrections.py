"""Correcting, at the office, a registration (or an employer visit) the server refused from a tablet.

The office types the person's fields again, checked by the rules of every registration
(:mod:`caravan.services.resident_rules`); the record is then applied as if its tablet had sent it corrected:
the same id, the same pass token (the pass the person was given stays valid), the same consent. Records held
behind it (its check-in, services, interests) follow in the same ingest, and the tablet learns at its next
sync that the server holds the record (``check`` in the push).

Corrected twice (on the tablet and at the office): the same correction twice is one correction (the second
is a duplicate). Of two different ones, the first applied stands; the other side is told so
(``corrected_already``). A tablet's later correction is kept as a conflict that the office opens beside the
stored registration, and either takes over (:func:`correct`) or sets aside (:func:`keep_stored`); until
then the tablet keeps it as a problem. A clerk's later correction changes nothing and says why, the form
keeping what was typed.
"""
from __future__ import annotations

from typing import Any

from caravan.extensions import db
from caravan.models import Attendee, AttendeeGroup, Device, PendingRecord, PendingStatus, SurveyRound
from caravan.models.base import utcnow
from caravan.services import audit, resident_rules, surveys
from caravan.services.sync import ingest, reasons
from caravan.services.sync.receipt import CORRECTED_ALREADY
from caravan.services.sync.validate import VISIT_FIELDS, VISIT_LINE_FIELDS, Reason


class CorrectionError(ValueError):
    """A corrected field still breaks a rule: ``errors`` maps the field to the rule's code."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{field}: {code}" for field, code in errors.items()))
        self.errors = errors


def correctable(row: PendingRecord) -> bool:
    """Whether ``row`` is an open, refused registration from a tablet that a correction of its fields mends,
    or a second, different correction of one (:func:`is_second`)."""
    payload = row.payload
    return (row.resolved_at is None and row.device_id is not None
            and (reasons.correctable(row.record_type, str(row.status), row.reason) or is_second(row))
            and isinstance(payload, dict) and isinstance(payload.get("data"), dict))


def is_second(row: PendingRecord) -> bool:
    """Whether ``row`` is a tablet's correction of a registration that was corrected differently first,
    the registration still standing (not erased, not merged into another)."""
    if row.record_type != "attendee" or row.status != PendingStatus.conflict or row.reason != CORRECTED_ALREADY:
        return False
    attendee = db.session.get(Attendee, row.record_id)
    return attendee is not None and attendee.erased_at is None and attendee.merged_into_id is None


def late(row: PendingRecord) -> bool:
    """Whether ``row`` is a refused registration that was applied meanwhile (corrected on its tablet):
    a correction saved from a form opened before then is compared with it, not applied."""
    return (row.resolved_at is not None and row.device_id is not None
            and reasons.correctable(row.record_type, str(row.status), row.reason)
            and db.session.get(Attendee, row.record_id) is not None)


def stored_fields(row: PendingRecord) -> dict[str, str]:
    """The stored registration's fields, as texts for a page (its village as the id)."""
    attendee = db.session.get(Attendee, row.record_id)
    values = {field: getattr(attendee, field) for field in resident_rules.FIELDS}
    return {field: getattr(value, "value", value) or "" for field, value in values.items()}


def fields_of(row: PendingRecord) -> dict[str, str]:
    """The person's fields as the tablet sent them, as texts for a form (what is not text shows empty)."""
    data = row.payload["data"]
    return {field: data[field] if isinstance(data.get(field), str) else "" for field in resident_rules.FIELDS}


def correct(row: PendingRecord, fields: dict[str, Any], villages: set[str], by=None) -> ingest.Result:
    """Apply the refused registration ``row`` with the person's ``fields`` corrected; flushes, the caller
    commits. ``villages``: the ids of the villages the user may choose. Raises :class:`CorrectionError`
    when a field breaks a rule; otherwise returns the ingest's result (``accepted``, or a refusal that the
    fields do not cause, such as a pass taken meanwhile)."""
    values, errors = resident_rules.clean_attendee(fields)
    if values.get("village_id") and values["village_id"] not in villages:
        errors["village_id"] = "unknown_area"
    if errors:
        raise CorrectionError(errors)
    if row.resolved_at is not None:  # the tablet's correction came first: the same one, or another
        same = not _changes(db.session.get(Attendee, row.record_id), values)
        return ingest.Result(row.record_id, "duplicate" if same else "conflict",
                             None if same else Reason("corrected_already", "id"), type=row.record_type)
    if row.status == PendingStatus.conflict:  # the tablet's second correction, taken over (as it is, or edited)
        attendee = db.session.get(Attendee, row.record_id)
        changed = _changes(attendee, values)
        for field in changed:
            setattr(attendee, field, AttendeeGroup(values[field]) if field == "group" else values[field])
        row.resolved_at = utcnow()
        audit.record("sync.correct", user=by, entity=db.session.get(Device, row.device_id),
                     record_type=row.record_type, status="taken_over", fields=changed)
        db.session.flush()
        return ingest.Result(row.record_id, "accepted", type=row.record_type)
    data = {key: value for key, value in row.payload["data"].items() if key not in resident_rules.FIELDS}
    data.update({key: value for key, value in values.items() if value not in (None, "")})
    device = db.session.get(Device, row.device_id)
    result = ingest.record_batch(device, [{**row.payload, "data": data}])[0]
    # The fields' names only, never their values: the audit log holds no resident's data.
    audit.record("sync.correct", user=by, entity=device, record_type=row.record_type, status=result.status,
                 fields=sorted(key for key in resident_rules.FIELDS
                               if fields_of(row).get(key, "") != (values.get(key) or "")))
    return result


def keep_stored(row: PendingRecord, by=None) -> None:
    """Set a tablet's second correction aside (:func:`is_second`): the stored registration stays as it is.
    The kept copy stays on record, resolved; the tablet counts the registration as sent at its next sync."""
    row.resolved_at = utcnow()
    audit.record("sync.correct", user=by, entity=db.session.get(Device, row.device_id),
                 record_type=row.record_type, status="kept_stored", fields=[])
    db.session.flush()


def _changes(attendee: Attendee, values: dict) -> list[str]:
    """The fields whose cleaned ``values`` differ from the stored registration's (an empty text and none
    are the same)."""
    stored = {field: getattr(attendee, field) for field in resident_rules.FIELDS}
    return sorted(field for field in resident_rules.FIELDS
                  if (getattr(stored[field], "value", stored[field]) or None) != (values.get(field) or None))


# -- employer visits ---------------------------------------------------------------------------------------
# A refused visit is corrected on the office's own visit form, checked by its rule (surveys.clean_visit), and
# applied as if its tablet had sent it corrected: the same id, round, staff member and device.

def _text(value) -> str:
    return "" if value is None or isinstance(value, (bool, dict, list)) else str(value)


def visit_values(row: PendingRecord) -> dict:
    """The refused visit's values as the tablet sent them, as texts for the office's visit form (its lines
    without the wholly empty ones, which the rule drops and a reason's line number does not count)."""
    data = row.payload["data"]
    values = {key: _text(data.get(key)) for key in ("employer_id", *VISIT_FIELDS)}
    lines = data.get("vacancies") if isinstance(data.get("vacancies"), list) else []
    # Only the keys it has: a line without a wage unit shows the form's default one.
    values["vacancies"] = [{key: _text(line.get(key)) for key in VISIT_LINE_FIELDS if _text(line.get(key))}
                           for line in lines
                           if isinstance(line, dict) and any(_text(line.get(key)).strip() for key in VISIT_LINE_FIELDS)]
    return values


def visit_round(row: PendingRecord) -> SurveyRound | None:
    """The survey round the refused visit names (the caller checks that the user may see it)."""
    round_id = row.payload["data"].get("round_id")
    return db.session.get(SurveyRound, round_id) if isinstance(round_id, str) else None


def correct_visit(row: PendingRecord, values: dict, survey_round: SurveyRound, by=None) -> ingest.Result:
    """Apply the refused visit ``row`` with ``values`` (the visit form's texts) instead of what the tablet
    sent; flushes, the caller commits. Raises the rule's ``ValidationError`` (for the form) when a value
    still breaks it; otherwise returns the ingest's result."""
    surveys.clean_visit(values, survey_round)
    data = {"round_id": survey_round.id, "employer_id": values.get("employer_id", "")}
    data.update({key: text for key in VISIT_FIELDS if (text := _text(values.get(key)).strip())})
    data["vacancies"] = [{key: text for key in VISIT_LINE_FIELDS if (text := _text(line.get(key)).strip())}
                         for line in values.get("vacancies", [])]
    sent = visit_values(row)
    device = db.session.get(Device, row.device_id)
    result = ingest.record_batch(device, [{**row.payload, "data": data}])[0]
    # The fields' names only, as for a registration.
    changed = [key for key in ("employer_id", *VISIT_FIELDS) if sent[key].strip() != _text(values.get(key)).strip()]
    if [_line_content(line) for line in data["vacancies"]] != [_line_content(line) for line in sent["vacancies"]]:
        changed.append("vacancies")
    audit.record("sync.correct", user=by, entity=device, record_type=row.record_type, status=result.status,
                 fields=sorted(changed))
    return result


def _line_content(line: dict) -> dict:
    """What a vacancy line says: its non-empty texts; its wage unit only with a wage (the form always
    sends one, the tablet only when it has a wage)."""
    content = {key: text for key in VISIT_LINE_FIELDS if (text := _text(line.get(key)).strip())}
    if not (content.get("wage_min") or content.get("wage_max")):
        content.pop("wage_unit", None)
    return content


def is_applied(result: ingest.Result) -> bool:
    """Whether the corrected record is on the server now."""
    return result.status in ("accepted", "duplicate")
