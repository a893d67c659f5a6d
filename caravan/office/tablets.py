"""The office's tablets: enrollment codes, revocation and re-enrollment, records with problems, and imports
of exported files."""
from __future__ import annotations

import base64
import io

import qrcode
from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, literal, or_, select, union_all
from sqlalchemy.orm import selectinload

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.models import (Area, AreaLevel, Device, Event, Notice, NoticeTranslation, PendingRecord, Posting,
                            PostingTranslation, Role, SurveyRound, User)
from caravan.models.base import utcnow
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import audit, resident_rules
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within, get_within, is_county_level, within
from caravan.services.sync import corrections
from caravan.services.sync.enroll import display, new_enrollment_code
from caravan.services.sync.outbox import OutboxError, import_outbox, read_outbox
from caravan.services.sync.reasons import (SUBJECT_FIELDS, STATUS_LABELS, describe, field_word, reason_field,
                                           record_type_word)
from caravan.services.sync.validate import Invalid, staff_id

#: Most problem rows shown on one page, newest first.
PROBLEMS_SHOWN = 500


@bp.context_processor
def _sync_labels() -> dict:
    return {"describe_reason": describe, "sync_statuses": STATUS_LABELS, "staff_id_of": staff_id_of,
            "correctable": corrections.correctable, "record_type_word": record_type_word, "field_word": field_word}


def _areas() -> list[Area]:
    """The areas the signed-in user may enroll tablets for: theirs and those below it."""
    return areas_within(scope())


def _device_ids():
    """A subquery of the ids of the tablets of the user's area and below."""
    return select(Device.id).where(within(Device.area_id, scope()))


def _problems_within():
    """A SQL condition: a problem record came from a tablet of the user's area (one from no tablet counts
    as the county's, like every row without an area)."""
    from_devices = PendingRecord.device_id.in_(_device_ids())
    return or_(from_devices, PendingRecord.device_id.is_(None)) if is_county_level(scope()) else from_devices


def _problem_counts() -> dict[str, dict[str, int]]:
    rows = db.session.execute(
        select(PendingRecord.device_id, PendingRecord.status, func.count())
        .where(PendingRecord.resolved_at.is_(None), _problems_within())
        .group_by(PendingRecord.device_id, PendingRecord.status))
    counts: dict[str, dict[str, int]] = {}
    for device_id, status, n in rows:
        counts.setdefault(device_id, {})[str(status)] = n
    return counts


@bp.route("/tablets/")
@role_required(Role.office)
def tablets():
    """The tablets of the user's area with their last sync and their records on hold, in conflict or
    rejected."""
    devices = db.session.scalars(select(Device).where(within(Device.area_id, scope()))
                                 .options(selectinload(Device.area)).order_by(Device.name))
    return render_template("office/tablets/list.html", devices=list(devices), counts=_problem_counts(),
                           areas=_areas(), revoked=request.args.get("revoked"))


@bp.route("/tablets/codes", methods=["POST"])
@role_required(Role.office)
def new_code():
    """Make a one-time enrollment code and show it, as text and as a QR, this once."""
    area = next((a for a in _areas() if a.id == request.form.get("area")), None)
    if area is None:
        abort(400)
    row, code = new_enrollment_code(area, by=current_user)
    db.session.commit()
    return render_template("office/tablets/code.html", code=display(code), qr=_qr_data_uri(code), row=row,
                           area=area)


