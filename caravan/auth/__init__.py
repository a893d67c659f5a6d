"""Staff sign-in and sign-out, and the access rules every staff page uses."""
from __future__ import annotations

from flask import Blueprint, Flask

from caravan.extensions import db, login
from caravan.models import User

bp = Blueprint("auth", __name__)


@login.user_loader
def _load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def init_app(app: Flask) -> None:
    """Bind Flask-Login and register the sign-in pages."""
    from caravan.auth import views  # noqa: F401  (registers the routes on bp)
    login.init_app(app)
    login.login_view = "auth.signin"
    login.login_message = None  # the sign-in page says what it needs to; no English-only flash
    login.session_protection = "strong"
    app.register_blueprint(bp)
