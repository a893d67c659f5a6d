"""Headers and habits that protect residents and staff."""
import logging
import os
import re

import pytest

from caravan import PROJECT_ROOT
from caravan.logs import MaskPassTokens
from caravan.security import safe_next
from tests.conftest import TEST_PASSWORD


def test_pages_allow_only_our_own_host(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_templates_and_static_files_name_no_other_host():
    pattern = re.compile(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.I)
    allowed = ("www.w3.org",)  # XML namespaces in SVG, never fetched
    for folder in ("templates", os.path.join("static", "css"), os.path.join("static", "js"),
                   os.path.join("static", "icons")):
        for root, _dirs, files in os.walk(os.path.join(PROJECT_ROOT, folder)):
            for name in files:
                with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as fh:
                    for match in pattern.finditer(fh.read()):
                        assert any(a in match.group(0) for a in allowed), f"{name}: {match.group(0)}"


def test_pass_tokens_are_masked_in_request_logs():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - "%s" %s',
                               ("127.0.0.1", "GET /p/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 HTTP/1.1", "200"), None)
    assert MaskPassTokens().filter(record)
    assert record.getMessage() == '127.0.0.1 - "GET /p/*** HTTP/1.1" 200'


def test_every_logger_masks_pass_tokens_and_cookies(app):
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error", "caravan", "sqlalchemy.engine", ""):
        record = logging.getLogger(name).makeRecord(name, logging.ERROR, __file__, 1, "GET %s cookie %s",
                                                    ("/p/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567/erase",
                                                     "caravan_pass=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567; lang=ug"),
                                                    None)
        assert record.getMessage() == "GET /p/***/erase cookie caravan_pass=***; lang=ug"


#: Targets a browser would follow to another host (or that hide one), each of which must be refused.
NASTY_NEXT = [
    "//evil.example", "/\\evil.example", "/%09/evil.example", "/\t/evil.example", "\\\\evil.example",
    "\\evil.example", "https:evil.example", "https://evil.example/", "javascript:alert(1)", "/%2F/evil.example",
    "/%2f/evil.example", "/%5C/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\x00/evil.example",
    "/ /evil.example", "/\u3000/evil.example", "evil.example", "", " /office/", "/" + "a" * 3000,
    "/\x7f/evil.example", "/office/\x0b",
]


@pytest.mark.parametrize("target", NASTY_NEXT)
def test_safe_next_refuses_other_hosts(target):
    assert safe_next(target) is None


@pytest.mark.parametrize("target", ["/office/", "/office/postings/?q=x&page=2", "/e/ABC123", "/field/#top"])
def test_safe_next_keeps_our_own_paths(target):
    assert safe_next(target) == target


@pytest.mark.parametrize("target", ["/%09/evil.example", "//evil.example", "/\\evil.example", "https:evil.example"])
def test_language_switch_and_sign_in_never_send_visitors_away(client, build, target):
    location = client.get("/lang/en", query_string={"next": target}).headers["Location"]
    assert location == "/"
    user = build.user("office")
    response = client.post("/signin", query_string={"next": target},
                           data={"username": user.username, "password": TEST_PASSWORD})
    assert response.headers["Location"] == "/office/"


def test_an_error_on_a_pass_page_logs_neither_the_token_nor_the_residents_data(app, client, build, caplog,
                                                                              monkeypatch):
    attendee = build.attendee(name="Aygul Tursun", phone="13900001111")
    token, name, phone = attendee.pass_token, attendee.name, attendee.phone
    from sqlalchemy import text

    from caravan.extensions import db
    from caravan.services import residents

    def broken_interests(person):
        # A database error whose statement carries the resident's data, as a real bug's would.
        db.session.execute(text("SELECT * FROM no_such_table WHERE name = :name AND phone = :phone"),
                           {"name": person.name, "phone": person.phone})

    monkeypatch.setattr(residents, "interests_of", broken_interests)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer 500 and log, as in production
    with caplog.at_level(logging.INFO):
        response = client.get(f"/p/{token}")
        logging.getLogger("caravan.test").error("while showing /p/%s", token, stack_info=True)
    assert response.status_code == 500
    assert "Exception on /p/*** [GET]" in caplog.text and "no_such_table" in caplog.text
    for secret in (token, name, phone):
        assert secret not in caplog.text


