"""Two tablets using one enrollment code at the same moment: one device, on SQLite as on PostgreSQL."""
import re
import threading

from sqlalchemy import event, func, select

from caravan.models import Device, EnrollmentCode
from tests.sync.conftest import API
from tests.sync.test_enroll import make_code

#: The first statement that writes or locks what enrollment decides on; both requests reach it before
#: either takes a lock, so neither can have seen the other's work.
_CLAIMING = re.compile(r"^\s*(INSERT INTO devices|UPDATE enrollment_codes|DELETE)|FOR UPDATE", re.I)


def test_one_code_used_twice_at_once_enrolls_one_tablet(app, build, db):
    _row, code = make_code(build, db)
    racers = {}
    barrier = threading.Barrier(2, timeout=60)

    def rendezvous(_conn, _cursor, statement, _params, _context, _many):
        me = racers.get(threading.get_ident())
        if me is not None and not me["met"] and _CLAIMING.search(statement):
            me["met"] = True
            barrier.wait()

    def enroll(name):
        racers[threading.get_ident()] = {"met": False}
        response = app.test_client().post(f"{API}/enroll", json={"code": code, "name": name})
        racers[threading.get_ident()]["answer"] = (response.status_code, response.json.get("error"))

    event.listen(db.engine, "before_cursor_execute", rendezvous)
    try:
        threads = [threading.Thread(target=enroll, args=(f"Tablet {n}",)) for n in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        event.remove(db.engine, "before_cursor_execute", rendezvous)
    answers = sorted(r.get("answer") for r in racers.values())
    assert all(r["met"] for r in racers.values())
    assert answers == [(200, None), (410, "used_code")]
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Device)) == 1
    row = db.session.scalar(select(EnrollmentCode))
    assert row.used_at is not None and row.device_id == db.session.scalar(select(Device.id))
