"""Two writers at once: a change numbered before another but committed after it is still pulled.

Connection A writes change N and stays open (held inside its commit, just before the database commits);
connection B writes a change and commits; a tablet pulls; A commits; the tablet's next pull, from the cursor
it was given, must bring A's change. PostgreSQL runs A and B at the same time, so the feed itself has to
keep its numbers in commit order: B must wait for A. SQLite lets one writer in at a time: there B is turned
away while A is open, which is what makes its path safe, and the test shows that too.
"""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from caravan.models import Device, Employer
from caravan.services.sync.pull import pull

#: Bound on every wait for another connection; no wait comes near it when the code is right.
WAIT_SECONDS = 20
FIRST, SECOND = "先编号后提交", "后编号先提交"


def _pull_page(app, db, device_id: str, cursor: int) -> dict:
    """One page, pulled in a session (and connection) of its own, as a tablet's request would."""
    with app.app_context():
        page = pull(db.session.get(Device, device_id), cursor, limit=1000)
        db.session.rollback()
    return page


def _names(page: dict) -> set[str]:
    return {c["data"]["name"]["zh"] for c in page["changes"] if c["type"] == "employer"}


def _drain(app, db, device_id: str) -> int:
    cursor, more = 0, True
    while more:
        page = _pull_page(app, db, device_id, cursor)
        cursor, more = page["cursor"], page["more"]
    return cursor


class _Writer(threading.Thread):
    """A connection in its own thread and session that adds an employer (one change) and commits."""

    def __init__(self, engine, name_zh: str):
        super().__init__(daemon=True)
        self.engine, self.name_zh = engine, name_zh
        self.pid, self.error = None, None
        self.connected, self.done = threading.Event(), threading.Event()

    def run(self):
        try:
            with Session(self.engine) as session:
                if self.engine.dialect.name == "postgresql":
                    self.pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
                self.connected.set()
                session.add(Employer(name_zh=self.name_zh))
                session.commit()
        except Exception as exc:  # reported by the test, not lost in the thread
            self.error = exc
        finally:
            self.connected.set()
            self.done.set()


class _HeldCommit:
    """Stops ``writer``'s commit just before the database commits (its changes written and numbered)
    until :meth:`release`."""

    def __init__(self, engine, writer: _Writer):
        self.engine, self.writer = engine, writer
        self.reached, self.released = threading.Event(), threading.Event()
        event.listen(engine, "commit", self._hold)

    def _hold(self, _connection):
        if threading.current_thread() is self.writer:
            self.reached.set()
            assert self.released.wait(WAIT_SECONDS), "the test never let connection A commit"

    def release(self):
        self.released.set()

    def remove(self):
        self.release()
        event.remove(self.engine, "commit", self._hold)


def _wait_until_committed_or_blocked(writer: _Writer, engine) -> None:
    """Return once ``writer`` has committed or waits for a lock (read from pg_locks, not guessed)."""
    assert writer.connected.wait(WAIT_SECONDS)
    deadline = time.monotonic() + WAIT_SECONDS
    with engine.connect() as monitor:
        while not writer.done.is_set():
            waiting = monitor.execute(text("SELECT count(*) FROM pg_locks WHERE pid = :pid AND NOT granted"),
                                      {"pid": writer.pid}).scalar()
            if waiting:
                return
            assert time.monotonic() < deadline, "connection B neither committed nor waited for a lock"
            writer.done.wait(0.01)  # wakes at once when B finishes


def _second_writer_is_refused_by_sqlite(engine) -> None:
    refused = create_engine(engine.url, connect_args={"timeout": 0})  # no busy wait: refused at once
    try:
        with pytest.raises(OperationalError, match="locked"), Session(refused) as b:
            b.add(Employer(name_zh=SECOND))
            b.commit()
    finally:
        refused.dispose()


def test_a_change_committed_after_a_later_one_is_still_pulled(app, db, make_tablet):
    device_id = make_tablet().device.id
    cursor = _drain(app, db, device_id)
    engine = db.engine
    postgres = engine.dialect.name == "postgresql"
    a = _Writer(engine, FIRST)
    b = _Writer(engine, SECOND) if postgres else None
    held = _HeldCommit(engine, a)
    try:
        a.start()
        assert held.reached.wait(WAIT_SECONDS), a.error  # A has written and numbered its change; open
        if postgres:
            b.start()
            _wait_until_committed_or_blocked(b, engine)
        else:
            _second_writer_is_refused_by_sqlite(engine)
        during = _pull_page(app, db, device_id, cursor)
        assert FIRST not in _names(during)  # A has not committed
        held.release()
        a.join(WAIT_SECONDS)
        assert not a.is_alive() and a.error is None, a.error
        if postgres:
            b.join(WAIT_SECONDS)
            assert not b.is_alive() and b.error is None, b.error
        else:
            with Session(engine) as again:  # B again, now that A is done
                again.add(Employer(name_zh=SECOND))
                again.commit()
        after = _pull_page(app, db, device_id, during["cursor"])
        assert _names(during) | _names(after) == {FIRST, SECOND}, (during, after)
    finally:
        held.remove()
        for writer in (a, b):
            if writer is not None and writer.is_alive():
                writer.join(WAIT_SECONDS)
