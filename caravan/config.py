"""Configuration: documented defaults, then ``instance/caravan.cfg``, then ``CARAVAN_*`` environment
variables, then the mapping given to :func:`caravan.create_app` (tests use that).

Environment values are read with Flask's ``from_prefixed_env`` and take the type of the setting's default:
``CARAVAN_SECRET_KEY=123456`` stays a string, ``CARAVAN_SIGNIN_MAX_FAILURES=10`` is a number,
``CARAVAN_SESSION_COOKIE_SECURE=true`` a truth value, lists and mappings are JSON, and
``CARAVAN_SQLALCHEMY_ENGINE_OPTIONS__pool_size=10`` sets one key of a mapping. A value that does not fit
its setting stops the start with a message naming the variable.
"""
from __future__ import annotations

import json
import os
import typing
from datetime import timedelta

from flask import Config, Flask

ENV_PREFIX = "CARAVAN_"
#: Environment variables with our prefix that are not app settings.
_NOT_SETTINGS = {"CARAVAN_TEST_DATABASE_URL", "CARAVAN_INSTANCE_PATH"}


class Defaults:
    """Defaults for every setting caravan reads. Override any of them in instance/caravan.cfg."""

    #: Signs session cookies and CSRF tokens. The default is replaced by a random key kept in the
    #: instance folder (see ``_ensure_secret_key``); set it explicitly in production.
    SECRET_KEY: str | None = None
    #: SQLite in the instance folder unless set; production uses PostgreSQL, e.g.
    #: ``postgresql+psycopg://caravan@localhost/caravan``. ``CARAVAN_DATABASE_URL`` sets it.
    DATABASE_URL: str | None = None
    #: hide_parameters: a failed statement is logged without its values (residents' names, pass tokens).
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    #: Languages offered, the first being the default.
    LANGUAGES = ["zh", "ug", "en"]
    BABEL_DEFAULT_LOCALE = "zh"
    BABEL_DEFAULT_TIMEZONE = "Asia/Urumqi"
    #: The address printed in QR codes; phones open it.
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"
    #: Secure cookies: true when served over HTTPS (always in production). Unset, it follows
    #: PUBLIC_BASE_URL: https there means secure cookies.
    SESSION_COOKIE_SECURE: bool | None = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    #: How many reverse proxies (nginx, Caddy) stand in front; their X-Forwarded-For/-Proto headers are
    #: trusted that many hops deep, so rate limits see the visitor's address, not the proxy's.
    TRUSTED_PROXIES = 0
    #: Failed staff sign-ins allowed per user name in SIGNIN_WINDOW_SECONDS; then that name is locked until
    #: the window has passed or an administrator unlocks it (Administration page).
    SIGNIN_MAX_FAILURES = 5
    SIGNIN_WINDOW_SECONDS = 15 * 60
    #: Failed sign-ins allowed per address (any user names) in SIGNIN_ADDRESS_WINDOW_SECONDS. A short
    #: window: it slows guessing from one place without locking out an office that shares one address.
    SIGNIN_ADDRESS_MAX_FAILURES = 20
    SIGNIN_ADDRESS_WINDOW_SECONDS = 60
    #: How staff passwords are hashed (Werkzeug's method string); tests use a cheaper one.
    PASSWORD_HASH_METHOD = "scrypt"
    #: Version of the consent text residents agree to (templates/_macros/consent.html).
    #: A change of meaning needs a new version; a spelling fix keeps it (2026-12: Uyghur ناھىيىلىك for
    #: ناھىيەلىك, same meaning, so residents who agreed to 2026-11 agreed to this text).
    CONSENT_VERSION = "2026-11"
    #: Self-registrations allowed per phone (a random id in a cookie) in REGISTER_PHONE_WINDOW_SECONDS: a
    #: family registering on one phone fits, one person pressing "Register" over and over does not.
    REGISTER_MAX_PER_PHONE = 6
    REGISTER_PHONE_WINDOW_SECONDS = 3600
    #: Self-registrations allowed per address in REGISTER_WINDOW_SECONDS, whatever the phones: a ceiling
    #: far above one market's crowd behind a stall's Wi-Fi or a carrier's NAT (services.registration_limit).
    REGISTER_MAX_PER_ADDRESS = 300
    REGISTER_WINDOW_SECONDS = 3600
    #: Look-ups of passes that do not exist allowed per phone (a random id in a cookie) in
    #: PASS_MISS_PHONE_WINDOW_SECONDS: a mistyped link or two fit, trying link after link does not. Then
    #: every pass look-up from that phone waits (services.pass_limit).
    PASS_MISS_MAX_PER_PHONE = 10
    PASS_MISS_PHONE_WINDOW_SECONDS = 600
    #: The same per address in PASS_MISS_WINDOW_SECONDS, whatever the phones: a ceiling far above one
    #: market's crowd behind a stall's Wi-Fi or a carrier's NAT, for a script that drops its cookies.
    PASS_MISS_MAX_PER_ADDRESS = 300
    PASS_MISS_WINDOW_SECONDS = 600
    WTF_CSRF_TIME_LIMIT = 3600
    #: How long a tablet enrollment code stays valid.
    ENROLL_CODE_HOURS = 24
    #: Failed tablet enrollments allowed per address in ENROLL_WINDOW_SECONDS.
    ENROLL_MAX_FAILURES = 10
    ENROLL_WINDOW_SECONDS = 15 * 60
    #: A tablet locks after this many minutes without a touch or a key; a staff member's PIN unlocks it.
    TABLET_LOCK_MINUTES = 10
    #: Digits of the PIN a staff member chooses on a tablet (at least).
    TABLET_PIN_LENGTH = 6
    #: Records one tablet may have on hold (waiting for a parent, such as a resident registered on another
    #: tablet that has not synced yet). Beyond it a record is kept as rejected (``too_many_held``), never
    #: dropped, and the office sees it under Tablets -> Records with problems.
    SYNC_MAX_HELD_PER_DEVICE = 2000
    #: An open referral (interested, referred or interviewed) with no step for this many days is flagged
    #: overdue in the office's follow-up queue.
    REFERRAL_OVERDUE_DAYS = 14
    #: The employment office's address and opening hours, per language code, as residents read them on
    #: the jobs list and on postings ("ask at the stall or at the office"). A language left out shows
    #: the Chinese text; an empty mapping leaves the line out. JSON in the environment, e.g.
    #: ``CARAVAN_OFFICE_ADDRESS='{"zh": "…", "ug": "…", "en": "…"}'``; the demo fills both.
    OFFICE_ADDRESS: dict = {}
    OFFICE_HOURS: dict = {}
    #: Seconds a rendered resident page (home, jobs list, event, posting, notice) is kept at most: any
    #: change of the catalogue or a new day drops it at once; this bounds what time alone changes (an
    #: event that has just ended). 0 turns the cache off.
    PUBLIC_PAGE_CACHE_SECONDS = 60
    #: Job alerts by SMS (services.alerts, sent by ``flask --app caravan alerts send``). ``file`` writes
    #: each message that would be sent as a JSON line to SMS_FILE in the instance folder; ``http`` POSTs
    #: ``{"to", "text", "id"}`` as JSON to SMS_GATEWAY_URL with ``Authorization: Bearer SMS_GATEWAY_TOKEN``.
    SMS_BACKEND = "file"
    SMS_FILE = "sms-outbox.jsonl"
    SMS_GATEWAY_URL = ""
    SMS_GATEWAY_TOKEN = ""
    #: Seconds to wait for the gateway's answer; no answer counts as a failed attempt.
    SMS_GATEWAY_TIMEOUT = 10.0
    #: Alerts sent to one person per local day at most; the rest wait for the next day.
    SMS_DAILY_LIMIT = 3
    #: Attempts per message before it is given up; after the n-th failure the next attempt waits
    #: SMS_RETRY_SECONDS × 2^(n-1).
    SMS_MAX_ATTEMPTS = 5
    SMS_RETRY_SECONDS = 300
    #: Largest request body accepted, in bytes.
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024


