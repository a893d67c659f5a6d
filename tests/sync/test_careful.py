"""Should the database refuse a row that validation let through, that row alone is rejected."""
from sqlalchemy import func, select

from caravan.models import PendingRecord, Tally
from caravan.services.sync import validate
from tests.sync.conftest import statuses


def test_a_row_the_database_refuses_is_rejected_and_the_rest_saved(tablet, build, db, monkeypatch):
    event = build.event()
    lenient = lambda data: {"event_id": data["event_id"], "kind": data["kind"], "count": data["count"]}  # noqa: E731
    monkeypatch.setitem(validate.VALIDATORS, "tally", lenient)  # lets count=0 reach the CHECK constraint
    records = [tablet.tally(event.id, count=2), tablet.tally(event.id, count=0), tablet.tally(event.id, count=3)]
    response = tablet.push(records)
    assert statuses(response) == ["accepted", "rejected", "accepted"]
    assert response.json["results"][1]["reason"] == "not_storable"
    assert sorted(db.session.scalars(select(Tally.count))) == [2, 3]
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 1
    assert response.json["receipt"]["device_records"] == 2
