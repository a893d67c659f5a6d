"""The office's tablets: enrollment codes, revocation and re-enrollment, records with problems, and imports
of exported files."""
from __future__ import annotations

import base64
import io

import qrcode
from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Area, Device, PendingRecord, Role
from caravan.models.base import utcnow
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import audit
from caravan.services.scope import areas_within, get_within, is_county_level, within
from caravan.services.sync.enroll import display, new_enrollment_code
from caravan.services.sync.outbox import OutboxError, import_outbox, read_outbox
from caravan.services.sync.reasons import STATUS_LABELS, describe

#: Most problem rows shown on one page, newest first.
PROBLEMS_SHOWN = 500


@bp.context_processor
def _sync_labels() -> dict:
    return {"describe_reason": describe, "sync_statuses": STATUS_LABELS}


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
    names = dict(db.session.execute(select(Device.id, Device.name).where(Device.id.in_(_device_ids()))).all())
    return render_template("office/tablets/problems.html", rows=list(rows), names=names)


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
        device, records = read_outbox(upload.read())
        if get_within(Device, device.id, scope()) is None:  # another area's tablet: as if unknown here
            raise OutboxError("unknown_device")
    except OutboxError as exc:
        message = {
            "not_json": _("This file is not a tablet's export: it is not JSON."),
            "not_outbox": _("This file is not a tablet's export of unsent records."),
            "version": _("This export comes from a newer tablet app; update the server first."),
            "unknown_device": _("The tablet that exported this file is not enrolled here."),
        }[exc.code]
        return render_template("office/tablets/import.html", problem=message), 422
    results = import_outbox(device, records, by=current_user)
    db.session.commit()
    return render_template("office/tablets/import.html", device=device, results=results)
