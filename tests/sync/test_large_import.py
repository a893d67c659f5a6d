"""A tablet's export over one push's size, with a row the database refuses: every good record is kept."""
from sqlalchemy import func, select

from caravan.models import PendingRecord, SyncBatch, Tally
from caravan.services.sync import validate
from tests.sync.test_office_tablets import outbox


def _lenient_tallies(monkeypatch):
    """Let ``count=0`` past validation so that the database's CHECK constraint refuses it."""
    lenient = lambda data: {"event_id": data["event_id"], "kind": data["kind"], "count": data["count"]}  # noqa: E731
    monkeypatch.setitem(validate.VALIDATORS, "tally", lenient)


def test_importing_more_than_one_batch_keeps_every_good_record(login_as, tablet, build, db, monkeypatch):
    event = build.event()
    _lenient_tallies(monkeypatch)
    records = [tablet.tally(event.id, count=2) for _ in range(510)]
    refused = {10, 505}  # one in the first batch of 500, one in the second
    records[10] = tablet.tally(event.id, count=0)
    records[505] = tablet.tally(event.id, count=0)
    login_as("office")
    response = tablet.client.post("/office/tablets/import", data=outbox(tablet, records),
                                  headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert f"{len(records) - 2} of {len(records)} records from tablet Tablet 1 are now on the server." in \
        response.get_data(as_text=True)
    db.session.expire_all()
    stored = set(db.session.scalars(select(Tally.id)))
    assert stored == {r["id"] for i, r in enumerate(records) if i not in refused}
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 2
    assert [b.accepted for b in db.session.scalars(select(SyncBatch).order_by(SyncBatch.id))] == [499, 9]


def test_a_refused_row_in_a_push_does_not_undo_the_request_s_earlier_work(tablet, build, db, monkeypatch):
    """The push service undoes only its own part: what the caller did before it stays."""
    from caravan.services.sync import ingest
    event = build.event()
    _lenient_tallies(monkeypatch)
    first = ingest.record_batch(tablet.device, [tablet.tally(event.id, count=4)])
    second = ingest.record_batch(tablet.device, [tablet.tally(event.id, count=0), tablet.tally(event.id, count=5)])
    db.session.commit()
    assert [r.status for r in first + second] == ["accepted", "rejected", "accepted"]
    assert sorted(db.session.scalars(select(Tally.count))) == [4, 5]
