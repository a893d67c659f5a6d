"""Records held for a missing parent are limited per tablet; beyond the limit they are kept as rejected."""
import inspect
import re
import uuid

from sqlalchemy import func, select

from caravan.config import Defaults
from caravan.models import PendingRecord, PendingStatus
from tests.sync.conftest import statuses


def test_held_records_beyond_the_limit_are_rejected_with_a_reason_and_kept(app, make_tablet, build, db):
    app.config["SYNC_MAX_HELD_PER_DEVICE"] = 3
    tablet, other = make_tablet("Tablet 1"), make_tablet("Tablet 2")
    event = build.event()
    strangers = [str(uuid.uuid4()) for _ in range(5)]
    first = [tablet.checkin(event.id, stranger) for stranger in strangers[:2]]
    assert statuses(tablet.push(first)) == ["held", "held"]
    second = [tablet.checkin(event.id, stranger) for stranger in strangers[2:]]
    response = tablet.push(first + second)
    assert statuses(response) == ["held", "held", "held", "rejected", "rejected"]
    assert {r.get("reason") for r in response.json["results"][3:]} == {"too_many_held"}
    kept = list(db.session.scalars(select(PendingRecord).order_by(PendingRecord.id)))
    assert [k.status for k in kept] == [PendingStatus.held] * 3 + [PendingStatus.rejected] * 2
    assert statuses(tablet.push(first + second)) == ["held", "held", "held", "rejected", "rejected"]
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 5
    # The limit is per tablet: another one still has room.
    assert statuses(other.push([other.checkin(event.id, strangers[0])])) == ["held"]


def test_the_limit_is_a_documented_setting(app):
    source = inspect.getsource(Defaults)
    assert Defaults.SYNC_MAX_HELD_PER_DEVICE >= 100 and app.config["SYNC_MAX_HELD_PER_DEVICE"] >= 100
    assert re.search(r"#: Records one tablet may have on hold[^=]*\n    SYNC_MAX_HELD_PER_DEVICE = ", source)
