"""Applying a tablet's ``employer_visit`` record: the survey's rule, the tablet's reach, one visit with its lines.

A visit is not bulk-inserted like the simple field records: it has child rows (its vacancy lines) and its
values pass :func:`caravan.services.surveys.clean_visit`, the web form's rule, which needs the round. Its
round and employer come only from the office, so a visit naming one the server does not know is refused,
never held. The same id again with the same content is a duplicate; with other content, a conflict.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import DBAPIError

from caravan.extensions import db
from caravan.models import Device, EmployerVisit, SurveyRound, User
from caravan.services import surveys
from caravan.services.catalogue.fields import ValidationError
from caravan.services.sync.reach import Reach
from caravan.services.sync.validate import Reason, Record

#: The visit's own values that tell a resend (duplicate) from a different visit (conflict).
CONTENT = ("visited_on", "staff_name", "contact_name", "contact_phone", "planned_hires", "plans",
           "training_needs", "notes")
LINE_CONTENT = ("occupation", "count", "wage_min", "wage_max", "wage_unit", "requirements")


def apply(record: Record, device: Device, reach: Reach, received_at: datetime) -> tuple[str, Reason | None]:
    """Store ``record`` if it may stand: ``("accepted" | "duplicate" | "conflict" | "rejected", reason)``."""
    data = record.data
    with db.session.no_autoflush:
        existing = db.session.get(EmployerVisit, record.id)
        if existing is not None:
            return _compare(existing, data)
        survey_round = db.session.get(SurveyRound, data["round_id"])
        if survey_round is None:
            return "rejected", Reason("unknown_round", "round_id")
        areas = reach.areas(device.id)
        if areas is None or survey_round.area_id not in areas:
            return "rejected", Reason("round_outside_area", "round_id")
        if record.by is not None and db.session.get(User, record.by) is None:
            return "rejected", Reason("unknown_staff", "by")
        try:
            values = surveys.clean_visit(data, survey_round)
        except ValidationError as exc:
            return "rejected", refusal(exc, data)
    try:
        with db.session.begin_nested():
            visit = surveys.record_visit(values, survey_round, visit_id=record.id, device=device)
            visit.device_seq, visit.device_at, visit.staff_id = record.seq, record.at, record.by
            visit.received_at = received_at
            db.session.flush()
    except DBAPIError:  # stored meanwhile by a concurrent push of the same record, or refused by the database
        db.session.expire_all()
        existing = db.session.get(EmployerVisit, record.id)
        if existing is not None:
            return _compare(existing, data)
        return "rejected", Reason("not_storable")
    return "accepted", None


def refusal(exc: ValidationError, data: dict) -> Reason:
    """The stable reason for the survey rule's first problem: the rule's own code where it has one
    (``wage_below_min:vacancies.0.wage_max``), ``missing:<field>`` for an empty required field,
    ``bad_value:<field>`` otherwise, the field as the rule names it (``vacancies.1.count``)."""
    field = next(iter(exc.errors))
    if field in exc.codes:
        return Reason(exc.codes[field], field)
    return Reason("missing" if _raw(data, field) in (None, "") else "bad_value", field)


def _raw(data: dict, field: str):
    head, _sep, rest = field.partition(".")
    if head == "vacancies" and rest:
        n, _sep, key = rest.partition(".")
        lines = [line for line in data.get("vacancies") or []
                 if any(line.get(k) not in (None, "") for k in LINE_CONTENT)]  # as the rule drops empty lines
        return lines[int(n)].get(key) if n.isdigit() and int(n) < len(lines) and key else "?"
    value = data.get(head)
    return value.strip() if isinstance(value, str) else value


def _compare(existing: EmployerVisit, data: dict) -> tuple[str, Reason | None]:
    """``duplicate`` when ``data`` says what the stored visit says, else ``conflict``."""
    if existing.round_id != data["round_id"] or existing.employer_id != data["employer_id"]:
        return "conflict", Reason("conflict", "id")
    try:
        values = surveys.clean_visit(data, existing.round)
    except ValidationError:
        return "conflict", Reason("conflict", "id")
    same = all(values[key] == getattr(existing, key) for key in CONTENT) and len(values["vacancies"]) == len(
        existing.vacancies) and all(line[key] == getattr(row, key) for line, row in zip(values["vacancies"],
                                                                                        existing.vacancies)
                                    for key in LINE_CONTENT)
    return ("duplicate", None) if same else ("conflict", Reason("conflict", "id"))
