"""Staff accounts: creating them and checking a sign-in."""
from __future__ import annotations

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash
from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Area, Role, User
from caravan.models.base import utcnow
from caravan.services import audit, throttle
from caravan.services.scope import area_within

SIGNIN_BUCKET = "signin"
MIN_PASSWORD_LENGTH = 8
_DUMMY_HASH = generate_password_hash("not a password")


class UserError(ValueError):
    """A staff account could not be created as asked; ``code`` names the problem for translation."""

    def __init__(self, message: str, code: str = "invalid"):
        super().__init__(message)
        self.code = code


def create_user(username: str, password: str, role: str, area_code: str, display_name: str = "",
                by=None, scope: Area | None = None) -> User:
    """Create a staff account; raises :class:`UserError` with a reason on bad input.

    With ``scope`` (the area of the administrator who asks) the account's area must lie within it: nobody
    creates a user above their own area. The command line passes none.
    """
    username = username.strip().lower()
    if not username or len(username) > 64 or not username.replace("_", "").replace(".", "").isalnum():
        raise UserError("user name: letters, digits, '.' and '_' only, at most 64")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if role not in Role.__members__:
        raise UserError(f"role: one of {', '.join(Role.__members__)}")
    if scope is None:
        area = db.session.scalar(select(Area).where(Area.code == area_code))
    else:
        area = area_within(area_code, scope)
    if area is None:
        raise UserError(f"area: no area with code {area_code!r}" + (" within yours" if scope else ""),
                        code="area")
    if db.session.scalar(select(User).where(User.username == username)):
        raise UserError(f"user name {username!r} is taken", code="taken")
    user = User(username=username, role=Role(role), area=area, display_name=display_name.strip()[:100])
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", user=by, entity=user, role=role, area=area_code)
    return user


def signin_limited(username: str, address: str) -> bool:
    """Whether sign-ins for this user name or from this address are paused after too many failures."""
    cfg = current_app.config
    return throttle.is_limited(SIGNIN_BUCKET, ["u:" + username.lower(), "a:" + address],
                               cfg["SIGNIN_MAX_FAILURES"], cfg["SIGNIN_WINDOW_SECONDS"])


def authenticate(username: str, password: str, address: str) -> User | None:
    """The active user with these credentials, or None; failures count toward the rate limit."""
    username = username.strip().lower()
    user = db.session.scalar(select(User).where(User.username == username))
    if user is not None and user.active and user.check_password(password):
        throttle.clear(SIGNIN_BUCKET, "u:" + username)
        user.last_sign_in_at = utcnow()
        audit.record("signin.ok", user=user, entity=user)
        return user
    if user is None:
        check_password_hash(_DUMMY_HASH, password)  # the same work whether or not the name exists
    throttle.record_hit(SIGNIN_BUCKET, "u:" + username)
    throttle.record_hit(SIGNIN_BUCKET, "a:" + address)
    audit.record("signin.fail", entity=user) if user else audit.record("signin.fail")
    return None
