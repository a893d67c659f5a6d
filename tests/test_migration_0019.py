"""Migration 0019 lets an interest be in a training course on a database that holds interests, without
losing a row or a referral step (SQLite is changed in place: a rebuild would cascade the steps away), holds
the "posting or course, exactly one" rule in the database, and goes back again."""
import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from caravan import create_app
from caravan.extensions import db
from tests.test_migrations import empty_database_url  # noqa: F401 (fixture)

INTEREST, ATTENDEE, NOTICE = ("20000000-0000-4000-8000-00000000001%d" % n for n in (1, 2, 3))
AT = "'2026-11-20 05:00:00'"


def _rows(conn):
    return (conn.execute(text("SELECT id, posting_id, status FROM interests")).all(),
            conn.execute(text("SELECT interest_id, status FROM referral_steps")).all())


def _no_parents(conn):
    # The rows' parents do not matter here; only the interests' own rows do.
    conn.execute(text("PRAGMA foreign_keys=OFF" if conn.dialect.name == "sqlite"
                      else "SET LOCAL session_replication_role = replica"))


def _insert(conn, posting, notice, row_id=INTEREST):
    conn.execute(text("INSERT INTO interests (id, attendee_id, posting_id, notice_id, status, device_at, "
                      f"received_at) VALUES (:id, :a, :p, :n, 'interested', {AT}, {AT})"),
                 {"id": row_id, "a": ATTENDEE, "p": posting, "n": notice})


def test_interests_and_steps_survive_and_one_subject_is_enforced(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="0016")
        with db.engine.begin() as conn:
            _no_parents(conn)
            conn.execute(text("INSERT INTO interests (id, attendee_id, posting_id, status, device_at, received_at) "
                              f"VALUES (:id, :a, :a, 'referred', {AT}, {AT})"), {"id": INTEREST, "a": ATTENDEE})
            conn.execute(text("INSERT INTO referral_steps (interest_id, status, at, note) "
                              f"VALUES (:id, 'interested', {AT}, ''), (:id, 'referred', {AT}, '')"),
                         {"id": INTEREST})
        with db.engine.connect() as conn:
            before = _rows(conn)
        upgrade(revision="0019")
        with db.engine.connect() as conn:
            assert _rows(conn) == before
        columns = {c["name"]: c for c in inspect(db.engine).get_columns("interests")}
        assert columns["posting_id"]["nullable"] and columns["notice_id"]["nullable"]
        for posting, notice in ((None, None), (ATTENDEE, NOTICE)):
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                _no_parents(conn)
                _insert(conn, posting, notice, row_id="20000000-0000-4000-8000-000000000099")
        with db.engine.begin() as conn:
            _no_parents(conn)
            _insert(conn, None, NOTICE, row_id="20000000-0000-4000-8000-000000000098")
        downgrade(revision="0016")
        with db.engine.connect() as conn:
            assert _rows(conn) == before  # the course interest went, the posting's one stayed with its steps
        columns = {c["name"]: c for c in inspect(db.engine).get_columns("interests")}
        assert "notice_id" not in columns and not columns["posting_id"]["nullable"]
        downgrade(revision="base")
        db.engine.dispose()
