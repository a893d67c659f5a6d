"""Importing the file a tablet exports when it cannot sync: the same ingest as a push, for that tablet.

Version 1 files carry the records as the tablet made them. Version 2 files carry residents' personal
fields sealed (AES-GCM under the tablet's data key), and the data key wrapped by the tablet's recovery key
(:func:`caravan.services.devices.recovery_key`): the import unwraps the key, opens each record and then
ingests as for version 1.
"""
from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Area, Device
from caravan.services import audit
from caravan.services.devices import recovery_key
from caravan.services.scope import get_within
from caravan.services.sync import ingest
from caravan.services.sync.validate import strict_json

FORMAT = "caravan-outbox"
#: The versions of the file this server reads.
VERSIONS = (1, 2)
#: The length of every AES-GCM iv the tablet makes (WebCrypto's recommended 96 bits).
IV_BYTES = 12


class OutboxError(ValueError):
    """The file cannot be imported: ``code`` is ``not_json``, ``not_outbox``, ``version``,
    ``unknown_device`` or ``key`` (its data key does not open with the tablet's recovery key)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def read_outbox(raw: bytes, area: Area | None = None) -> tuple[Device, list]:
    """The tablet and the records of an exported file
    ``{"format": "caravan-outbox", "version": 1 or 2, "device_id", "exported_at", "key"?, "records": [...]}``,
    with a version 2 file's sealed fields opened (a record whose fields do not open is left sealed: the
    ingest rejects it as ``sealed:data``). With ``area``, a tablet outside it is as unknown as any other,
    and its file's key is not even tried."""
    try:
        body = strict_json(raw)
    except ValueError:
        raise OutboxError("not_json") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT or not isinstance(body.get("records"), list):
        raise OutboxError("not_outbox")
    version = body.get("version")
    if isinstance(version, bool) or version not in VERSIONS:
        raise OutboxError("version")
    device_id = body.get("device_id")
    device = None
    if isinstance(device_id, str):
        device = (get_within(Device, device_id, area) if area is not None
                  else db.session.scalar(select(Device).where(Device.id == device_id)))
    if device is None:
        raise OutboxError("unknown_device")
    if version == 1:
        return device, body["records"]
    data_key = _unwrap(device, body.get("key"))
    return device, [_opened(data_key, item) for item in body["records"]]


def _unwrap(device: Device, key: Any) -> AESGCM:
    """The tablet's data key from the file's ``key`` ``{iv, wrapped}`` (AES-GCM under the recovery key)."""
    if not isinstance(key, dict):
        raise OutboxError("not_outbox")
    try:
        iv, wrapped = _iv(key.get("iv")), _b64(key.get("wrapped"))
    except ValueError:
        raise OutboxError("not_outbox") from None
    try:
        raw = AESGCM(recovery_key(device)).decrypt(iv, wrapped, None)
    except InvalidTag:  # another tablet's file, or SECRET_KEY changed since the tablet signed in
        raise OutboxError("key") from None
    if len(raw) != 32:
        raise OutboxError("key")
    return AESGCM(raw)


def _opened(data_key: AESGCM, item: Any) -> Any:
    """``item`` with the fields of its ``data.sealed`` in place of the blob; unchanged when it has none or
    when the blob does not open (then it stays sealed, and is kept as a rejected record)."""
    data = item.get("data") if isinstance(item, dict) else None
    if not isinstance(data, dict) or "sealed" not in data:
        return item
    sealed, record_id = data["sealed"], item.get("id")
    if not isinstance(sealed, dict) or not isinstance(record_id, str):
        return item
    try:
        plain = data_key.decrypt(_iv(sealed.get("iv")), _b64(sealed.get("ct")), record_id.encode("utf-8"))
        fields = strict_json(plain)
    except (ValueError, InvalidTag, UnicodeError):
        return item
    if not isinstance(fields, dict):
        return item
    clear = {key: value for key, value in data.items() if key != "sealed"}
    return {**item, "data": {**clear, **fields}}


def _b64(value: Any) -> bytes:
    """Standard base64 with padding, as the tablet's btoa writes it; ValueError for anything else."""
    if not isinstance(value, str):
        raise ValueError("not base64")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error:
        raise ValueError("not base64") from None


def _iv(value: Any) -> bytes:
    iv = _b64(value)
    if len(iv) != IV_BYTES:
        raise ValueError("not an iv")
    return iv


def import_outbox(device: Device, records: list, by=None) -> list[ingest.Result]:
    """Apply an exported file's records as pushes from ``device`` (revoked or not), in batches of the
    push size; the caller commits."""
    results: list[ingest.Result] = []
    for start in range(0, len(records), ingest.MAX_BATCH):
        results += ingest.record_batch(device, records[start:start + ingest.MAX_BATCH])
    statuses = [r.status for r in results]
    audit.record("sync.import", user=by, entity=device, records=len(records),
                 **{status: statuses.count(status) for status in sorted(set(statuses))})
    return results
