"""Sync API endpoints. Tablets authenticate with ``Authorization: Bearer <device token>``."""
from __future__ import annotations

from flask import jsonify, request

from caravan.services.devices import device_for_token
from caravan.sync import bp

API_VERSION = 1


def _error(status: int, code: str, message: str):
    response = jsonify({"error": code, "message": message})
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
        return None, _error(401, "unauthorized", "Unknown or missing device token; enroll the tablet again.")
    if device.revoked:
        return None, _error(403, "revoked", "This tablet was revoked by the office; its records stay on it.")
    return device, None


@bp.route("/")
def index():
    """What this API is and where its endpoints are; needs no token."""
    return jsonify({"api": "caravan-sync", "version": API_VERSION,
                    "endpoints": {"device": request.base_url + "device"}})


@bp.route("/device")
def device_info():
    """The calling tablet: its name and area, so a tablet can check its credential."""
    device, error = authenticated_device()
    if error:
        return error
    return jsonify({"id": device.id, "name": device.name, "area": device.area.code,
                    "last_sync_at": device.last_sync_at.isoformat() if device.last_sync_at else None})
