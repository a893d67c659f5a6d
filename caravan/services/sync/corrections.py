"""Correcting, at the office, a registration the server refused from a tablet.

The office types the person's fields again, checked by the rules of every registration
(:mod:`caravan.services.resident_rules`); the record is then applied as if its tablet had sent it corrected:
the same id, the same pass token (the pass the person was given stays valid), the same consent. Records held
behind it (its check-in, services, interests) follow in the same ingest, and the tablet learns at its next
sync that the server holds the record (``check`` in the push).
"""
from __future__ import annotations

from typing import Any

from caravan.extensions import db
from caravan.models import Device, PendingRecord
from caravan.services import audit, resident_rules
from caravan.services.sync import ingest, reasons


class CorrectionError(ValueError):
    """A corrected field still breaks a rule: ``errors`` maps the field to the rule's code."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{field}: {code}" for field, code in errors.items()))
        self.errors = errors


def correctable(row: PendingRecord) -> bool:
    """Whether ``row`` is an open, refused registration from a tablet that a correction of its fields mends."""
    payload = row.payload
    return (row.resolved_at is None and row.device_id is not None
            and reasons.correctable(row.record_type, str(row.status), row.reason)
            and isinstance(payload, dict) and isinstance(payload.get("data"), dict))


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
    data = {key: value for key, value in row.payload["data"].items() if key not in resident_rules.FIELDS}
    data.update({key: value for key, value in values.items() if value not in (None, "")})
    device = db.session.get(Device, row.device_id)
    result = ingest.record_batch(device, [{**row.payload, "data": data}])[0]
    # The fields' names only, never their values: the audit log holds no resident's data.
    audit.record("sync.correct", user=by, entity=device, record_type=row.record_type, status=result.status,
                 fields=sorted(key for key in resident_rules.FIELDS
                               if fields_of(row).get(key, "") != (values.get(key) or "")))
    return result


def is_applied(result: ingest.Result) -> bool:
    """Whether the corrected record is on the server now."""
    return result.status in ("accepted", "duplicate")
