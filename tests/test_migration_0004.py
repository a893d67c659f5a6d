"""Migration 0004 builds the one-open-interest index on a database that already holds twins."""
from datetime import datetime, timedelta, timezone

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from caravan import create_app
from caravan.extensions import db
from tests.test_migrations import empty_database_url  # noqa: F401 (fixture)

ATTENDEE, POSTING, OTHER_POSTING = ("00000000-0000-4000-8000-00000000000%d" % n for n in (1, 2, 3))


def _interests(conn, rows):
    start = datetime(2026, 11, 20, 5, 0, tzinfo=timezone.utc)
    if conn.dialect.name == "sqlite":
        start = start.replace(tzinfo=None)
    for n, (posting, status) in enumerate(rows):
        conn.execute(text(
            "INSERT INTO interests (id, attendee_id, posting_id, status, device_at, received_at) "
            "VALUES (:id, :attendee, :posting, :status, :at, :at)"),
            {"id": f"10000000-0000-4000-8000-00000000000{n}", "attendee": ATTENDEE, "posting": posting,
             "status": status, "at": start + timedelta(minutes=n)})


def test_twins_are_withdrawn_but_the_furthest_one_and_nothing_is_deleted(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="0003")
        with db.engine.begin() as conn:
            # The rows' parents do not matter here; only the interests table's own rows do.
            conn.execute(text("PRAGMA foreign_keys=OFF" if conn.dialect.name == "sqlite"
                              else "SET LOCAL session_replication_role = replica"))
            _interests(conn, [(POSTING, "interested"), (POSTING, "referred"), (POSTING, "interested"),
                              (POSTING, "withdrawn"), (OTHER_POSTING, "interested")])
        upgrade(revision="0004")
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, posting_id, status FROM interests ORDER BY id")).all()
            steps = conn.execute(text("SELECT interest_id, status, note FROM referral_steps ORDER BY interest_id")).all()
        assert [r.status for r in rows] == ["withdrawn", "referred", "withdrawn", "withdrawn", "interested"]
        assert [(s.interest_id[-1], s.status) for s in steps] == [("0", "withdrawn"), ("2", "withdrawn")]
        assert all(rows[1].id in s.note for s in steps)
        downgrade(revision="0003")
        upgrade(revision="0004")
        downgrade(revision="base")
        db.engine.dispose()
