"""Sign-in and sign-out pages."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from caravan.auth import bp
from caravan.auth.access import home_endpoint
from caravan.auth.forms import SignInForm
from caravan.extensions import db
from caravan.security import safe_next
from caravan.services import users


@bp.route("/signin", methods=["GET", "POST"])
def signin():
    """Staff sign-in, with a pause after repeated failures."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = SignInForm()
    error, status = None, 200
    if form.validate_on_submit():
        address = request.remote_addr or "unknown"
        if users.signin_limited(form.username.data, address):
            error, status = _("Too many failed sign-ins. Please wait 15 minutes and try again."), 429
        else:
            user = users.authenticate(form.username.data, form.password.data, address)
            db.session.commit()
            if user is not None:
                login_user(user)
                return redirect(safe_next(request.args.get("next")) or url_for(home_endpoint(user)))
            error, status = _("Wrong user name or password."), 401
    elif request.method == "POST":
        error, status = _("Please fill in both fields."), 400
    return render_template("auth/signin.html", form=form, error=error), status


@bp.route("/signout", methods=["POST"])
def signout():
    """Sign out (a POST with the CSRF token, so another site cannot sign staff out). This ends the user's
    sessions on the server too, so a copy of the cookie is worth nothing afterwards."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    return redirect(url_for("auth.signin"))
