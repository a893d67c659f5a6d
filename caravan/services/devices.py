"""Tablets: creating one with its bearer token, and recognising a token."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import current_app
from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Area, Device
from caravan.services import audit


#: What the recovery key's HMAC is taken over, before the device id (see the tablet keys contract).
RECOVERY_LABEL = b"caravan tablet recovery key\0"


class DeviceError(ValueError):
    """A tablet could not be created as asked."""


def hash_token(token: str) -> str:
    """The stored form of a device token (SHA-256; tokens are random, so no salt is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_device(name: str, area_code: str, by=None) -> tuple[Device, str]:
    """Create an enrolled tablet; returns it and its token, which is shown once and never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise DeviceError("name: 1 to 100 characters")
    area = db.session.scalar(select(Area).where(Area.code == area_code))
    if area is None:
        raise DeviceError(f"area: no area with code {area_code!r}")
    token = secrets.token_urlsafe(32)
    device = Device(name=name, area=area, token_hash=hash_token(token), created_by_id=getattr(by, "id", None))
    db.session.add(device)
    db.session.flush()
    audit.record("device.create", user=by, entity=device, area=area_code)
    return device, token


def renew_token(device: Device) -> tuple[Device, str]:
    """Give ``device`` a new token (the old one stops working) and lift its revocation; returns it and the
    token, which is shown once. The caller audits why."""
    token = secrets.token_urlsafe(32)
    device.token_hash = hash_token(token)
    device.revoked_at = None
    db.session.flush()
    return device, token


def device_for_token(token: str) -> Device | None:
    """The tablet holding ``token``, revoked or not; None for an unknown token."""
    if not token:
        return None
    return db.session.scalar(select(Device).where(Device.token_hash == hash_token(token)))


def recovery_key(device: Device) -> bytes:
    """The tablet's recovery key: HMAC-SHA256 under the app's SECRET_KEY of a fixed label and the device id.

    The tablet wraps its data key with it (and with each staff member's PIN), so the office can open the
    tablet's export files. It follows from the device row alone: the same for the life of the row (a
    re-enrolled tablet keeps it) until SECRET_KEY changes. Never logged, never stored."""
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode("utf-8") if isinstance(secret, str) else secret
    return hmac.new(secret, RECOVERY_LABEL + device.id.encode("utf-8"), hashlib.sha256).digest()
