"""Administration of one staff member: edit, deactivate and reactivate, reset the password. Only staff of
the administrator's own area and below; anyone else answers like an unknown id (404)."""
from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role, User
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import users
from caravan.services.scope import areas_within, get_within

#: What a :class:`users.UserError` code means on the form, by field.
_MESSAGES = {
    "area": ("area", lambda: _("Choose an area within yours.")),
    "role": ("role", lambda: _("Choose a role.")),
    "self": ("role", lambda: _("You cannot change your own role or area, nor deactivate yourself.")),
}


def _staff(user_id: str) -> User:
    if not (user_id.isascii() and user_id.isdigit() and len(user_id) < 10):
        abort(404)
    return get_within(User, int(user_id), scope()) or abort(404)


def _form(user: User, values: dict, errors: dict, status: int = 200):
    response = make_response(render_template(
        "office/staff_form.html", staff=user, values=values, errors=errors, areas=areas_within(scope()),
        alert=_("Please correct the marked fields.") if errors else None), status)
    return response


@bp.route("/admin/staff/<user_id>", methods=["GET", "POST"])
@role_required(Role.admin)
def staff_edit(user_id: str):
    """A staff member's name, role and area, with the buttons to deactivate, reset and unlock."""
    user = _staff(user_id)
    if request.method == "POST":
        values = {k: (request.form.get(k) or "").strip() for k in ("display_name", "role", "area")}
        if len(values["display_name"]) > 100:
            return _form(user, values, {"display_name": [_("At most %(num)d characters (now %(now)d).", num=100,
                                                            now=len(values["display_name"]))]}, 422)
        try:
            changed = users.update_user(user, values["display_name"], values["role"], values["area"],
                                        by=current_user, scope=scope())
        except users.UserError as exc:
            db.session.rollback()
            field, message = _MESSAGES.get(exc.code, ("role", lambda: str(exc)))
            return _form(_staff(user_id), values, {field: [message()]}, 422)
        db.session.commit()
        flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        return redirect(url_for("office.staff_edit", user_id=user.id), 303)
    values = {"display_name": user.display_name, "role": user.role.value, "area": user.area.code}
    return _form(user, values, {})


def _set_active(user_id: str, active: bool):
    user = _staff(user_id)
    try:
        changed = users.set_active(user, active, by=current_user)
    except users.UserError:
        db.session.rollback()
        flash(_("You cannot change your own role or area, nor deactivate yourself."), "error")
        return redirect(url_for("office.staff_edit", user_id=user_id), 303)
    db.session.commit()
    if changed:
        flash(_("%(name)s can sign in again.", name=user.username) if active else
              _("%(name)s can no longer sign in; their sessions have ended.", name=user.username), "ok")
    return redirect(url_for("office.staff_edit", user_id=user_id), 303)


@bp.route("/admin/staff/<user_id>/deactivate", methods=["POST"])
@role_required(Role.admin)
def staff_deactivate(user_id: str):
    """Stop a staff member from signing in (their sessions end at once); their records stay theirs."""
    return _set_active(user_id, False)


@bp.route("/admin/staff/<user_id>/reactivate", methods=["POST"])
@role_required(Role.admin)
def staff_reactivate(user_id: str):
    """Let a deactivated staff member sign in again."""
    return _set_active(user_id, True)


@bp.route("/admin/staff/<user_id>/reset-password", methods=["POST"])
@role_required(Role.admin)
def staff_reset_password(user_id: str):
    """A temporary password, shown once on this page (never in a URL or a cookie); the staff member signs
    in with it and chooses their own before anything else."""
    user = _staff(user_id)
    if user.id == current_user.id:
        abort(400)  # an administrator changes their own password on the account page
    temporary = users.reset_password(user, by=current_user)
    db.session.commit()
    response = make_response(render_template("office/staff_reset.html", staff=user, temporary=temporary))
    response.headers["Cache-Control"] = "no-store"
    return response
