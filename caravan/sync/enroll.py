"""``POST /api/sync/v1/enroll``: a tablet trades a one-time code from the office for its device token."""
from __future__ import annotations

from flask import current_app, jsonify, request
from flask_babel import gettext as _

from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.services import throttle
from caravan.services.devices import DeviceError
from caravan.services.sync.enroll import EnrollError, enroll
from caravan.services.sync.validate import Invalid, text_value
from caravan.sync import bp
from caravan.sync.views import error, json_body

ENROLL_BUCKET = "enroll"


@bp.route("/enroll", methods=["POST"])
def enroll_tablet():
    """``{code, name, previous_token?}`` -> ``{device_id, token, area: {id, code, name}}``; each code works
    once. A tablet that sends the token it held keeps its row (:func:`caravan.services.sync.enroll.enroll`)."""
    address = request.remote_addr or "unknown"
    config = current_app.config
    if throttle.is_limited(ENROLL_BUCKET, [address], config["ENROLL_MAX_FAILURES"],
                           config["ENROLL_WINDOW_SECONDS"]):
        response = error(429, "too_many_attempts", _("Too many wrong codes. Wait a quarter of an hour and try again."))
        response.headers["Retry-After"] = str(config["ENROLL_WINDOW_SECONDS"])
        return response
    body, failure = json_body()
    if failure:
        return failure
    code = body.get("code") if isinstance(body, dict) else None
    name = body.get("name") if isinstance(body, dict) else None
    previous = body.get("previous_token") if isinstance(body, dict) else None
    try:
        name = text_value(name, "name", 100).strip()
        code = text_value(code, "code", 64)
        previous = text_value(previous, "previous_token", 200) if previous is not None else None
    except Invalid:
        return error(400, "bad_request", _("Send the enrollment code and a name for the tablet (up to 100 characters)."))
    try:
        device, token = enroll(code, name, previous)
    except EnrollError as exc:
        throttle.record_hit(ENROLL_BUCKET, address)
        db.session.commit()
        status, message = {
            "invalid": (400, _("This enrollment code is not valid. Check it and try again.")),
            "expired": (410, _("This enrollment code has expired. Ask the office for a new one.")),
            "used": (410, _("This enrollment code was already used. Ask the office for a new one.")),
        }[exc.code]
        return error(status, f"{exc.code}_code", message)
    except DeviceError:
        db.session.rollback()
        return error(400, "bad_request", _("Send the enrollment code and a name for the tablet (up to 100 characters)."))
    area = device.area
    answer = {"device_id": device.id, "token": token,
              "area": {"id": area.id, "code": area.code, "name": area.name_in(current_locale_str())}}
    db.session.commit()
    return jsonify(answer)
