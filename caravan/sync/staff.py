"""``POST /api/sync/v1/staff``: a staff member signs in on an enrolled tablet (online, once, and again
after the tablet wiped its PIN keys). The answer carries the tablet's recovery key, which wraps the
tablet's data key; the tablet never stores it."""
from __future__ import annotations

import base64
import math

from flask import current_app, jsonify, request
from flask_babel import gettext as _

from caravan.extensions import db
from caravan.models import Role
from caravan.services import signin as signins
from caravan.services.devices import recovery_key
from caravan.services.sync.validate import Invalid, text_value
from caravan.sync import bp
from caravan.sync.views import authenticated_device, error, json_body


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@bp.route("/staff", methods=["POST"])
def staff_signin():
    """``{username, password}`` -> the staff member, the recovery key and the tablet's lock settings.

    The same limits and audit as the web sign-in (services.signin): the attempt is counted and committed
    before the password is checked.
    """
    device, failure = authenticated_device()
    if failure:
        return failure
    body, failure = json_body()
    if failure:
        return failure
    try:
        username = text_value(body.get("username") if isinstance(body, dict) else None, "username", 100)
        password = text_value(body.get("password") if isinstance(body, dict) else None, "password", 200)
    except Invalid:
        return error(400, "bad_request", _("Send a user name and a password."))
    attempt = signins.begin(username, request.remote_addr or "unknown")
    db.session.commit()  # counted before the password is checked: see services.signin
    if attempt.refused:
        if attempt.refused == "user":
            message = _("Too many failed sign-ins for this user name. Please try again in %(num)d minutes, "
                        "or ask an administrator to unlock it.", num=math.ceil(attempt.retry_after / 60))
        else:
            message = _("Too many failed sign-ins from this network. Please wait %(num)d seconds and try again.",
                        num=attempt.retry_after)
        response = error(429, "too_many_attempts", message)
        response.headers["Retry-After"] = str(attempt.retry_after)
        return response
    user = signins.finish(attempt, password)
    inactive = None if user is not None else signins.inactive_match(attempt, password)
    db.session.commit()
    not_allowed = _("This staff member may not use this tablet: the account is inactive, or its area does "
                    "not include the tablet's area.")
    if inactive is not None:
        return error(403, "not_allowed", not_allowed)
    if user is None:
        return error(401, "bad_credentials", _("Wrong user name or password."))
    if not user.has_role(Role.field) or user.area is None or not user.area.contains(device.area):
        return error(403, "not_allowed", not_allowed)
    config = current_app.config
    return jsonify({
        "staff": {"id": user.id, "username": user.username, "name": user.display_name or user.username,
                  "role": user.role.value},
        "recovery_key": _b64url(recovery_key(device)),
        "pin_length": config["TABLET_PIN_LENGTH"], "lock_minutes": config["TABLET_LOCK_MINUTES"],
        "pin_tries": 5,
    })
