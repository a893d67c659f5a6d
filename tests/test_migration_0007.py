"""Migration 0007 adds staff_id to the field records of a database that holds some, and takes it away
again without losing a row (nor the referral steps that hang on an interest)."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from caravan import create_app
from caravan.extensions import db
from tests.test_migrations import empty_database_url  # noqa: F401 (fixture)

INTEREST, TALLY, ATTENDEE = ("20000000-0000-4000-8000-00000000000%d" % n for n in (1, 2, 3))
TABLES = ("attendees", "checkins", "services_given", "tallies", "interests")


def _rows(conn):
    return (conn.execute(text("SELECT id FROM interests")).scalars().all(),
            conn.execute(text("SELECT id, count FROM tallies")).all(),
            conn.execute(text("SELECT interest_id, status FROM referral_steps")).all())


def test_existing_records_name_no_one_and_survive_the_way_back(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="0006")
        with db.engine.begin() as conn:
            # The rows' parents do not matter here; only the records' own rows do.
            conn.execute(text("PRAGMA foreign_keys=OFF" if conn.dialect.name == "sqlite"
                              else "SET LOCAL session_replication_role = replica"))
            conn.execute(text("INSERT INTO interests (id, attendee_id, posting_id, status, device_at, received_at) "
                              "VALUES (:id, :a, :a, 'interested', '2026-11-20 05:00:00', '2026-11-20 05:00:00')"),
                         {"id": INTEREST, "a": ATTENDEE})
            conn.execute(text("INSERT INTO referral_steps (interest_id, status, at, note) "
                              "VALUES (:id, 'interested', '2026-11-20 05:00:00', '')"), {"id": INTEREST})
            conn.execute(text("INSERT INTO tallies (id, event_id, kind, count, device_at, received_at) "
                              "VALUES (:id, :a, 'visitor', 3, '2026-11-20 05:00:00', '2026-11-20 05:00:00')"),
                         {"id": TALLY, "a": ATTENDEE})
        with db.engine.connect() as conn:
            before = _rows(conn)
        upgrade(revision="0007")
        with db.engine.connect() as conn:
            assert _rows(conn) == before
            assert conn.execute(text("SELECT staff_id FROM tallies")).scalar_one() is None
        columns = inspect(db.engine)
        for table in TABLES:
            assert "staff_id" in {c["name"] for c in columns.get_columns(table)}, table
            assert any(fk["constrained_columns"] == ["staff_id"] and fk["referred_table"] == "users"
                       for fk in columns.get_foreign_keys(table)), table
        downgrade(revision="0006")
        with db.engine.connect() as conn:
            assert _rows(conn) == before
        columns = inspect(db.engine)
        assert not any("staff_id" in {c["name"] for c in columns.get_columns(t)} for t in TABLES)
        downgrade(revision="base")
        db.engine.dispose()
