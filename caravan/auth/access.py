"""Access rules: which role may open which page."""
from __future__ import annotations

from functools import wraps

from flask import abort, make_response, request, url_for
from flask_login import current_user

from caravan.extensions import login
from caravan.models import Role


def role_required(role: Role):
    """Let signed-in users with ``role`` or a higher one through; others sign in (401) or get 403."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                if request.headers.get("HX-Request"):
                    return _signin_for_htmx()
                return login.unauthorized()
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def _signin_for_htmx():
    """An htmx request whose session ended (a page left polling overnight): had it followed the redirect,
    htmx would put the sign-in page inside the page; instead the whole page goes to sign-in, then back."""
    response = make_response("", 401)
    response.headers["HX-Redirect"] = url_for(login.login_view, next=request.full_path.rstrip("?"))
    return response


def home_endpoint(user) -> str:
    """The endpoint of each role's own home page."""
    return {Role.field: "field.home", Role.office: "office.home", Role.admin: "office.admin_home"}[user.role]
