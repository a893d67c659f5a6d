"""Sync API endpoints. Tablets authenticate with ``Authorization: Bearer <device token>``."""
from __future__ import annotations

import json
import os

from flask import current_app, jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from caravan.extensions import db
from caravan.models import Device
from caravan.models.base import utcnow
from caravan.services import resident_rules
from caravan.services.devices import device_for_token
from caravan.services.sync import ingest, pull
from caravan.services.sync.receipt import receipt, stored_among
from caravan.services.sync.validate import Invalid, parse_uuid, strict_json
from caravan.sync import bp

API_VERSION = 1


def error(status: int, code: str, message: str, **extra):
    """A JSON error answer ``{"error": code, "message": ..., ...}``."""
    response = jsonify({"error": code, "message": message, **extra})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="caravan"'
    return response


def authenticated_device():
    """The tablet making this request, or an error response (401 unknown token, 403 revoked)."""
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    device = device_for_token(token)
    if device is None:
        return None, error(401, "unauthorized",
                           _("Unknown or missing device token. Keep the unsent records and enroll the tablet again."))
    if device.revoked:
        return None, error(403, "revoked",
                           _("The office has revoked this tablet. Its unsent records stay on it; export them "
                             "and give the file to the office."))
    return device, None


def json_body():
    """The request's JSON body, or an error response (415 not JSON, 400 malformed, 413 too large)."""
    if request.mimetype != "application/json":
        return None, error(415, "unsupported_media_type", _("Send the body as application/json."))
    try:
        return strict_json(request.get_data(cache=False)), None
    except ValueError:
        return None, error(400, "malformed_json", _("The body is not valid JSON."))


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_exc):
    limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    return error(413, "request_too_large",
                 _("The request is larger than %(num)d MiB: send smaller batches.", num=limit))


@bp.route("/")
def index():
    """What this API is and where its endpoints are; needs no token."""
    return jsonify({"api": "caravan-sync", "version": API_VERSION,
                    "endpoints": {name: request.base_url + name
                                  for name in ("device", "enroll", "push", "pull", "openapi.json")}})


@bp.route("/device")
def device_info():
    """The calling tablet: its name and area, so a tablet can check its credential."""
    device, failure = authenticated_device()
    if failure:
        return failure
    return jsonify({"id": device.id, "name": device.name, "area": device.area.code,
                    "last_sync_at": device.last_sync_at.isoformat() if device.last_sync_at else None})


@bp.route("/push", methods=["POST"])
def push():
    """Apply a batch of field records; answer per record, with the tablet's receipt."""
    device, failure = authenticated_device()
    if failure:
        return failure
    body, failure = json_body()
    if failure:
        return failure
    records = body.get("records") if isinstance(body, dict) else None
    if not isinstance(records, list):
        return error(400, "bad_request", _("The body must be an object with a list of records."))
    if len(records) > ingest.MAX_BATCH:
        return error(413, "batch_too_large",
                     _("At most %(num)d records per push: send smaller batches.", num=ingest.MAX_BATCH),
                     max_records=ingest.MAX_BATCH)
    check = _check_ids(body.get("check", []))
    if check is None:
        return error(400, "bad_request",
                     _("check must be a list of at most %(num)d record ids.", num=ingest.MAX_BATCH))
    answer = apply_batch(device, records)
    if "check" in body:
        answer["stored"] = stored_among(device.id, check)
    db.session.commit()
    return jsonify(answer)


def _check_ids(value) -> list[str] | None:
    """The ids a tablet asks about (those it keeps as problems), canonical; None when not a list of at most
    MAX_BATCH UUIDs."""
    if not isinstance(value, list) or len(value) > ingest.MAX_BATCH:
        return None
    try:
        return [parse_uuid(item) for item in value]
    except Invalid:
        return None


def apply_batch(device: Device, records: list) -> dict:
    """Ingest ``records`` from ``device`` and build the answer (the caller commits)."""
    results = ingest.record_batch(device, records)  # which also notes the device's sync time
    return {"results": [r.as_json() for r in results], "receipt": receipt(device)}


@bp.route("/pull")
def pull_changes():
    """What changed since ``cursor`` for the tablet's area, ``limit`` changes at most."""
    device, failure = authenticated_device()
    if failure:
        return failure
    cursor = _int_arg("cursor", 0, 0, 2**63 - 1)
    limit = _int_arg("limit", pull.DEFAULT_LIMIT, 1, pull.MAX_LIMIT)
    if cursor is None or limit is None:
        return error(400, "bad_request",
                     _("cursor must be a whole number of 0 or more; limit from 1 to %(num)d.", num=pull.MAX_LIMIT))
    answer = pull.pull(device, cursor, limit)
    device.last_sync_at = utcnow()
    db.session.commit()
    return jsonify(answer)


def _int_arg(name: str, default: int, low: int, high: int) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19:
        return None
    value = int(raw)
    return value if low <= value <= high else None


@bp.route("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API."""
    path = os.path.join(current_app.root_path, "sync", "openapi.json")
    with open(path, "rb") as fh:
        document = json.load(fh)
    # A resident's fields follow the one set of rules the web forms use; the file holds only the rest.
    attendee = document["components"]["schemas"]["AttendeeData"]
    rules = resident_rules.schema()
    attendee["required"] = list(dict.fromkeys(rules["required"] + attendee["required"]))
    attendee["properties"] = {**rules["properties"], **attendee["properties"]}
    response = current_app.response_class(json.dumps(document, ensure_ascii=False, indent=1),
                                          mimetype="application/json")
    response.cache_control.max_age = 300
    return response
