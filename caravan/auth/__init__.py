"""Staff sign-in and sign-out, and the access rules every staff page uses."""
from __future__ import annotations

from flask import Blueprint, Flask

from caravan.extensions import db, login
from caravan.models import User
from caravan.services import signin

bp = Blueprint("auth", __name__)


@login.user_loader
def _load_user(session_id: str) -> User | None:
    """The active user whose session id (``<id>:<session version>``, see User.get_id) is still current."""
    user_id, _, version = session_id.partition(":")
    if not (user_id.isascii() and user_id.isdigit() and version.isascii() and version.isdigit()):
        return None  # also a cookie from before session versions: it signs in again
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def init_app(app: Flask) -> None:
    """Bind Flask-Login and register the sign-in pages."""
    from caravan.auth import password, views  # noqa: F401  (registers the routes on bp)
    login.init_app(app)
    login.login_view = "auth.signin"
    login.login_message = None  # the sign-in page says what it needs to; no English-only flash
    login.session_protection = "strong"
    app.register_blueprint(bp)
    # The admin page marks locked user names with this (one query for the whole staff list).
    app.jinja_env.globals["signin_locked_users"] = signin.locked_users
