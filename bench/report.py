"""How fast is the quarterly statistics table, against one hand-written aggregate query over the same tables?

Builds a county in a fresh database (a SQLite file, and PostgreSQL when given ``--postgres URL``: a database
is made on that server and dropped afterwards) with its own small builder: 10 townships of 10 villages,
``--residents`` residents (2 % of them merged duplicates, 1 % erased), ``--events`` held events (and some
cancelled ones) all inside one quarter, ``--checkins`` check-ins among them (every resident's registration
one of them), tallies, services, postings shown, interests and referral steps in proportion. Then it times
:func:`caravan.services.reports.quarterly_table` for the county (the best of ``--repeat`` runs) and one
hand-written statement that counts visits and people by township over the same check-ins (the physical
floor: the table cannot be faster than reading the check-ins once), and prints both and their ratio, in
wall-clock seconds and in CPU seconds of the database (this process's for SQLite, the server process's for a
PostgreSQL server on this machine): on a shared machine the wall clock follows the load, the CPU much less.
PostgreSQL runs the statement over the check-ins in parallel workers, whose CPU is not the session's: there the
CPU figure is the leading process's share, and the wall clock on a quiet machine is the figure to quote.

    .venv/bin/python bench/report.py                      # SQLite, 100,000 residents, 1,000,000 check-ins
    .venv/bin/python bench/report.py --postgres postgresql+psycopg://postgres@127.0.0.1:55432/
    .venv/bin/python bench/report.py --scale 0.1          # a tenth of everything, for a quick look

Beside this stress case (every check-in in the one quarter measured) it times the table on the realistic county
that ``bench/office.py`` builds (``--benchdata URL``, by default ``caravan_benchdata``; two years of events), for
its busiest quarter, on PostgreSQL and on a SQLite copy of the same rows (``--benchdata-sqlite FILE``, copied
once from PostgreSQL and reused). ``--only benchdata`` or ``--only stress`` runs one of the two.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import bindparam, create_engine, func, insert, inspect, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from caravan import create_app  # noqa: E402
from caravan.extensions import db  # noqa: E402
from caravan.models import (Area, Attendee, CheckIn, Employer, Event, EventStatus, Interest, Posting,  # noqa: E402
                            ReferralStep, ServiceGiven, Tally, event_postings)
from caravan.models.base import UTCDateTime  # noqa: E402
from caravan.services.reports import quarter_bounds, quarterly_table  # noqa: E402

YEAR, QUARTER = 2026, 3
BATCH = 20_000
#: The floor: visits and people by township, one pass over the quarter's check-ins.
FLOOR_SQL = """
SELECT t.id, COUNT(DISTINCT c.event_id || ':' || COALESCE(a.merged_into_id, a.id)),
       COUNT(DISTINCT COALESCE(a.merged_into_id, a.id))