def load_config(app: Flask, overrides: dict | None = None) -> None:
    """Fill ``app.config`` in the documented order and derive the database URI."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("caravan.cfg", silent=True)
    _load_environment(app)
    if overrides:
        app.config.update(overrides)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = app.config.get("DATABASE_URL") or (
            "sqlite:///" + os.path.join(app.instance_path, "caravan.sqlite3"))
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = str(app.config["PUBLIC_BASE_URL"]).startswith("https://")
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _ensure_secret_key(app.instance_path)


def _load_environment(app: Flask) -> None:
    """Apply the CARAVAN_* variables, each coerced to the type of the setting it replaces."""
    raw = Config(app.root_path)
    raw.from_prefixed_env(ENV_PREFIX.rstrip("_"), loads=str)  # strings only: the types come from below
    hints = typing.get_type_hints(Defaults)
    for key, value in raw.items():
        if ENV_PREFIX + key in _NOT_SETTINGS:
            continue
        current = app.config.get(key)
        if isinstance(value, dict):  # CARAVAN_<SETTING>__<key>: one key of a mapping
            merged = dict(current) if isinstance(current, dict) else {}
            for sub, text in value.items():
                merged[sub] = _coerce(f"{key}__{sub}", text, merged.get(sub), None)
            app.config[key] = merged
        else:
            app.config[key] = _coerce(key, value, current, hints.get(key))


def _coerce(name: str, text, default, hint):
    """``text`` as the type of ``default`` (or of the setting's annotation when the default is None)."""
    kind = type(default) if default is not None else _plain_type(hint)
    if not isinstance(text, str):  # a nested mapping set under a plain key
        return text
    try:
        if kind is str:
            return text
        if kind is bool:
            return _truth(text)
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
        if kind is timedelta:
            return timedelta(seconds=int(text))
        if kind in (list, dict):
            value = json.loads(text)
            if not isinstance(value, kind):
                raise ValueError(f"not a JSON {kind.__name__}")
            return value
    except ValueError as exc:
        raise ValueError(f"{ENV_PREFIX}{name}={text!r}: expected {_KIND_NAMES.get(kind, kind.__name__)} "
                         f"({exc})") from None
    try:  # a setting without a documented type (Flask's own, say): JSON where it parses, else text
        return json.loads(text)
    except ValueError:
        return text


_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number",
               timedelta: "a number of seconds", list: "a JSON list", dict: "a JSON object"}


def _plain_type(hint):
    # ``str | None`` -> str; anything else without one plain type -> None (no coercion).
    args = [a for a in typing.get_args(hint) if a is not type(None)] if typing.get_args(hint) else [hint]
    return args[0] if len(args) == 1 and isinstance(args[0], type) else None


def _truth(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError("not a truth value")


def _ensure_secret_key(instance_path: str) -> str:
    """A random key kept in the instance folder, so sessions survive restarts without configuration."""
    path = os.path.join(instance_path, "secret_key")
    if not os.path.exists(path):
        os.makedirs(instance_path, exist_ok=True)
        draft = f"{path}.{os.getpid()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(os.urandom(32).hex())
        try:
            # link() refuses to replace: of several server processes starting at once, one key wins.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    with open(path, encoding="ascii") as fh:
        return fh.read().strip()
