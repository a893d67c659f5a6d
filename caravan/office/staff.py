"""Administration of one staff member: edit, deactivate (asked first) and reactivate, reset the password,
unlock. Only staff of the administrator's own area and below; anyone else answers like an unknown id (404).

The buttons above the form submit the form (``then=<action>``), so what was typed there is saved with the
action, or nothing is when the form has a problem; a hidden first Save button keeps Enter a plain save."""
from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role, User
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import signin, users
from caravan.services.scope import areas_within, get_within

#: What a :class:`users.UserError` code means on the form, by field.
_MESSAGES = {
    "area": ("area", lambda: _("Choose an area within yours.")),
    "role": ("role", lambda: _("Choose a role.")),
    "self": ("role", lambda: _("You cannot change your own role or area, nor deactivate yourself.")),
}
#: What a button above the staff form does once the form is saved. Only unlock applies to oneself.
_ACTIONS = ("deactivate", "reactivate", "reset", "unlock")


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
    """A staff member's name, role and area, with the buttons to deactivate, reset and unlock.

    A button saves the form first: Reactivate and Unlock then act in the same transaction, Reset password
    shows the temporary password, Deactivate leads to its confirmation page.
    """
    user = _staff(user_id)
    if request.method == "POST":
        then = request.form.get("then") or None
        if then not in (None, *_ACTIONS) or (then not in (None, "unlock") and user.id == current_user.id):
            abort(400)
        values = {k: (request.form.get(k) or "").strip() for k in ("display_name", "role", "area")}
        if len(values["display_name"]) > 100:
            return _form(user, values, {"display_name": [_("At most %(num)d characters (now %(now)d).", num=100,
                                                            now=len(values["display_name"]))]}, 422)
        try:
            changed = users.update_user(user, values["display_name"], values["role"], values["area"],
                                        by=current_user, scope=scope())
            reactivated = then == "reactivate" and users.set_active(user, True, by=current_user)
        except users.UserError as exc:
            db.session.rollback()
            field, message = _MESSAGES.get(exc.code, ("role", lambda: str(exc)))
            return _form(_staff(user_id), values, {field: [message()]}, 422)
        if then == "unlock":
            signin.unlock(user, by=current_user)
        if then == "reset":
            return _reset(user, saved=changed)
        db.session.commit()
        if changed or not then:
            flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        if reactivated or then == "unlock":
            flash(_("%(name)s can sign in again.", name=user.username), "ok")
        if then == "deactivate":
            return redirect(url_for("office.staff_deactivate", user_id=user.id), 303)
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
              _("%(name)s can no longer sign in; their sessions have ended. “Reactivate” undoes it.",
                name=user.username), "ok")
    return redirect(url_for("office.staff_edit", user_id=user_id), 303)


@bp.route("/admin/staff/<user_id>/deactivate", methods=["GET", "POST"])
@role_required(Role.admin)
def staff_deactivate(user_id: str):
    """Ask, then stop a staff member from signing in (their sessions end at once); their records stay theirs.
    Reactivate on their page undoes it."""
    if request.method == "GET":
        return render_template("office/staff_deactivate.html", staff=_staff(user_id))
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
    return _reset(user)


def _reset(user: User, saved: bool = False):
    """Reset ``user``'s password, commit, and show the temporary password this once (never cached)."""
    temporary = users.reset_password(user, by=current_user)
    db.session.commit()
    if saved:
        flash(_("Saved."), "ok")
    response = make_response(render_template("office/staff_reset.html", staff=user, temporary=temporary))
    response.headers["Cache-Control"] = "no-store"
    return response
