"""How fast does a push store field records, against a raw bulk insert of the same rows?

Creates a fresh database (a SQLite file, and PostgreSQL when given ``--postgres URL``: a database is made
on that server and dropped afterwards), pushes mixed records (attendees, check-ins, services, tallies,
interests; parents first) in batches through the real Flask app, and then inserts the same rows into a
fresh copy with one bulk ``insert()`` per table, several times in turn. Prints records per second for both
(the best run, by wall clock and by this process's CPU time) and push's speed as a share of the raw insert's.

    .venv/bin/python bench/sync_ingest.py
    .venv/bin/python bench/sync_ingest.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/
"""
from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from caravan import create_app  # noqa: E402
from caravan.extensions import db  # noqa: E402
from caravan.models import (Area, AreaLevel, Attendee, CheckIn, Employer, Event, EventKind, Interest,  # noqa: E402
                            Posting, PostingTranslation, PublishStatus, ReferralStep, ServiceGiven, Tally)
from caravan.services.codes import new_pass_token  # noqa: E402
from caravan.services.devices import create_device  # noqa: E402
from caravan.services.sync.validate import validate  # noqa: E402

#: Fixed, so that the raw insert into a second fresh database refers to the same parents.
EVENT_ID, POSTING_ID = "8f6c2b1e-0c1d-4b7e-9d55-1e6f0b7a0001", "8f6c2b1e-0c1d-4b7e-9d55-1e6f0b7a0002"
#: Shares of each record type among the pushed records.
MIX = {"attendee": 0.2, "checkin": 0.3, "service": 0.2, "tally": 0.15, "interest": 0.15}


def make_records(n: int, event_id: str, posting_id: str, seed: int = 7) -> list[dict]:
    """``n`` records in the order a tablet makes them: each person registered before what refers to them."""
    rng = random.Random(seed)
    at = datetime(2026, 11, 20, 4, 0, tzinfo=timezone.utc)
    records, people, seq = [], [], 0
    interested: set[str] = set()

    def add(kind, data):
        nonlocal seq, at
        seq += 1
        at += timedelta(seconds=7)
        records.append({"type": kind, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "seq": seq,
                        "at": at.isoformat(), "data": data})
        return records[-1]["id"]

    kinds, weights = list(MIX), list(MIX.values())
    while len(records) < n:
        kind = "attendee" if not people else rng.choices(kinds, weights)[0]
        if kind == "attendee":
            people.append(add("attendee", {
                "name": f"居民{len(people)}", "group": "rural_worker", "phone": "13800000000",
                "skills": "缝纫, 驾驶", "consent_at": at.isoformat(), "consent_version": "2026-11",
                "pass_token": new_pass_token()}))
        elif kind == "checkin":
            add("checkin", {"event_id": event_id, "attendee_id": rng.choice(people), "method": "scan"})
        elif kind == "service":
            add("service", {"event_id": event_id, "attendee_id": rng.choice(people), "kind": "job_info",
                            "posting_id": posting_id})
        elif kind == "tally":
            add("tally", {"event_id": event_id, "kind": "visitor", "count": rng.randint(1, 5)})
        elif len(interested) < len(people):
            # One open interest per person and posting: a second one would be answered duplicate.
            person = rng.choice([p for p in people if p not in interested])
            interested.add(person)
            add("interest", {"attendee_id": person, "posting_id": posting_id, "event_id": event_id})
    return records


