"""How fast do the office's busiest pages answer for a county of 100,000 residents and 1,000,000 check-ins?

Builds such a county once (PostgreSQL by default, database ``caravan_benchdata`` on 127.0.0.1:55432, made if
missing; reused on the next run when it holds the same size, rebuilt otherwise): 10 townships of 20 villages,
residents with Chinese, Uyghur and Latin names over two years of registrations, about 700 events over two
years (a job fair the biggest), check-ins, services, tallies, interests with referral steps, tablets, staff and
audit entries. The big tables are written with COPY (PostgreSQL) or executemany (SQLite); the build time is
printed.

Then it asks for each page through the Flask test client, signed in as a county user and as a township user,
``--runs`` times, and prints the median time, the number of SQL statements of one view, and a baseline: the
same database's plain ``SELECT count(*)`` of the living residents (PostgreSQL reads all 100,000 rows for it:
the least any page that counts residents could cost), measured in the same runs, and each page's time as a
multiple of it.

    .venv/bin/python bench/office.py                      # PostgreSQL, 100,000 residents, 1,000,000 check-ins
    .venv/bin/python bench/office.py --url postgresql+psycopg://postgres@127.0.0.1:55432/other
    .venv/bin/python bench/office.py --sqlite             # a SQLite file at a tenth of the size
    .venv/bin/python bench/office.py --explain            # also EXPLAIN ANALYZE of each statement over 20 ms
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import create_engine, event, func, insert, inspect, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from caravan import create_app  # noqa: E402
from caravan.extensions import db  # noqa: E402
from caravan.models import (Area, AreaLevel, Attendee, AuditEntry, CheckIn, Device, Employer, Event,  # noqa: E402
                            Interest, Posting, PostingTranslation, PublishStatus, ReferralStep, Role, ServiceGiven,
                            Tally, User)
from caravan.models.attendee import name_key, phone_key  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:55432/caravan_benchdata"
PASSWORD = "bench-password-1"
TOWNSHIPS, VILLAGES = 10, 20
#: The build's clock: two years of events up to this day (the dashboard's months are full).
NOW = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
START = NOW - timedelta(days=730)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国华明丽芳军平伟强玉兰英秀红霞文静海燕志刚"
UG_FIRST = ["ئابلىز", "ئەخمەت", "مۇھەممەت", "ئايگۈل", "گۈلنار", "مەرىيەم", "تۇرسۇن", "نۇربىيە", "ئەركىن", "زۇلپىيە",
            "ئابدۇللا", "پاتىگۈل", "قادىر", "رەنا", "يۈسۈپ", "ئامىنە"]
LATIN_FIRST = ["Abliz", "Ahmet", "Aygul", "Gulnar", "Merhaba", "Tursun", "Erkin", "Zulpiye", "Yusup", "Amine"]
LATIN_LAST = ["Qadir", "Rena", "Abdulla", "Hasan", "Niyaz", "Osman", "Sabir", "Tohti"]


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def person_name(rng: random.Random) -> str:
    """Six in ten Chinese, three in ten Uyghur (Arabic script), one in ten Latin."""
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    if roll < 0.9:
        return f"{rng.choice(UG_FIRST)} {rng.choice(UG_FIRST)}"
    return f"{rng.choice(LATIN_FIRST)} {rng.choice(LATIN_LAST)}"


def marker(residents: int, checkins: int) -> str:
    return f"bench {residents} residents {checkins} checkins v2"


class Bulk:
    """Writes rows to a table: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, conn):
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"

    def write(self, model, rows: list[dict]) -> None:
        if not rows:
            return
        table = model.__table__
        names = list(rows[0])
        if not self.pg:
            self.conn.execute(insert(table), rows)
            return
        raw = self.conn.connection.driver_connection
        with raw.cursor() as cursor:
            columns = ", ".join(f'"{name}"' for name in names)
            with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[name] for name in names])


