"""Migration 0023 keeps a session's place as its Chinese one (the others empty), adds the enrolled session to
interests without losing an interest or a referral step (SQLite is changed in place), and goes back again
with the Chinese place as the one place."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from caravan import create_app
from caravan.extensions import db
from tests.test_migration_0019 import AT, _no_parents
from tests.test_migrations import empty_database_url  # noqa: F401 (fixture)

SESSION, INTEREST, ATTENDEE, NOTICE = ("20000000-0000-4000-8000-00000000002%d" % n for n in (1, 2, 3, 4))


def _interests(conn):
    return (conn.execute(text("SELECT id, notice_id, status FROM interests")).all(),
            conn.execute(text("SELECT interest_id, status FROM referral_steps")).all())


def test_places_and_interests_survive_both_ways(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="0021")
        with db.engine.begin() as conn:
            _no_parents(conn)
            conn.execute(text("INSERT INTO training_sessions (id, notice_id, starts_on, ends_on, place, seats, "
                              "language, created_at, updated_at) VALUES (:id, :n, '2026-12-10', '2026-12-12', "
                              f"'县技工学校', 20, 'zh', {AT}, {AT})"), {"id": SESSION, "n": NOTICE})
            conn.execute(text("INSERT INTO interests (id, attendee_id, notice_id, status, device_at, received_at) "
                              f"VALUES (:id, :a, :n, 'enrolled', {AT}, {AT})"),
                         {"id": INTEREST, "a": ATTENDEE, "n": NOTICE})
            conn.execute(text("INSERT INTO referral_steps (interest_id, status, at, note) "
                              f"VALUES (:id, 'interested', {AT}, ''), (:id, 'enrolled', {AT}, '')"),
                         {"id": INTEREST})
        with db.engine.connect() as conn:
            before = _interests(conn)
        upgrade(revision="0023")
        with db.engine.begin() as conn:
            assert _interests(conn) == before
            assert conn.execute(text("SELECT place_zh, place_ug, place_en FROM training_sessions")).one() == (
                "县技工学校", "", "")
            conn.execute(text("UPDATE interests SET session_id = :s"), {"s": SESSION})
            conn.execute(text("UPDATE training_sessions SET place_ug = 'ناھىيەلىك تېخنىكум'"))
        downgrade(revision="0021")
        with db.engine.connect() as conn:
            assert _interests(conn) == before
            assert conn.execute(text("SELECT place FROM training_sessions")).scalar() == "县技工学校"
        downgrade(revision="base")
        db.engine.dispose()
