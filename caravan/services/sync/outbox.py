"""Importing the file a tablet exports when it cannot sync: the same ingest as a push, for that tablet."""
from __future__ import annotations

from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Device
from caravan.services import audit
from caravan.services.sync import ingest
from caravan.services.sync.validate import strict_json

FORMAT = "caravan-outbox"
VERSION = 1


class OutboxError(ValueError):
    """The file is not a tablet's export: ``code`` is ``not_json``, ``not_outbox``, ``version`` or
    ``unknown_device``."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def read_outbox(raw: bytes) -> tuple[Device, list]:
    """The tablet and the records of an exported file
    ``{"format": "caravan-outbox", "version": 1, "device_id", "exported_at", "records": [...]}``."""
    try:
        body = strict_json(raw)
    except ValueError:
        raise OutboxError("not_json") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT or not isinstance(body.get("records"), list):
        raise OutboxError("not_outbox")
    if body.get("version") != VERSION:
        raise OutboxError("version")
    device_id = body.get("device_id")
    device = db.session.scalar(select(Device).where(Device.id == device_id)) if isinstance(device_id, str) else None
    if device is None:
        raise OutboxError("unknown_device")
    return device, body["records"]


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
