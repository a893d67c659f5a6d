"""What a tablet may touch: the events of its own area and below, and published postings and notices.

These are the things its pulls give it (see :mod:`caravan.services.sync.pull`), so a record naming
anything else did not come from a working tablet of that area; it is rejected with a stable reason and
kept for the office, never applied. A held record is judged for the tablet that made it, whichever
tablet's push brings its parent.
"""
from __future__ import annotations

from caravan.extensions import db
from caravan.models import Device, PublishStatus
from caravan.services.scope import area_ids_within
from caravan.services.sync.validate import Reason


class Reach:
    """Facts about the parents one push looked up, and the areas of the tablets it judges records for."""

    def __init__(self):
        #: Event id -> its area id, for every event looked up.
        self.event_area: dict[str, str] = {}
        #: Ids of postings and notices looked up that are not published.
        self.unpublished: set[str] = set()
        self._areas: dict[str | None, set[str] | None] = {}
        self._home: dict[str | None, str | None] = {}  # tablet -> its own area

    def note_event(self, event_id: str, area_id: str) -> None:
        """Remember where a looked-up event takes place."""
        self.event_area[event_id] = area_id

    def note_status(self, row_id: str, status) -> None:
        """Remember a looked-up posting's or notice's status."""
        if status != PublishStatus.published:
            self.unpublished.add(row_id)

    def _device(self, device_id: str | None) -> Device | None:
        with db.session.no_autoflush:  # the push's rows go in together later, not half of them now
            return db.session.get(Device, device_id) if device_id else None

    def areas(self, device_id: str | None) -> set[str] | None:
        """The ids of the tablet's area and those below it; None for a record of no known tablet."""
        if device_id not in self._areas:  # asked once per tablet and push, when a record names an event
            device = self._device(device_id)
            with db.session.no_autoflush:
                self._areas[device_id] = set(area_ids_within(device.area)) if device else None
        return self._areas[device_id]

    def refusal(self, device_id: str | None, key: str, value: str) -> Reason | None:
        """Why the tablet ``device_id`` may not name ``value`` in ``key`` (``outside_area:event_id``,
        ``not_published:posting_id``), or None. Parents not looked up (still missing) pass."""
        if key == "event_id":
            area_id = self.event_area.get(value)
            if area_id is not None:
                if device_id not in self._home:  # the pushing tablet is at hand: no query
                    device = self._device(device_id)
                    self._home[device_id] = device.area_id if device is not None else None
                if area_id == self._home[device_id]:
                    return None  # the common case: an event of the tablet's own area
                areas = self.areas(device_id)
                if areas is not None and area_id not in areas:
                    return Reason("outside_area", key)
        elif key in ("posting_id", "notice_id") and value in self.unpublished:
            return Reason("not_published", key)
        return None
