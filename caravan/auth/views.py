"""Sign-in and sign-out pages, and the administrators' unlock of a locked user name."""
from __future__ import annotations

import math

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from caravan.auth import bp
from caravan.auth.access import home_endpoint, role_required
from caravan.auth.forms import SignInForm
from caravan.extensions import db
from caravan.models import Role, User
from caravan.security import safe_next
from caravan.services import signin as signins
from caravan.services.scope import get_within


@bp.route("/signin", methods=["GET", "POST"])
def signin():
    """Staff sign-in: a user name locks after repeated failures, an address slows down (429 either way)."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = SignInForm()
    error, status, headers = None, 200, {}
    if form.validate_on_submit():
        attempt = signins.begin(form.username.data, request.remote_addr or "unknown")
        db.session.commit()  # the attempt is counted before the password is checked: see services.signin
        if attempt.refused == "user":
            error = _("Too many failed sign-ins for this user name. Please try again in %(num)d minutes, "
                      "or ask an administrator to unlock it.", num=math.ceil(attempt.retry_after / 60))
        elif attempt.refused == "address":
            error = _("Too many failed sign-ins from this network. Please wait %(num)d seconds and try again.",
                      num=attempt.retry_after)
        else:
            user = signins.finish(attempt, form.password.data)
            db.session.commit()
            if user is not None:
                login_user(user)
                return redirect(safe_next(request.args.get("next")) or url_for(home_endpoint(user)))
            error, status = _("Wrong user name or password."), 401
        if attempt.refused:
            status, headers = 429, {"Retry-After": str(attempt.retry_after)}
    elif request.method == "POST":
        error, status = _("Please fill in both fields."), 400
    return render_template("auth/signin.html", form=form, error=error), status, headers


@bp.route("/signout", methods=["POST"])
def signout():
    """Sign out (a POST with the CSRF token, so another site cannot sign staff out). This ends the user's
    sessions on the server too, so a copy of the cookie is worth nothing afterwards."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    return redirect(url_for("auth.signin"))


@bp.route("/office/admin/unlock", methods=["POST"])
@role_required(Role.admin)
def unlock():
    """Unlock a staff member's user name after failed sign-ins (a button on the admin page); audited.
    Only users of the administrator's own area and below."""
    raw = request.form.get("user", "")
    if not (raw.isascii() and raw.isdigit() and len(raw) < 10):
        abort(400)
    user = get_within(User, int(raw), current_user.area)
    if user is None:
        abort(404)
    signins.unlock(user, by=current_user)
    db.session.commit()
    flash(_("%(name)s can sign in again.", name=user.username), "ok")
    return redirect(url_for("office.admin_home"), 303)
