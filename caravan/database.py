"""Binding the database: SQLite gets WAL and foreign keys; every model is registered."""
from __future__ import annotations

from flask import Flask
from sqlalchemy import event

from caravan import models  # noqa: F401  (registers every table on the metadata)
from caravan.extensions import db
from caravan.services import changes


def init_app(app: Flask) -> None:
    """Bind ``db`` to ``app``; the SQLite pragmas are set on each new connection."""
    db.init_app(app)
    changes.install()
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the sync endpoint write while pages read; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()

