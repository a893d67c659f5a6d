"""Fixtures for the sync API: an enrolled tablet, and makers of pushed records."""
from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timezone

import pytest

from caravan.services.codes import new_pass_token
from caravan.services.devices import create_device

API = "/api/sync/v1"


class Tablet:
    """An enrolled tablet: its device row, token, and a counter for ``seq``."""

    def __init__(self, client, device, token):
        self.client, self.device, self.token = client, device, token
        self.headers = {"Authorization": f"Bearer {token}"}
        self._seq = itertools.count(1)
        self.by = None  # the signed-in staff member's id (a string, as the tablet sends it), if any

    def push(self, records, **kw):
        """POST the records; returns the response."""
        return self.client.post(f"{API}/push", json={"records": records}, headers=self.headers, **kw)

    def pull(self, **params):
        return self.client.get(f"{API}/pull", query_string=params, headers=self.headers)

    def record(self, kind, data, record_id=None, at="2026-11-20T05:30:00Z"):
        record = {"type": kind, "id": record_id or str(uuid.uuid4()), "seq": next(self._seq), "at": at,
                  "data": data}
        if self.by is not None:
            record["by"] = self.by
        return record

    def attendee(self, name="阿依古丽", **data):
        data = {"name": name, "group": "rural_worker", "consent_at": "2026-11-20T05:29:00+00:00",
                "consent_version": "2026-11", "pass_token": new_pass_token(), **data}
        return self.record("attendee", data)

    def checkin(self, event_id, attendee_id, method="scan"):
        return self.record("checkin", {"event_id": event_id, "attendee_id": attendee_id, "method": method})

    def service(self, event_id, kind="job_info", **data):
        return self.record("service", {"event_id": event_id, "kind": kind, **data})

    def tally(self, event_id, kind="visitor", count=1):
        return self.record("tally", {"event_id": event_id, "kind": kind, "count": count})

    def interest(self, attendee_id, posting_id, event_id=None):
        return self.record("interest", {"attendee_id": attendee_id, "posting_id": posting_id,
                                        "event_id": event_id})


@pytest.fixture
def make_tablet(client, build, db):
    """Enroll a tablet in ``area`` (the county by default)."""
    def make(name="Tablet 1", area=None):
        area = area or build.county()
        device, token = create_device(name, area.code)
        db.session.commit()
        return Tablet(client, device, token)
    return make


@pytest.fixture
def tablet(make_tablet):
    return make_tablet()


def statuses(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [r["status"] for r in response.json["results"]]


def now_iso():
    return datetime.now(timezone.utc).isoformat()
