"""Binding the database: SQLite gets WAL, foreign keys and a busy timeout; every model is registered."""
from __future__ import annotations

from flask import Flask
from sqlalchemy import any_, bindparam, event
from sqlalchemy.dialects.postgresql import ARRAY

from caravan import models  # noqa: F401  (registers every table on the metadata)
from caravan.extensions import db
from caravan.services import changes

#: How long an SQLite writer waits for another one to finish before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 5000


def init_app(app: Flask) -> None:
    """Bind ``db`` to ``app``; the SQLite pragmas are set on each new connection."""
    db.init_app(app)
    changes.install()
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)
            event.listen(db.engine, "savepoint", _sqlite_savepoint_takes_write_lock)
        elif db.engine.dialect.name == "postgresql":
            event.listen(db.engine, "connect", _postgresql_no_jit)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # The busy timeout first: switching to WAL may itself have to wait for another connection.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # WAL lets the sync endpoint write while pages read; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _postgresql_no_jit(dbapi_connection, _record) -> None:
    # PostgreSQL compiles a statement to machine code when its estimated cost is high. The office's
    # statements over a county's check-ins cost that much on paper but run in tens of milliseconds, and
    # compiling them took a second and more (1.1-1.7 s measured in bench/office.py): an answer that a
    # person waits for is never worth it.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()


def _sqlite_savepoint_takes_write_lock(conn, _name) -> None:
    # The sqlite3 driver opens a transaction only at the first write, so writers normally queue for the
    # lock under the busy timeout. A SAVEPOINT before any write opens a *reading* transaction instead: if
    # another connection commits before it writes, SQLite answers "database is locked" at once, without
    # waiting. Opening it with BEGIN IMMEDIATE takes the write lock first (waiting, like any writer).
    dbapi_connection = conn.connection.dbapi_connection
    if not dbapi_connection.in_transaction:
        dbapi_connection.execute("BEGIN IMMEDIATE")


def any_of(column, values):
    """``column IN values`` for a look-up of many ids: on PostgreSQL ``column = ANY(:array)``, one
    parameter that the server plans once, instead of a list of hundreds that it plans on every call."""
    if db.engine.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)
