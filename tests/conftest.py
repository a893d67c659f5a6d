"""Shared fixtures: ``app``, ``db``, ``client``, ``login_as(role)`` and the ``build`` helpers.

The database is SQLite in a temporary file unless ``CARAVAN_TEST_DATABASE_URL`` names another one
(the test command runs the suite a second time on PostgreSQL that way). Tables are created once per
run and emptied after every test.
"""
from __future__ import annotations

import os

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from caravan import create_app
from caravan.extensions import db as _db
from tests.builders import Builder

TEST_PASSWORD = "correct horse 42"


def database_url(tmp_path_factory) -> str:
    """The URL of the database the tests use."""
    url = os.environ.get("CARAVAN_TEST_DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "caravan-test.sqlite3")


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own application context, as in production.

    Tests hold an application context for their builders; without this, requests would share its ``g``
    (the cached language and signed-in user) and its database session.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def _app(tmp_path_factory):
    # An instance folder of its own: the developer's instance/caravan.cfg (the demo writes the office's address
    # there) must not change what the tests see.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CARAVAN_INSTANCE_PATH", str(tmp_path_factory.mktemp("instance")))
        app = create_app({
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url(tmp_path_factory),
            "SECRET_KEY": "test-secret",
            "WTF_CSRF_ENABLED": False,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast; production keeps scrypt
            "PUBLIC_BASE_URL": "http://127.0.0.1:5000",
        })
    app.test_client_class = IsolatedClient
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.drop_all()
        _db.engine.dispose()



@pytest.fixture
def app(_app):
    """The app inside an application context; every table is emptied afterwards."""
    saved = dict(_app.config)
    with _app.app_context():
        yield _app
        _db.session.rollback()
        _db.session.remove()
        _empty_tables()
    # Emptied tables number their changes from 1 again: pages kept for the last test must go with them.
    _app.extensions.pop("caravan.page_cache", None)
    _app.config.clear()
    _app.config.update(saved)


def _empty_tables() -> None:
    tables = [t.name for t in reversed(_db.metadata.sorted_tables)]
    with _db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(tables) + " RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                conn.execute(text(f"DELETE FROM {name}"))


@pytest.fixture
def db(app):
    """The Flask-SQLAlchemy extension, bound to the test database."""
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def build(db):
    """Builders for areas, users, employers, postings, events and attendees (see tests/builders.py)."""
    return Builder(db, TEST_PASSWORD)


@pytest.fixture
def login_as(client, build):
    """Sign a new user of ``role`` in through the real sign-in form; returns the user."""
    def login(role: str, **kwargs):
        user = build.user(role, **kwargs)
        response = client.post("/signin", data={"username": user.username, "password": TEST_PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user
    return login
