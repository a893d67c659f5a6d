"""What a tablet may touch: the events of its own area and below, and published postings and notices.

These are the things its pulls give it (see :mod:`caravan.services.sync.pull`), so a record naming
anything else did not come from a working tablet of that area; it is rejected with a stable reason and
kept for the office, never applied.
"""
from __future__ import annotations

from caravan.extensions import db
from caravan.models import Device, PublishStatus
from caravan.services.events import area_ids_within
from caravan.services.sync.validate import Reason


class Reach:
    """The areas of one tablet, and the facts about parents that decide whether it may name them."""

    def __init__(self, device: Device):
        self.device = device
        self._areas: set[str] | None = None
        #: Event id -> its area id, for every event looked up.
        self.event_area: dict[str, str] = {}
        #: Ids of postings and notices looked up that are not published.
        self.unpublished: set[str] = set()

    @property
    def areas(self) -> set[str]:
        if self._areas is None:  # asked once per push, and only when a record names an event
            with db.session.no_autoflush:  # the push's rows go in together later, not half of them now
                self._areas = set(area_ids_within(self.device.area))
        return self._areas

    def note_event(self, event_id: str, area_id: str) -> None:
        """Remember where a looked-up event takes place."""
        self.event_area[event_id] = area_id

    def note_status(self, row_id: str, status) -> None:
        """Remember a looked-up posting's or notice's status."""
        if status != PublishStatus.published:
            self.unpublished.add(row_id)

    def refusal(self, key: str, value: str) -> Reason | None:
        """Why the tablet may not name ``value`` in ``key`` (``outside_area:event_id``,
        ``not_published:posting_id``), or None. Parents not looked up (still missing) pass."""
        if key == "event_id":
            area_id = self.event_area.get(value)
            if area_id is not None and area_id not in self.areas:
                return Reason("outside_area", key)
        elif key in ("posting_id", "notice_id") and value in self.unpublished:
            return Reason("not_published", key)
        return None