def _qr_data_uri(payload: str) -> str:
    """A PNG QR code of ``payload`` as a data: URI, so the secret never appears in a URL of ours."""
    image = qrcode.make(payload, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@bp.route("/tablets/<device_id>/revoke", methods=["GET", "POST"])
@role_required(Role.office)
def revoke(device_id: str):
    """Ask, then revoke a tablet: its token stops working; what it holds stays on it."""
    device = get_within(Device, device_id, scope()) or abort(404)
    if request.method == "POST":
        if not device.revoked:
            device.revoked_at = utcnow()
            audit.record("device.revoke", user=current_user, entity=device)
            db.session.commit()
        return redirect(url_for("office.tablets", revoked=device.name))
    return render_template("office/tablets/revoke.html", device=device)


@bp.route("/tablets/<device_id>/reenroll", methods=["POST"])
@role_required(Role.office)
def reenroll(device_id: str):
    """Make a one-time code that re-enrolls this revoked tablet: the same tablet, with its id and its records,
    gets a new token when it enrolls with the code. An active tablet needs none (back to the list)."""
    device = get_within(Device, device_id, scope()) or abort(404)
    if not device.revoked:
        return redirect(url_for("office.tablets"), 303)
    row, code = new_enrollment_code(device.area, by=current_user, device=device)
    db.session.commit()
    return render_template("office/tablets/code.html", code=display(code), qr=_qr_data_uri(code), row=row,
                           area=device.area, device=device)


@bp.route("/tablets/problems")
@role_required(Role.office)
def problems():
    """Pushed records of the user's area's tablets that were held, in conflict or rejected, newest first;
    no personal data shown."""
    rows = db.session.scalars(select(PendingRecord).where(_problems_within())
                              .order_by(PendingRecord.received_at.desc(), PendingRecord.id.desc())
                              .limit(PROBLEMS_SHOWN))
    rows = list(rows)
    names = dict(db.session.execute(select(Device.id, Device.name).where(Device.id.in_(_device_ids()))).all())
    return render_template("office/tablets/problems.html", rows=rows, names=names, staff=_staff_of(rows),
                           subjects=_subjects(rows), corrected=request.args.get("corrected"),
                           kept=request.args.get("kept"))


def _subject_ref(row: PendingRecord) -> tuple[str, str] | None:
    """The field and the id of the posting, event or notice a problem's reason is about
    (``not_published:posting_id`` -> ``("posting_id", <the record's posting_id>)``), if it names one."""
    field = reason_field(row.reason)
    data = row.payload.get("data") if isinstance(row.payload, dict) else None
    value = data.get(field) if field in SUBJECT_FIELDS and isinstance(data, dict) else None
    return (field, value) if isinstance(value, str) and value else None


def _subjects(rows: list[PendingRecord]) -> dict[int, str]:
    """Problem row id -> the title of the posting or notice, or the place of the event, its reason is about,
    in the reader's language (else Chinese, else any), in one look-up for the page. Postings and events
    outside the user's area are left out like unknown ones; notices are county-wide (read by everyone)."""
    refs = {row.id: ref for row in rows if (ref := _subject_ref(row)) is not None}
    ids = {field: {value for f, value in refs.values() if f == field} for field in SUBJECT_FIELDS}
    parts, locale = [], current_locale_str()
    if ids["posting_id"]:
        parts.append(select(literal("posting_id"), PostingTranslation.posting_id, PostingTranslation.lang,
                            PostingTranslation.title).join(Posting)
                     .where(Posting.id.in_(ids["posting_id"]), within(Posting.area_id, scope())))
    if ids["notice_id"]:
        parts.append(select(literal("notice_id"), NoticeTranslation.notice_id, NoticeTranslation.lang,
                            NoticeTranslation.title).join(Notice).where(Notice.id.in_(ids["notice_id"])))
    if ids["event_id"]:
        place = getattr(Event, f"place_{locale}", Event.place_zh)
        parts.append(select(literal("event_id"), Event.id, literal(locale),
                            func.coalesce(func.nullif(place, ""), Event.place_zh))
                     .where(Event.id.in_(ids["event_id"]), within(Event.area_id, scope())))
    if not parts:
        return {}
    texts: dict[tuple[str, str], dict[str, str]] = {}
    for field, row_id, lang, text in db.session.execute(union_all(*parts) if len(parts) > 1 else parts[0]):
        texts.setdefault((field, row_id), {})[lang] = text
    found = {}
    for problem_id, ref in refs.items():
        by_lang = texts.get(ref)
        if by_lang:
            found[problem_id] = by_lang.get(locale) or by_lang.get("zh") or next(iter(by_lang.values()))
    return found


def _staff_of(rows: list[PendingRecord]) -> dict[int, str]:
    """The names of the staff members the kept records name (their ``by``), in one look-up; an id that
    names no user (rejected as unknown_staff) is simply absent. The records are within the user's area
    through their tablet; the staff member who made one may belong to an area above (who signed in on the
    tablet is part of the record), so the names are not limited to the user's area."""
    ids = {staff_id_of(row.payload) for row in rows} - {None}
    if not ids:
        return {}
    found = db.session.execute(select(User.id, User.display_name, User.username).where(User.id.in_(ids)))
    return {user_id: display_name or username for user_id, display_name, username in found}


def staff_id_of(payload) -> int | None:
    """The staff member's id a kept record's payload names, if it names a possible one."""
    try:
        return staff_id(payload.get("by")) if isinstance(payload, dict) else None
    except Invalid:
        return None


@bp.route("/tablets/problems/<problem_id>/correct", methods=["GET", "POST"])
@role_required(Role.office)
def correct_problem(problem_id: str):
    """Correct a registration the server refused from a tablet of the user's area, by the rules of every
    registration; it is applied under its id and pass token, and what was held behind it follows. A
    tablet's second, different correction of one opens here beside the stored registration: the office
    takes it over (edited or not) or keeps the stored one. (One rule for corrections made twice:
    :mod:`caravan.services.sync.corrections`.)"""
    # A whole number that fits the column, else unknown (an overflowing one would be a 500 on PostgreSQL).
    if not (problem_id.isascii() and problem_id.isdigit() and len(problem_id) <= 18):
        abort(404)
    row = db.session.scalar(select(PendingRecord).where(PendingRecord.id == int(problem_id), _problems_within()))
    # A form opened before the tablet's own correction arrived is still answered, by comparing the two.
    late = row is not None and request.method == "POST" and corrections.late(row)
    if row is None or not (late or corrections.correctable(row)):
        abort(404)
    if row.record_type == "employer_visit":
        return _correct_visit(row)
    second = not late and corrections.is_second(row)
    villages = [a for a in _areas() if a.level == AreaLevel.village]
    values, errors, alert, status = corrections.fields_of(row), {}, None, 200
    if request.method == "POST" and second and request.form.get("keep"):
        corrections.keep_stored(row, by=current_user)
        db.session.commit()
        return redirect(url_for("office.problems", kept=row.record_id[:8]))
    if request.method == "POST":
        values = {field: request.form.get(field, "") for field in resident_rules.FIELDS}
        try:
            result = corrections.correct(row, values, {v.id for v in villages}, by=current_user)
        except corrections.CorrectionError as exc:
            errors, status = {field: [resident_rules.message(field, code)] for field, code in exc.errors.items()}, 422
        else:
            if corrections.is_applied(result):
                db.session.commit()
                return redirect(url_for("office.problems", corrected=row.record_id[:8]))
            db.session.rollback()  # refused: keep nothing of it
            if late:
                status, alert = 409, _("This registration was corrected on its tablet meanwhile, and the server "
                                       "keeps that correction: nothing was changed. What you entered is still "
                                       "here; to change the registration, correct it on the person's page.")
            else:  # refused for another reason (a pass taken meanwhile)
                status, alert = 422, describe(str(result.reason))
    device_name = db.session.scalar(select(Device.name).where(Device.id == row.device_id))
    return render_template("office/tablets/correct.html", row=row, values=values, errors=errors, alert=alert,
                           villages=villages, device_name=device_name, late=late,
                           stored=corrections.stored_fields(row) if second else None), status


def _correct_visit(row: PendingRecord):
    """Correct a refused employer visit on the office's visit form (its round must be within the user's
    area); it is applied under its id, as if its tablet had sent it corrected."""
    from caravan.office.surveys import _visit_form, visit_form_posted
    survey_round = corrections.visit_round(row)
    if survey_round is None or get_within(SurveyRound, survey_round.id, scope()) is None:
        abort(404)
    device_name = db.session.scalar(select(Device.name).where(Device.id == row.device_id))
    page = {"correcting": row, "device_name": device_name}
    if request.method == "GET":  # the field the reason names is marked from the start, with the reason
        return _visit_form(survey_round, corrections.visit_values(row),
                           {reason_field(row.reason): [describe(row.reason)]}, **page)
    values, step = visit_form_posted(survey_round, **page)
    if step is not None:
        return step
    try:
        result = corrections.correct_visit(row, values, survey_round, by=current_user)
    except ValidationError as exc:
        return _visit_form(survey_round, values, exc.errors, 422, _("Please correct the marked fields."), **page)
    if corrections.is_applied(result):
        db.session.commit()
        return redirect(url_for("office.problems", corrected=row.record_id[:8]))
    db.session.rollback()  # refused for another reason (its employer left the round's area meanwhile)
    return _visit_form(survey_round, values, {}, 422, describe(str(result.reason)), **page)


@bp.route("/tablets/import", methods=["GET", "POST"])
@role_required(Role.office)
def import_file():
    """Upload a tablet's exported unsent records; they go through the same ingest as a push."""
    if request.method == "GET":
        return render_template("office/tablets/import.html")
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_template("office/tablets/import.html", problem=_("Choose the file a tablet exported.")), 422
    try:
        device, records = read_outbox(upload.read(), scope())  # another area's tablet: as if unknown here
    except OutboxError as exc:
        message = {
            "not_json": _("This file is not a tablet's export: it is not JSON."),
            "not_outbox": _("This file is not a tablet's export of unsent records."),
            "version": _("This export comes from a newer tablet app; update the server first."),
            "unknown_device": _("The tablet that exported this file is not enrolled here."),
            "key": _("This file's records are encrypted with a key this server cannot open: the file comes "
                     "from another tablet or another server, or the server's secret key was changed after "
                     "the tablet's staff signed in. Nothing was imported."),
        }[exc.code]
        return render_template("office/tablets/import.html", problem=message), 422
    results = import_outbox(device, records, by=current_user)
    db.session.commit()
    return render_template("office/tablets/import.html", device=device, results=results)
