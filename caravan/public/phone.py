"""A phone's random id, in a cookie: it tells one phone's requests from its neighbours' behind one address
(a stall's Wi-Fi, a carrier's NAT), for the limits on registering (services.registration_limit) and on
looking up passes that do not exist (services.pass_limit). It names no one; the limits keep it only as a
keyed hash, for a day."""
from __future__ import annotations

import secrets

from flask import Response, current_app, request

PHONE_COOKIE = "caravan_phone"
PHONE_COOKIE_AGE = 365 * 24 * 3600


def phone_id() -> str | None:
    """This phone's id, if it has one of ours (anything longer is not, and counts as none)."""
    value = request.cookies.get(PHONE_COOKIE)
    return value if value and len(value) <= 64 else None


def remember_phone(response: Response, phone: str | None) -> Response:
    """Give this phone its random id, unless it has one."""
    if not phone:
        response.set_cookie(PHONE_COOKIE, secrets.token_urlsafe(16), max_age=PHONE_COOKIE_AGE, httponly=True,
                            samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response