FROM checkins c JOIN events e ON e.id = c.event_id JOIN attendees a ON a.id = c.attendee_id
JOIN areas v ON v.id = e.area_id JOIN areas t ON t.id = v.parent_id
WHERE e.status <> 'cancelled' AND e.starts_at >= :start AND e.starts_at < :end
GROUP BY t.id
"""

FLOOR = text(FLOOR_SQL).bindparams(bindparam("start", type_=UTCDateTime), bindparam("end", type_=UTCDateTime))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build(url: str, residents: int, events: int, checkins: int, seed: int = 11) -> None:
    """Fill a fresh database at ``url`` (tables made from the models) with the county described above."""
    rng = random.Random(seed)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "PUBLIC_BASE_URL": "http://127.0.0.1:5000"})
    start, end = quarter_bounds(YEAR, QUARTER, timezone(timedelta(hours=6)))
    span = (end - start).total_seconds() - 86400
    with app.app_context():
        db.drop_all()
        db.create_all()
        rows: dict = {table: [] for table in (Area, Attendee, Event, Employer, Posting, CheckIn, Tally, ServiceGiven,
                                              Interest, ReferralStep, event_postings)}
        county = _uuid(rng)
        rows[Area].append({"id": county, "code": "B", "level": "county", "name_zh": "县", "parent_id": None})
        villages = []
        for t in range(10):
            township = _uuid(rng)
            rows[Area].append({"id": township, "code": f"B-{t:02d}", "level": "township", "name_zh": f"乡{t}",
                               "parent_id": county})
            for v in range(10):
                villages.append(_uuid(rng))
                rows[Area].append({"id": villages[-1], "code": f"B-{t:02d}-{v:02d}", "level": "village",
                                   "name_zh": f"村{t}-{v}", "parent_id": township})
        people = []
        for i in range(residents):
            people.append(_uuid(rng))
            merged = people[rng.randrange(len(people) - 1)] if i and rng.random() < 0.02 else None
            rows[Attendee].append({
                "id": people[-1], "name": f"居民{i}", "village_id": rng.choice(villages),
                "group": rng.choice(("rural_worker", "graduate", "other")), "consent_at": start,
                "consent_version": "bench", "consent_channel": "tablet", "pass_token": f"bench{i:012d}",
                "merged_into_id": merged, "erased_at": start if rng.random() < 0.01 else None})
        held = []
        for i in range(events + events // 20):
            at = start + timedelta(seconds=rng.random() * span)
            cancelled = i >= events
            rows[Event].append({"id": _uuid(rng), "code": f"E{i:07d}", "kind": rng.choice(("bazaar", "village", "job_fair")),
                                "area_id": rng.choice(villages), "place_zh": "集市", "starts_at": at,
                                "ends_at": at + timedelta(hours=6), "status": "cancelled" if cancelled else "planned"})
            if not cancelled:
                held.append(rows[Event][-1]["id"])
        employers = [_uuid(rng) for _ in range(200)]
        rows[Employer] = [{"id": e, "name_zh": f"厂{i}"} for i, e in enumerate(employers)]
        postings = [_uuid(rng) for _ in range(1000)]
        rows[Posting] = [{"id": p, "code": f"P{i:06d}", "employer_id": rng.choice(employers),
                          "openings": rng.randint(1, 20), "status": "published"} for i, p in enumerate(postings)]
        for e in held:
            for p in rng.sample(postings, 5):
                rows[event_postings].append({"event_id": e, "posting_id": p})
        for i, person in enumerate(people):  # every resident registered at one event
            rows[CheckIn].append({"id": _uuid(rng), "event_id": rng.choice(held), "attendee_id": person,
                                  "method": "register", "device_at": start, "received_at": start})
        for _ in range(checkins - len(people)):
            rows[CheckIn].append({"id": _uuid(rng), "event_id": rng.choice(held), "attendee_id": rng.choice(people),
                                  "method": "scan", "device_at": start, "received_at": start})
        for e in held:
            for kind in ("visitor", "job_info", "policy_advice"):
                rows[Tally].append({"id": _uuid(rng), "event_id": e, "kind": kind, "count": rng.randint(1, 40),
                                    "device_at": start, "received_at": start})
        for _ in range(checkins // 5):
            rows[ServiceGiven].append({"id": _uuid(rng), "event_id": rng.choice(held), "attendee_id": rng.choice(people),
                                       "kind": rng.choice(("job_info", "training_info", "policy_advice")),
                                       "device_at": start, "received_at": start})
        pairs = set()
        while len(pairs) < checkins // 20:
            pairs.add((rng.choice(people), rng.choice(postings)))
        for person, posting in pairs:
            interest = _uuid(rng)
            rows[Interest].append({"id": interest, "attendee_id": person, "posting_id": posting,
                                   "event_id": rng.choice(held), "status": "referred", "device_at": start,
                                   "received_at": start, "status_at": start})
            if rng.random() < 0.4:
                rows[ReferralStep].append({"interest_id": interest, "status": "referred",
                                           "at": start + timedelta(days=10), "note": ""})
        for table, items in rows.items():
            target = table if not hasattr(table, "__table__") else table.__table__
            # Merged duplicates point at earlier rows, so attendees go in the order they were made.
            for i in range(0, len(items), BATCH):
                db.session.execute(insert(target), items[i:i + BATCH])
            db.session.commit()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            db.session.execute(text("ANALYZE"))
            db.session.commit()


def busiest_quarter(zone) -> tuple[int, int]:
    """The (year, quarter) in ``zone`` with the most check-ins at held events."""
    counts: dict[tuple[int, int], int] = {}
    starts = select(Event.starts_at, func.count(CheckIn.id)).join(CheckIn, CheckIn.event_id == Event.id) \
        .where(Event.status != EventStatus.cancelled).group_by(Event.id, Event.starts_at)
    for at, n in db.session.execute(starts):
        local = at.astimezone(zone)
        key = (local.year, (local.month - 1) // 3 + 1)
        counts[key] = counts.get(key, 0) + n
    return max(counts, key=counts.get)


def _cpu_clock(session):
    """A function giving the CPU seconds spent so far on the database's side of ``session``'s connection: this
    process's own for SQLite, the server process's for a PostgreSQL server on this machine (read from /proc),
    or None when it cannot be read. Wall-clock times on a shared machine say more about its load than about
    the statements; CPU times stay comparable."""
    if session.get_bind().dialect.name == "sqlite":
        return time.process_time
    path = f"/proc/{session.execute(text('SELECT pg_backend_pid()')).scalar()}/stat"
    if not os.path.exists(path):
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def clock() -> float:
        with open(path) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick  # utime and stime
    return clock


def _timed(run) -> tuple[float, float | None]:
    """Wall-clock and CPU seconds (None if unknown) of ``run()`` in one transaction of the session."""
    clock = _cpu_clock(db.session)
    cpu, wall = clock() if clock else 0.0, time.perf_counter()
    run()
    wall, cpu = time.perf_counter() - wall, (clock() - cpu) if clock else None
    db.session.rollback()
    return wall, cpu


def measure(url: str, repeat: int, code: str = "B", busiest: bool = False) -> dict:
    """The best wall-clock and CPU seconds of the table and of the floor query (keys table, floor, table_cpu,
    floor_cpu; the CPU ones None if unknown), and the table's total row (key total), for the area ``code`` and
    the stress case's quarter (or, with ``busiest``, the quarter with most check-ins)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "PUBLIC_BASE_URL": "http://127.0.0.1:5000"})
    with app.app_context():
        from caravan.services.catalogue.texts import app_zone
        county = db.session.scalar(db.select(Area).where(Area.code == code))
        year, quarter = busiest_quarter(app_zone()) if busiest else (YEAR, QUARTER)
        start, end = quarter_bounds(year, quarter, app_zone())
        if busiest:
            print(f"  busiest quarter {year} Q{quarter}")
        tables, floors, out = [], [], {}

        def table():
            out["total"] = quarterly_table(county, start, end).total.figures
        for _ in range(repeat):
            tables.append(_timed(table))
            floors.append(_timed(lambda: db.session.execute(FLOOR, {"start": start, "end": end}).all()))
        for key, runs in (("table", tables), ("floor", floors)):
            out[key] = min(wall for wall, _cpu in runs)
            out[f"{key}_cpu"] = None if runs[0][1] is None else min(cpu for _wall, cpu in runs)
        return out


