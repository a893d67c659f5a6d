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


def device_for_token(token: str) -> Device | None:
    """The tablet holding ``token``, revoked or not; None for an unknown token."""
    if not token:
        return None
    return db.session.scalar(select(Device).where(Device.token_hash == hash_token(token)))


RECOVERY_LABEL = b"caravan tablet recovery key\0"


def recovery_key(device: Device) -> bytes:
    """The 32-byte key that wraps a tablet's data key (HMAC-SHA256 of the device id under SECRET_KEY).

    Derived, never stored: it stays the same for the life of the device row, so a re-enrolled tablet and
    the office's import of its export file find the same key. It must never be logged.
    """
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, RECOVERY_LABEL + device.id.encode(), hashlib.sha256).digest()
