"""Writing the audit log."""
from __future__ import annotations

from caravan.extensions import db
from caravan.models import AuditEntry


def record(action: str, *, user=None, device=None, entity=None, entity_type: str = "",
           entity_id: str = "", **detail) -> AuditEntry:
    """Add an audit entry for ``action`` by ``user`` or ``device`` on ``entity``.

    ``detail`` holds what changed; callers must not pass a resident's personal data.
    """
    if entity is not None:
        entity_type = entity_type or entity.__tablename__
        entity_id = entity_id or str(entity.id)
    entry = AuditEntry(action=action, user_id=getattr(user, "id", None), device_id=getattr(device, "id", None),
                       entity_type=entity_type, entity_id=entity_id, detail=detail)
    db.session.add(entry)
    db.session.flush()
    return entry
