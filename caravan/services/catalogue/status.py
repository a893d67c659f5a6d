"""Moving a posting or a notice between draft, published and closed, with its audit entry."""
from __future__ import annotations

from caravan.extensions import db
from caravan.models import PublishStatus
from caravan.services import audit

#: The audit verb of each status change, as in ``posting.publish``.
ACTIONS = {PublishStatus.published: "publish", PublishStatus.closed: "close", PublishStatus.draft: "draft"}


def change_status(entity, status: PublishStatus, kind: str, by=None) -> None:
    """Give ``entity`` its new ``status`` and log ``<kind>.<verb>`` with the old and new status."""
    old, entity.status = entity.status, status
    db.session.flush()
    audit.record(f"{kind}.{ACTIONS[status]}", user=by, entity=entity, status=[old.value, status.value])
