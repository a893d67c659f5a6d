"""A staff member's own password: changed on the account page, and required after an administrator's
reset before any other staff page opens."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from caravan.auth import bp
from caravan.auth.access import home_endpoint
from caravan.extensions import db, login
from caravan.services import users

#: What a signed-in user whose password was reset may still open.
_OPEN_WHILE_RESET = {"auth.password", "auth.signout", "static", "public.static"}


@bp.before_app_request
def _password_first():
    """After a reset, every staff page leads to the password page until a new password is chosen."""
    if (current_user.is_authenticated and current_user.must_change_password
            and request.endpoint not in _OPEN_WHILE_RESET and request.blueprint in ("office", "field", "auth")):
        return redirect(url_for("auth.password"))
    return None


def _messages() -> dict[str, str]:
    return {"current": _("Wrong password."),
            "short": _("At least %(num)d characters.", num=users.MIN_PASSWORD_LENGTH),
            "same": _("Choose a password other than the one you have."),
            "repeat": _("The two new passwords differ.")}


@bp.route("/account/password", methods=["GET", "POST"])
def password():
    """Choose a new password: the current one, then the new one twice."""
    if not current_user.is_authenticated:
        return login.unauthorized()
    errors, status = {}, 200
    if request.method == "POST":
        form = request.form
        problems = users.change_own_password(current_user, form.get("current", ""), form.get("new", ""),
                                             form.get("repeat", ""))
        if not problems:
            user = current_user._get_current_object()
            db.session.commit()
            login_user(user)  # the new password ended every session, this one too: it starts afresh
            flash(_("Your new password is saved."), "ok")
            return redirect(url_for(home_endpoint(user)))
        db.session.rollback()
        messages = _messages()
        errors, status = {field: [messages[code]] for field, code in problems.items()}, 422
    return render_template("auth/password.html", errors=errors,
                           forced=current_user.must_change_password), status