def test_the_error_page_works_for_a_signed_in_user_after_a_failed_write(app, client, build, login_as, monkeypatch):
    attendee = build.attendee()
    staff = login_as("office")
    username, token = staff.username, attendee.pass_token
    from caravan.extensions import db
    from caravan.models import User
    from caravan.services import residents

    def failing_write(person):
        db.session.add(User(username=username, password_hash="x", role=staff.role, area_id=staff.area_id))
        db.session.flush()  # a unique name taken: the session must be rolled back before anything else

    monkeypatch.setattr(residents, "interests_of", failing_write)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get(f"/p/{token}", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong" in page and username in page  # the full page, with the staff bar


def test_an_error_page_that_cannot_be_drawn_still_answers(app, client, monkeypatch):
    from caravan import errors

    def broken(*args, **kwargs):
        raise RuntimeError("template gone")

    monkeypatch.setattr(errors, "render_template", broken)
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "Error 404" in response.get_data(as_text=True)


#: Every office view that reads ``page`` or a date from the query string.
PAGED_VIEWS = ["/office/postings/", "/office/employers/", "/office/notices/", "/office/events/", "/office/audit"]
BAD_QUERIES = [
    {"page": "99999999999999999999"}, {"page": str(2**63)}, {"page": "1000000000"}, {"page": "0"}, {"page": "-3"},
    {"page": "2.5"}, {"page": "abc"}, {"page": "١٢"},
]
BAD_AUDIT_QUERIES = [{"user": "99999999999999999999"}, {"user": "abc"}]


@pytest.mark.parametrize("path, query", [(p, q) for p in PAGED_VIEWS for q in BAD_QUERIES] +
                         [("/office/audit", q) for q in BAD_AUDIT_QUERIES],
                         ids=lambda v: v if isinstance(v, str) else "&".join(f"{k}={x}" for k, x in v.items()))
def test_absurd_pages_and_dates_are_refused_not_a_server_error(client, login_as, path, query):
    login_as("office")
    assert client.get(path, query_string=query).status_code in (400, 404)
    assert client.get(path, query_string={"page": "2"}).status_code == 200


@pytest.mark.parametrize("query", [{"from": "9999-12-31"}, {"to": "9999-12-31"}, {"from": "0001-01-01"},
                                   {"to": "0002-01-01"}])
def test_an_absurd_audit_date_is_said_on_the_page_not_a_server_error(client, login_as, query):
    login_as("office")
    for headers in ({}, {"HX-Request": "true"}):  # the page, and the fragment the live filter swaps in
        response = client.get("/office/audit", query_string=query, headers=headers | {"Accept-Language": "en"})
        assert response.status_code == 200 and "This date is out of range." in response.get_data(as_text=True)


def test_a_locked_sqlite_database_makes_writers_wait_not_fail(tmp_path):
    """SQLite has one write lock per database; a writer that finds it taken waits (busy timeout)."""
    import sqlite3
    import threading

    from caravan import create_app
    from caravan.extensions import db
    from caravan.models import ThrottleHit
    from sqlalchemy import select
    path = tmp_path / "locked.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "x"})
    with app.app_context():
        db.create_all()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock ...
        release = threading.Timer(0.5, other.execute, args=("COMMIT",))  # ... for half a second
        release.start()
        try:
            db.session.add(ThrottleHit(bucket="test", key="k"))
            db.session.commit()  # waits for the lock instead of failing with "database is locked"
        finally:
            release.join()
            other.close()
        assert len(db.session.scalars(select(ThrottleHit)).all()) == 1
        db.session.remove()
        db.engine.dispose()


def test_a_savepoint_on_sqlite_takes_the_write_lock_first_so_its_writes_cannot_fail_at_once(tmp_path):
    """A savepoint opens an SQLite transaction that reads first; had another writer committed before it
    writes, SQLite would answer "database is locked" at once, whatever the busy timeout. It must hold the
    write lock from the start: then a second writer is the one that waits."""
    import sqlite3

    from sqlalchemy import select

    from caravan import create_app
    from caravan.extensions import db
    from caravan.models import ThrottleHit
    path = tmp_path / "savepoint.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "x"})
    with app.app_context():
        db.create_all()
        other = sqlite3.connect(path, isolation_level=None, timeout=0)  # another process, which never waits
        other_wrote = True
        with db.session.begin_nested():
            db.session.scalars(select(ThrottleHit)).all()
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("INSERT INTO throttle_hits (bucket, key, at) VALUES ('o', 'k', '2026-01-01')")
                other.execute("COMMIT")
            except sqlite3.OperationalError:  # the savepoint holds the write lock: the other one must wait
                other_wrote = False
            db.session.add(ThrottleHit(bucket="s", key="k"))
            db.session.flush()
        db.session.commit()
        other.close()
        assert not other_wrote
        assert [h.bucket for h in db.session.scalars(select(ThrottleHit))] == ["s"]
        db.session.remove()
        db.engine.dispose()
