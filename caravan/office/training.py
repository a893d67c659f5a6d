"""Office pages for a training course's sessions, on its notice's page: add, change, remove (each within the
user's area), with the course's seats and interest counts beside them."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Notice, Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import training
from caravan.services.catalogue import notices
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within


def sessions_context(notice: Notice | None, values: dict | None = None, errors: dict | None = None) -> dict:
    """What the notice page's sessions panel needs (nothing for a policy notice or a new notice)."""
    if not training.is_course(notice):
        return {}
    area = scope()
    return {"course": {"sessions": notice.sessions, "editable": training.editable_ids(notice, area),
                       "seats": training.seats(notice), "areas": areas_within(area),
                       "form": values or {"area": area.code}, "problems": errors or {}}}


def _course(notice_id: str) -> Notice:
    notice = notices.get(notice_id)
    if not training.is_course(notice):
        abort(404)
    return notice


def _back(notice: Notice):
    return redirect(url_for("office.notice_edit", notice_id=notice.id, _anchor="sessions"), 303)


@bp.route("/notices/<notice_id>/sessions", methods=["POST"])
@role_required(Role.office)
def session_add(notice_id: str):
    """Add a session to a training course, held in an area of the user's own; the notice's page again with
    the problems (and what was typed) when the form is wrong."""
    notice = _course(notice_id)
    try:
        training.add(notice, training.clean(request.form, scope()), by=current_user)
    except ValidationError as exc:
        db.session.rollback()
        notice = _course(notice_id)
        return render_template("office/notice_form.html", values=notices.form_values(notice), errors={},
                               notice=notice, alert=_("Please correct the marked fields."),
                               **sessions_context(notice, request.form.to_dict(), exc.errors)), 422
    db.session.commit()
    flash(_("The session was added."), "ok")
    return _back(notice)


@bp.route("/notices/<notice_id>/sessions/<session_id>", methods=["GET", "POST"])
@role_required(Role.office)
def session_edit(notice_id: str, session_id: str):
    """A session's own form; a session held outside the user's area is 404."""
    notice = _course(notice_id)
    session = training.get(session_id, notice, scope()) or abort(404)
    if request.method == "POST":
        try:
            changed = training.update(session, training.clean(request.form, scope()), by=current_user)
        except ValidationError as exc:
            db.session.rollback()
            return render_template("office/training_session_form.html", notice=_course(notice_id),
                                   session=session, values=request.form.to_dict(), errors=exc.errors,
                                   areas=areas_within(scope()), alert=_("Please correct the marked fields.")), 422
        db.session.commit()
        flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        return _back(notice)
    return render_template("office/training_session_form.html", notice=notice, session=session,
                           values=training.form_values(session), errors={}, areas=areas_within(scope()))


@bp.route("/notices/<notice_id>/sessions/<session_id>/remove", methods=["POST"])
@role_required(Role.office)
def session_remove(notice_id: str, session_id: str):
    """Remove a session (the course's interests stay: they are in the course, not in a session); refused,
    with the reason, while residents are enrolled in it."""
    notice = _course(notice_id)
    session = training.get(session_id, notice, scope()) or abort(404)
    try:
        training.remove(session, by=current_user)
    except ValidationError as exc:
        db.session.rollback()
        flash(" ".join(m for ms in exc.errors.values() for m in ms), "error")
        return _back(notice)
    db.session.commit()
    flash(_("The session was removed."), "ok")
    return _back(notice)