def fresh_app(url: str):
    """An app on ``url`` with empty tables and a county, an event, a posting and a tablet."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "PUBLIC_BASE_URL": "http://127.0.0.1:5000"})
    with app.app_context():
        db.drop_all()
        db.create_all()
        county = Area(code="B", level=AreaLevel.county, name_zh="县")
        posting = Posting(id=POSTING_ID, code="BENCH1", employer=Employer(name_zh="厂"), status=PublishStatus.published,
                          translations=[PostingTranslation(lang="zh", title="工")])
        now = datetime.now(timezone.utc)
        event = Event(id=EVENT_ID, code="BENCH2", kind=EventKind.bazaar, area=county, place_zh="集市", starts_at=now,
                      ends_at=now + timedelta(hours=6))
        db.session.add_all([county, posting, event])
        db.session.flush()
        device, token = create_device("Bench", "B")
        db.session.commit()
        ids = event.id, posting.id, device.id
    return app, token, ids


class Clock:
    """Wall-clock and CPU seconds of this process (SQLite runs in it; on a loaded machine CPU time is the
    steadier figure, PostgreSQL's own work shows only in the wall clock)."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def run_push(url: str, n: int, batch: int) -> tuple[Clock, list[dict]]:
    """Push ``n`` records; returns the time taken and the records."""
    app, token, (event_id, posting_id, _) = fresh_app(url)
    records = make_records(n, event_id, posting_id)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    # The tablet encodes its batches and reads the answers: that is not the server's work, so it is done
    # outside the clock.
    bodies = [json.dumps({"records": records[i:i + batch]}).encode() for i in range(0, n, batch)]
    answers = []
    with Clock() as clock:
        for body in bodies:
            response = client.post("/api/sync/v1/push", data=body, content_type="application/json", headers=headers)
            answers.append(response)
    for response in answers:
        assert response.status_code == 200, response.get_data(as_text=True)
        assert {r["status"] for r in response.json["results"]} == {"accepted"}, response.json["results"][:3]
    assert answers[-1].json["receipt"]["device_records"] == n
    with app.app_context():
        db.engine.dispose()
    return clock, records


def raw_rows(records: list[dict], device_id: str) -> dict:
    """The rows a push stores, as plain dictionaries per table."""
    now = datetime.now(timezone.utc)
    tables = {Attendee: [], CheckIn: [], ServiceGiven: [], Tally: [], Interest: [], ReferralStep: []}
    for item in records:
        record = validate(item)
        data = record.data
        common = {"id": record.id, "device_id": device_id, "device_seq": record.seq, "device_at": record.at,
                  "received_at": now}
        if record.type == "attendee":
            tables[Attendee].append({**data, "id": record.id, "consent_channel": "tablet", "device_id": device_id,
                                     "device_seq": record.seq, "device_at": record.at, "created_at": now,
                                     "updated_at": now})
        elif record.type == "checkin":
            tables[CheckIn].append({**common, **data})
        elif record.type == "service":
            tables[ServiceGiven].append({**common, **data})
        elif record.type == "tally":
            tables[Tally].append({**common, **data})
        else:
            tables[Interest].append({**common, **data, "status": "interested"})
            tables[ReferralStep].append({"interest_id": record.id, "status": "interested", "at": record.at})
    return tables


def run_raw(url: str, records: list[dict]) -> Clock:
    """Insert the same rows with one bulk insert() per table; returns the time taken."""
    app, _, (_, _, device_id) = fresh_app(url)
    with app.app_context():
        tables = raw_rows(records, device_id)  # validation is the push's work, not the baseline's
        with Clock() as clock:
            for model, rows in tables.items():
                if rows:
                    db.session.execute(insert(model), rows)
            db.session.commit()
        db.engine.dispose()
    return clock


def bench(label: str, url: str, n: int, batch: int, repeat: int) -> None:
    """Push and raw insert in turn, ``repeat`` times; prints the best of each and the range of ratios."""
    pushes, raws = [], []
    for _ in range(repeat):
        push, records = run_push(url, n, batch)
        pushes.append(push)
        raws.append(run_raw(url, records))
    for what in ("wall", "cpu"):
        push_s = [getattr(c, what) for c in pushes]
        raw_s = [getattr(c, what) for c in raws]
        ratios = sorted(r / p for p, r in zip(push_s, raw_s))
        print(f"{label:>10} {what:>4}: push {n / min(push_s):8.0f} records/s (best {min(push_s):6.2f} s, batches of "
              f"{batch}); raw bulk insert {n / min(raw_s):8.0f} records/s (best {min(raw_s):5.2f} s); "
              f"push/raw speed {min(raw_s) / min(push_s):4.2f}x (runs {ratios[0]:4.2f}x-{ratios[-1]:4.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    parser.add_argument("--postgres", metavar="URL",
                        help="a PostgreSQL server URL; a scratch database is made on it, unless the URL names a "
                             "database, whose tables are then dropped and made afresh")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    args = parser.parse_args()
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            bench("SQLite", f"sqlite:///{tmp}/bench.sqlite3", args.records, args.batch, args.repeat)
    if args.postgres and make_url(args.postgres).database:
        bench("PostgreSQL", args.postgres, args.records, args.batch, args.repeat)
    elif args.postgres:
        name = "caravan_bench_" + secrets.token_hex(4)
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        try:
            bench("PostgreSQL", make_url(args.postgres).set(database=name).render_as_string(hide_password=False),
                  args.records, args.batch, args.repeat)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
            admin.dispose()


if __name__ == "__main__":
    main()