def build(app, residents: int, checkins: int) -> None:
    """A fresh county of ``residents`` and ``checkins`` (and the rest in proportion)."""
    rng = random.Random(9)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        db.drop_all()
        db.create_all()
        county = Area(code="BN", level=AreaLevel.county, name_zh="本县")
        townships, villages = [], []
        for t in range(TOWNSHIPS):
            town = Area(code=f"BN-{t + 1:02}", level=AreaLevel.township, name_zh=f"第{t + 1}乡", parent=county)
            townships.append(town)
            villages += [Area(code=f"BN-{t + 1:02}-{v + 1:02}", level=AreaLevel.village, name_zh=f"{t + 1}乡{v + 1}村",
                              parent=town) for v in range(VILLAGES)]
        db.session.add(county)
        users = [User(username="county", role=Role.office, area=county)]
        users += [User(username=f"town{t + 1}", role=Role.office, area=town) for t, town in enumerate(townships)]
        users += [User(username=f"staff{i}", role=Role.field, area=townships[i % TOWNSHIPS]) for i in range(40)]
        users[0].set_password(PASSWORD)
        password_hash = users[0].password_hash  # hashed once: scrypt takes a while
        for user in users:
            user.password_hash = password_hash
        db.session.add_all(users)
        devices = [Device(name=f"平板{i}", area=townships[i % TOWNSHIPS], last_sync_at=NOW - timedelta(days=i % 9))
                   for i in range(30)]
        employers = [Employer(name_zh=f"企业{i}", area=townships[i % TOWNSHIPS]) for i in range(60)]
        postings = [Posting(code=f"BP{i:04}", employer=employers[i % 60], status=PublishStatus.published,
                            area=townships[i % TOWNSHIPS], openings=rng.randint(1, 20),
                            translations=[PostingTranslation(lang="zh", title=f"岗位{i}")]) for i in range(200)]
        events = []
        day = START
        n = 0
        while day < NOW + timedelta(days=30):
            for _ in range(rng.choice((0, 1, 1, 2))):
                n += 1
                area = rng.choice(townships + villages[::10])
                starts = day + timedelta(hours=rng.choice((2, 3, 4)))
                events.append(Event(code=f"BE{n:05}", kind="bazaar", area=area, place_zh="集市", starts_at=starts,
                                    ends_at=starts + timedelta(hours=6)))
            day += timedelta(days=1)
        db.session.add_all(devices + employers + postings + events)
        db.session.commit()
        staff_ids = [u.id for u in users if u.role == Role.field]
        device_ids = [d.id for d in devices]
        posting_ids = [p.id for p in postings]
        village_ids = [v.id for v in villages]
        township_of = {v.id: v.parent_id for v in villages} | {t.id: t.id for t in townships}
        past = [e for e in events if e.starts_at < NOW]
        # The biggest event: a fair of the first township's a few months ago, 20,000 check-ins (2 % of them).
        first_town = [e for e in past if township_of[e.area_id] == townships[0].id]
        fair = first_town[len(first_town) * 7 // 8]
        fair_share = min(20_000, checkins // 50)
        event_rows = [(e.id, township_of[e.area_id], e.starts_at) for e in past]

        started = time.perf_counter()
        people, by_township = [], {t.id: [] for t in townships}
        attendees = []
        for i in range(residents):
            village = rng.choice(village_ids) if rng.random() > 0.05 else None
            consent = START + timedelta(seconds=rng.randrange(int((NOW - START).total_seconds())))
            aid = uid(rng)
            people.append(aid)
            if village:
                by_township[township_of[village]].append(aid)
            name, phone = person_name(rng), f"1{rng.randrange(30, 90)}{rng.randrange(10**8):08}"
            attendees.append({
                "id": aid, "name": name, "phone": phone, "name_key": name_key(name), "phone_key": phone_key(phone),
                "village_id": village, "group": rng.choice(("rural_worker", "rural_worker", "graduate", "other")),
                "skills": "", "wishes": "", "consent_at": consent, "consent_version": "2026-11",
                "consent_channel": "tablet", "pass_token": uuid.UUID(int=rng.getrandbits(128)).hex + "bench",
                "device_id": rng.choice(device_ids), "device_seq": i, "device_at": consent,
                "staff_id": rng.choice(staff_ids), "created_at": consent, "updated_at": consent,
                "merged_into_id": None, "erased_at": NOW if rng.random() < 0.005 else None})
        rows = {CheckIn: [], ServiceGiven: [], Tally: [], Interest: [], ReferralStep: [], AuditEntry: []}
        open_pairs = set()
        for i in range(checkins):
            if i < fair_share:
                event_id, town, starts = fair.id, township_of[fair.area_id], fair.starts_at
            else:
                event_id, town, starts = event_rows[rng.randrange(len(event_rows))]
            local = by_township[town]
            who = local[rng.randrange(len(local))] if rng.random() < 0.8 and local else people[rng.randrange(residents)]
            at = starts + timedelta(seconds=rng.randrange(6 * 3600))
            common = {"device_id": rng.choice(device_ids), "device_seq": i, "device_at": at, "received_at": at,
                      "staff_id": rng.choice(staff_ids)}
            rows[CheckIn].append({"id": uid(rng), "event_id": event_id, "attendee_id": who,
                                  "method": rng.choice(("scan", "scan", "scan", "manual", "register")), **common})
            roll = rng.random()
            if roll < 0.3:
                rows[ServiceGiven].append({"id": uid(rng), "event_id": event_id, "attendee_id": who,
                                           "kind": rng.choice(("job_info", "training_info", "policy_advice")),
                                           "posting_id": rng.choice(posting_ids), **common})
            elif roll < 0.35:
                rows[Tally].append({"id": uid(rng), "event_id": event_id, "kind": "visitor",
                                    "count": rng.randint(1, 5), **common})
            elif roll < 0.40:
                posting = rng.choice(posting_ids)
                if (who, posting) in open_pairs:
                    continue
                open_pairs.add((who, posting))
                interest = uid(rng)
                steps = rng.choice((1, 1, 1, 2, 3, 4))
                status = ("interested", "referred", "interviewed", "hired")[steps - 1]
                if steps > 1 and rng.random() < 0.1:
                    status = "withdrawn"
                step_at = at
                for s in range(steps):
                    if s:
                        step_at += timedelta(days=rng.randint(1, 20))
                    rows[ReferralStep].append({"interest_id": interest, "at": step_at, "note": "",
                                               "status": status if s == steps - 1 else
                                               ("interested", "referred", "interviewed")[s]})
                rows[Interest].append({"id": interest, "event_id": event_id, "attendee_id": who, "posting_id": posting,
                                       "status": status, "status_at": step_at, **common})
        for i in range(checkins // 20):
            at = START + timedelta(seconds=rng.randrange(int((NOW - START).total_seconds())))
            rows[AuditEntry].append({"at": at, "user_id": rng.choice([u.id for u in users]), "action":
                                     rng.choice(("signin.ok", "posting.update", "event.update", "resident.correct")),
                                     "entity_type": "", "entity_id": "", "detail": json.dumps({})})
        generated = time.perf_counter() - started
        with db.engine.begin() as conn:
            bulk = Bulk(conn)
            bulk.write(Attendee, attendees)
            for model, table_rows in rows.items():
                bulk.write(model, table_rows)
            # The size is written last: a build that broke off is not taken for a finished one.
            conn.execute(Area.__table__.update().where(Area.code == "BN").values(name_en=marker(residents, checkins)))
            if bulk.pg:
                conn.execute(text("ANALYZE"))
        written = time.perf_counter() - started - generated
        counts = {model.__tablename__: len(r) for model, r in rows.items()}
        print(f"built: {residents} residents, {counts} (rows made in {generated:.0f} s, written in {written:.0f} s)")
        db.engine.dispose()


def is_built(app, residents: int, checkins: int) -> bool:
    with app.app_context():
        try:
            name = db.session.scalar(select(Area.name_en).where(Area.code == "BN"))
        except Exception:  # no tables yet
            db.session.rollback()
            return False
        finally:
            db.session.close()
        return name == marker(residents, checkins) and schema_matches(app)


def schema_matches(app) -> bool:
    """Whether every table and column of the models is in the database: a county built before a migration that
    added any is built again (its rows could not be read by today's models)."""
    with app.app_context():
        found = inspect(db.engine)
        tables = set(found.get_table_names())
        for table in db.metadata.sorted_tables:
            if table.name not in tables:
                return False
            if {c.name for c in table.columns} - {c["name"] for c in found.get_columns(table.name)}:
                return False
    return True


def add_new_indexes(app) -> None:
    """Indexes the models gained since the county was built (a reused database keeps its rows)."""
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for index in table.indexes:
                index.create(db.engine, checkfirst=True)
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text("ANALYZE"))


class Counter:
    """Counts the statements (and, with ``explain``, records them) that the engine runs."""

    def __init__(self):
        self.statements = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append((statement, parameters))


def pages(app) -> list[tuple[str, str, str]]:
    """(label, user, path) of every page measured."""
    with app.app_context():
        fair = db.session.scalar(select(CheckIn.event_id).group_by(CheckIn.event_id)
                                 .order_by(func.count().desc()).limit(1))
        town = db.session.scalar(select(Area).where(Area.code == "BN-01"))
        village = db.session.scalar(select(Area.code).where(Area.parent_id == town.id).order_by(Area.code).limit(1))
        person = db.session.scalar(
            select(CheckIn.attendee_id).join(Attendee, Attendee.id == CheckIn.attendee_id)
            .where(Attendee.village_id.in_(select(Area.id).where(Area.parent_id == town.id)),
                   Attendee.erased_at.is_(None))
            .group_by(CheckIn.attendee_id).order_by(func.count().desc()).limit(1))
        town_posting = db.session.scalar(select(Posting.id).order_by(Posting.code).limit(1))
        db.session.close()
    year = NOW.year
    listed = []
    for user in ("county", "town1"):
        listed += [
            ("dashboard", user, "/office/"),
            ("residents", user, "/office/residents/"),
            ("residents q=王", user, "/office/residents/?q=%E7%8E%8B"),
            ("residents q=建国", user, "/office/residents/?q=%E5%BB%BA%E5%9B%BD"),
            ("residents q=گۈل (ug)", user, "/office/residents/?q=%DA%AF%DB%88%D9%84"),
            ("residents q=gul", user, "/office/residents/?q=gul"),
            ("residents phone=1380", user, "/office/residents/?phone=1380"),
            ("residents village", user, f"/office/residents/?village={village}"),
            ("residents period", user, f"/office/residents/?since={year - 1}-03-01&until={year - 1}-03-31"),
            ("residents page 40", user, "/office/residents/?page=40"),
            ("resident record", user, f"/office/residents/{person}"),
            ("referrals", user, "/office/referrals/"),
            ("referrals filtered", user, f"/office/referrals/?status=referred&posting={town_posting}"),
            ("referrals overdue", user, "/office/referrals/?overdue=1"),
            ("event results (biggest)", user, f"/office/events/{fair}"),
        ]
    return listed


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(app, runs: int, explain: bool, only: str | None) -> None:
    counter = Counter()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", counter)
    clients = {}
    for user in ("county", "town1"):
        client = app.test_client()
        response = client.post("/signin", data={"username": user, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        clients[user] = client

    def baseline():
        with app.app_context():
            db.session.execute(select(func.count()).select_from(Attendee)
                               .where(Attendee.erased_at.is_(None), Attendee.merged_into_id.is_(None))).scalar()
            db.session.close()

    base = median_ms(baseline, runs)
    print(f"baseline: SELECT count(*) of the living residents, median of {runs}: {base:.1f} ms")
    print(f"{'page':<28} {'user':<7} {'median ms':>9} {'queries':>7} {'x base':>7}")
    for label, user, path in pages(app):
        if only and only not in label:
            continue
        client = clients[user]
        counter.statements.clear()
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        statements = list(counter.statements)
        ms = median_ms(lambda: client.get(path), runs)
        print(f"{label:<28} {user:<7} {ms:9.1f} {len(statements):7d} {ms / base:7.1f}")
        if explain:
            explain_slow(app, statements)


def explain_slow(app, statements) -> None:
    """EXPLAIN ANALYZE of each statement of a page that takes over 20 ms (PostgreSQL only)."""
    with app.app_context():
        conn = db.session.connection()
        if conn.dialect.name != "postgresql":
            return
        raw = conn.connection.driver_connection
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            with raw.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(statement, parameters)
                ms = (time.perf_counter() - started) * 1000
                if ms > 20:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                    print(f"    --- {ms:.0f} ms: {statement[:300]}")
                    for (line,) in cursor.fetchall():
                        print("      " + line)
        db.session.rollback()
        db.session.close()


def ensure_database(url: str) -> None:
    """Make the PostgreSQL database of ``url`` if it does not exist."""
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}):
            conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("CARAVAN_BENCH_DATABASE_URL", DEFAULT_URL),
                        help="a PostgreSQL database (made if missing); default $CARAVAN_BENCH_DATABASE_URL or "
                             + DEFAULT_URL)
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead, at a tenth of the size")
    parser.add_argument("--residents", type=int)
    parser.add_argument("--checkins", type=int)
    parser.add_argument("--runs", type=int, default=7, help="views of each page; the median is printed")
    parser.add_argument("--rebuild", action="store_true", help="build the county afresh even if it exists")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE of slow statements")
    parser.add_argument("--only", help="only the pages whose label contains this")
    args = parser.parse_args()
    scale = 10 if args.sqlite else 1
    residents = args.residents or 100_000 // scale
    checkins = args.checkins or 1_000_000 // scale
    if args.sqlite:
        url = f"sqlite:///{os.path.join(tempfile.gettempdir(), f'caravan_benchdata_{residents}_{checkins}.sqlite3')}"
    else:
        url = args.url
        ensure_database(url)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                      "PUBLIC_BASE_URL": "http://127.0.0.1:5000"})
    if args.rebuild or not is_built(app, residents, checkins):
        started = time.perf_counter()
        build(app, residents, checkins)
        print(f"build took {time.perf_counter() - started:.0f} s")
    else:
        add_new_indexes(app)
    print(f"{make_url(url).get_backend_name()}: {residents} residents, {checkins} check-ins")
    measure(app, args.runs, args.explain, args.only)


if __name__ == "__main__":
    main()
