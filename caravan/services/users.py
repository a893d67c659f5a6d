"""Staff accounts: creating them (sign-in is in caravan.services.signin)."""
from __future__ import annotations

import secrets

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


#: Letters and digits a person reads out without mistakes (no 0/O, 1/l/I).
_TEMPORARY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
TEMPORARY_PASSWORD_LENGTH = 12


def update_user(user: User, display_name: str, role: str, area_code: str, by, scope: Area) -> list[str]:
    """Change a staff member's name, role and area (within ``scope``); returns the changed field names.

    Administrators change neither their own role nor their own area (they could lock themselves out);
    raises :class:`UserError` (codes ``area``, ``role``, ``self``). Audited as ``user.update``.
    """
    if role not in Role.__members__:
        raise UserError(f"role: one of {', '.join(Role.__members__)}", code="role")
    area = area_within(area_code, scope)
    if area is None:
        raise UserError(f"area: no area with code {area_code!r} within yours", code="area")
    if user.id == by.id and (Role(role) != user.role or area.id != user.area_id):
        raise UserError("administrators do not change their own role or area", code="self")
    changed = [name for name, old, new in (("display_name", user.display_name, display_name.strip()[:100]),
                                           ("role", user.role, Role(role)), ("area", user.area_id, area.id))
               if old != new]
    user.display_name, user.role, user.area = display_name.strip()[:100], Role(role), area
    if changed:
        db.session.flush()
        audit.record("user.update", user=by, entity=user, changed=changed)
    return changed


def set_active(user: User, active: bool, by) -> bool:
    """Deactivate (which ends every session) or reactivate a staff member; False when nothing changes.

    Nobody deactivates themselves (raises :class:`UserError` with code ``self``). Audited.
    """
    if user.id == by.id and not active:
        raise UserError("administrators do not deactivate themselves", code="self")
    if user.active == active:
        return False
    user.active = active
    db.session.flush()
    audit.record("user.reactivate" if active else "user.deactivate", user=by, entity=user)
    return True


def reset_password(user: User, by) -> str:
    """Give ``user`` a random temporary password, to be changed at their next sign-in; returns it (it is
    shown once to the administrator and never stored or logged in the clear). Ends the user's sessions."""
    temporary = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(TEMPORARY_PASSWORD_LENGTH))
    user.set_password(temporary)
    user.must_change_password = True
    db.session.flush()
    audit.record("user.reset_password", user=by, entity=user)
    return temporary


def change_own_password(user: User, current: str, new: str, repeat: str) -> dict[str, str]:
    """Set the signed-in ``user``'s new password; returns problems by field (codes), empty when done.

    Codes: ``current`` (wrong password), ``short``, ``repeat`` (the two differ), ``same`` (unchanged).
    Audited as ``user.password``.
    """
    problems = {}
    if not user.check_password(current):
        problems["current"] = "current"
    if len(new) < MIN_PASSWORD_LENGTH:
        problems["new"] = "short"
    elif new == current or user.check_password(new):
        problems["new"] = "same"
    if new != repeat:
        problems["repeat"] = "repeat"
    if problems:
        return problems
    user.set_password(new)
    user.must_change_password = False
    db.session.flush()
    audit.record("user.password", user=user, entity=user)
    return {}
