"""Two writers at once: a change numbered before another but committed after it is still pulled.

Connection A writes change N and stays open; connection B writes change N+1 and commits; a tablet pulls;
A commits; the tablet's next pull, from the cursor it was given, must bring N. PostgreSQL runs A and B at
the same time, so the feed itself has to keep numbers in commit order. SQLite lets one writer in at a time:
there B is refused while A is open, which is what makes its path safe, and the test shows that too.
"""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from caravan.models import Device, Employer
from caravan.services.sync.pull import pull

#: Bound on every wait for the other connection; the test never waits this long when the code is right.
WAIT_SECONDS = 20


def _pull_page(app, db, device_id: str, cursor: int) -> dict:
    """One page, pulled in a request's own session (own connection), as a tablet's request would."""
    with app.app_context():
        page = pull(db.session.get(Device, device_id), cursor, limit=1000)
        db.session.rollback()
    return page


def _pulled_names(page: dict) -> set[str]:
    return {c["data"]["name"]["zh"] for c in page["changes"] if c["type"] == "employer"}


def _drain(app, db, device_id: str) -> int:
    cursor, more = 0, True
    while more:
        page = _pull_page(app, db, device_id, cursor)
        cursor, more = page["cursor"], page["more"]
    return cursor


class _Writer(threading.Thread):
    """Connection B: adds an employer (one change) and commits, in its own thread and session."""

    def __init__(self, engine):
        super().__init__(daemon=True)
        self.engine, self.pid, self.error = engine, None, None
        self.started_work, self.done = threading.Event(), threading.Event()

    def run(self):
        try:
            with Session(self.engine) as session:
                self.pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
                self.started_work.set()
                session.add(Employer(name_zh="后编号先提交"))
                session.commit()
        except Exception as exc:  # reported by the test, not lost in the thread
            self.error = exc
        finally:
            self.started_work.set()
            self.done.set()


def _wait_until_committed_or_blocked(writer: _Writer, engine) -> None:
    """Return once B has committed or waits for a lock held by A (read from pg_locks, not guessed)."""
    assert writer.started_work.wait(WAIT_SECONDS)
    deadline = time.monotonic() + WAIT_SECONDS
    with engine.connect() as monitor:
        while not writer.done.is_set():
            waiting = monitor.execute(text("SELECT count(*) FROM pg_locks WHERE pid = :pid AND NOT granted"),
                                      {"pid": writer.pid}).scalar()
            if waiting:
                return
            assert time.monotonic() < deadline, "connection B neither committed nor waited for a lock"
            writer.done.wait(0.01)  # wakes at once when B finishes


def test_a_change_committed_after_a_later_one_is_still_pulled(app, db, build, make_tablet):
    device_id = make_tablet().device.id
    cursor = _drain(app, db, device_id)
    engine = db.engine
    postgres = engine.dialect.name == "postgresql"
    a = Session(engine)
    writer = _Writer(engine) if postgres else None
    try:
        a.add(Employer(name_zh="先编号后提交"))
        a.flush()  # change N is numbered; A stays open
        if postgres:
            writer.start()
            _wait_until_committed_or_blocked(writer, engine)
        else:
            # SQLite admits one writer: B is turned away at once (no busy wait) while A is open.
            refused = create_engine(engine.url, connect_args={"timeout": 0})
            try:
                with pytest.raises(OperationalError, match="locked"), Session(refused) as b:
                    b.add(Employer(name_zh="后编号先提交"))
                    b.commit()
            finally:
                refused.dispose()
        during = _pull_page(app, db, device_id, cursor)
        assert "先编号后提交" not in _pulled_names(during)  # not committed yet
        a.commit()
        if postgres:
            writer.join(WAIT_SECONDS)
            assert not writer.is_alive() and writer.error is None, writer.error
        else:
            with Session(engine) as b:  # B again, now that A is done
                b.add(Employer(name_zh="后编号先提交"))
                b.commit()
        after = _pull_page(app, db, device_id, during["cursor"])
        pulled = _pulled_names(during) | _pulled_names(after)
        assert pulled == {"先编号后提交", "后编号先提交"}, (during, after)
    finally:
        a.close()
        if writer is not None and writer.is_alive():
            writer.join(WAIT_SECONDS)