def _report(label: str, times: dict) -> None:
    """Print the times of :func:`measure` under ``label``, and the machine's load (the times depend on it)."""
    print(f"{label}: quarterly table {times['table']:.2f} s; one aggregate query {times['floor']:.2f} s; "
          f"ratio {times['table'] / times['floor']:.1f} (wall clock, load average {os.getloadavg()[0]:.1f})")
    if times["table_cpu"] is not None:
        share = " (the session's process; parallel workers not counted)" if label.startswith("postgresql") else ""
        print(f"{label}: CPU of the database{share}: quarterly table {times['table_cpu']:.2f} s; one aggregate query "
              f"{times['floor_cpu']:.2f} s; ratio {times['table_cpu'] / max(times['floor_cpu'], 0.01):.1f}")
    total = times["total"]
    print(f"{label}: total row: events {total['events']:,}, visits {total['visits']:,}, people reached "
          f"{total['people']:,}, new registrations {total['registrations']:,}")


def add_missing_indexes(url: str) -> None:
    """Make the models' indexes that a kept database lacks (kept from before a migration added them), so that
    a reused database is timed as a new one would be; then have the statistics read again. A kept database
    that lacks a column of the models is older than they are: it is refused, to be built again."""
    engine = create_engine(url)
    names = inspect(engine)
    made = []
    for table in db.metadata.sorted_tables:
        if not names.has_table(table.name):
            continue
        kept = {column["name"] for column in names.get_columns(table.name)}
        missing = {column.name for column in table.columns} - kept
        if missing:
            engine.dispose()
            sys.exit(f"{url}: table {table.name} lacks {', '.join(sorted(missing))}; drop the kept database (or run "
                     "without --keep) to build it again")
        present = {index["name"] for index in names.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(engine)
                made.append(index.name)
    if made:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
        print(f"  made {', '.join(made)}")
    engine.dispose()


def bench(label: str, url: str, args, reuse: bool = False) -> None:
    """The stress case at ``url``: built, unless ``reuse`` (a database kept by an earlier run), then timed."""
    n = lambda value: int(value * args.scale)  # noqa: E731
    if not reuse:
        t = time.perf_counter()
        build(url, n(args.residents), n(args.events), n(args.checkins))
        print(f"{label}: built {n(args.residents):,} residents, {n(args.events):,} events, {n(args.checkins):,} "
              f"check-ins in {time.perf_counter() - t:.0f} s")
    else:
        add_missing_indexes(url)
    _report(label, measure(url, args.repeat))


def copy_to_sqlite(source: str, path: str) -> None:
    """Copy every table of the database at ``source`` into a fresh SQLite file at ``path`` (tables from the
    models), in batches; parents before children."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "bench",
                      "PUBLIC_BASE_URL": "http://127.0.0.1:5000"})
    if os.path.exists(path):
        os.remove(path)
    reader = create_engine(source)
    with app.app_context():
        db.create_all()
        # Areas and residents point at rows of their own table that may come later in the read.
        db.session.execute(text("PRAGMA foreign_keys = OFF"))
        present = set(inspect(reader).get_table_names())  # tables newer than the county stay empty
        with reader.connect() as conn:
            for table in (table for table in db.metadata.sorted_tables if table.name in present):
                result = conn.execution_options(yield_per=BATCH).execute(select(table))
                for rows in result.mappings().partitions(BATCH):
                    db.session.execute(insert(table), [dict(row) for row in rows])
                db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()  # the last connection closed folds the write-ahead log into the file
    reader.dispose()


def bench_data(label: str, url: str, args) -> None:
    """The table on the realistic county of bench/office.py, its busiest quarter."""
    print(f"{label} (bench/office.py county):")
    _report(f"{label} (bench/office.py county)", measure(url, args.repeat, code="BN", busiest=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--checkins", type=int, default=1_000_000)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="a PostgreSQL server URL; a bench database is made and dropped")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--benchdata", default="postgresql+psycopg://postgres@127.0.0.1:55432/caravan_benchdata",
                        help="the database bench/office.py built (not changed)")
    parser.add_argument("--benchdata-sqlite", default=os.path.join(tempfile.gettempdir(), "caravan-benchdata.sqlite3"),
                        help="a SQLite copy of --benchdata, made when missing")
    parser.add_argument("--keep", action="store_true",
                        help="keep the stress case's databases (a SQLite file in the temporary directory, a "
                             "PostgreSQL database caravan_report_stress_SCALE) and reuse them when they exist "
                             "(making the indexes the models have and they lack)")
    parser.add_argument("--only", choices=("benchdata", "stress"), help="only one of the two data sets")
    args = parser.parse_args()
    if args.only != "stress":
        if not args.no_sqlite:
            if not os.path.exists(args.benchdata_sqlite):
                t = time.perf_counter()
                copy_to_sqlite(args.benchdata, args.benchdata_sqlite + ".part")
                os.replace(args.benchdata_sqlite + ".part", args.benchdata_sqlite)
                print(f"copied {args.benchdata} to {args.benchdata_sqlite} in {time.perf_counter() - t:.0f} s")
            else:  # a copy of ours: the models' indexes it lacks are made (the server's database is not changed)
                add_missing_indexes(f"sqlite:///{args.benchdata_sqlite}")
            bench_data("sqlite", f"sqlite:///{args.benchdata_sqlite}", args)
        bench_data("postgresql", args.benchdata, args)
    if args.only == "benchdata":
        return
    if not args.no_sqlite:
        if args.keep:  # the same file on the next run with --keep
            path = os.path.join(tempfile.gettempdir(), f"caravan-report-stress-{args.scale:g}.sqlite3")
            bench("sqlite", f"sqlite:///{path}", args, reuse=os.path.exists(path))
        else:
            with tempfile.TemporaryDirectory() as tmp:
                bench("sqlite", f"sqlite:///{os.path.join(tmp, 'bench.sqlite3')}", args)
    if args.postgres:
        server = make_url(args.postgres)
        name = f"caravan_report_stress_{str(args.scale).replace('.', '_')}" if args.keep \
            else f"caravan_report_bench_{os.getpid()}"
        admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            kept = args.keep and conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                              {"name": name}).first() is not None
            if not kept:
                conn.execute(text(f"CREATE DATABASE {name}"))
        try:
            bench("postgresql", server.set(database=name).render_as_string(hide_password=False), args, reuse=kept)
        finally:
            if not args.keep:
                with admin.connect() as conn:
                    conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
            admin.dispose()


if __name__ == "__main__":
    main()
