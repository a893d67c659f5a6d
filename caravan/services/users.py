"""Staff accounts: creating them (sign-in is in caravan.services.signin)."""
from __future__ import annotations

from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Area, Role, User
from caravan.services import audit
from caravan.services.scope import area_within

MIN_PASSWORD_LENGTH = 8


class UserError(ValueError):
    """A staff account could not be created as asked; ``code`` names the problem for translation."""

    def __init__(self, message: str, code: str = "invalid"):
        super().__init__(message)
        self.code = code


def normal_username(username: str) -> str:
    """A user name as stored and looked up: trimmed and lower-case."""
    return username.strip().lower()


def create_user(username: str, password: str, role: str, area_code: str, display_name: str = "",
                by=None, scope: Area | None = None) -> User:
    """Create a staff account; raises :class:`UserError` with a reason on bad input.

    With ``scope`` (the area of the administrator who asks) the account's area must lie within it: nobody
    creates a user above their own area. The command line passes none.
    """
    username = normal_username(username)
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
