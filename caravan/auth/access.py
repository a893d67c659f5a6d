"""Access rules: which role may open which page."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user

from caravan.extensions import login
from caravan.models import Role


def role_required(role: Role):
    """Let signed-in users with ``role`` or a higher one through; others sign in (401) or get 403."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login.unauthorized()
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def home_endpoint(user) -> str:
    """The endpoint of each role's own home page."""
    return {Role.field: "field.home", Role.office: "office.home", Role.admin: "office.admin_home"}[user.role]
