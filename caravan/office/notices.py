"""Office pages for training and policy notices: list, form, publishing."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import PublishStatus, Role
from caravan.office import bp
from caravan.office.common import form_error_response, list_response, page_number, query_args, status_after_save
from caravan.services.catalogue import notices
from caravan.services.catalogue.fields import ValidationError
from caravan.services.catalogue.texts import missing_languages
from caravan.office.training import sessions_context


@bp.route("/notices/")
@role_required(Role.office)
def notices_list():
    """Notices filtered by text, status and kind; a fragment for htmx."""
    filters = query_args("q", "status", "kind")
    results = notices.search(text=filters["q"], status=filters["status"], kind=filters["kind"], page=page_number())
    return list_response("office/notices.html", "office/_notices_table.html", results=results, filters=filters,
                         missing=missing_languages)


@bp.route("/notices/new", methods=["GET", "POST"])
@role_required(Role.office)
def notice_new():
    """The empty notice form; saving makes a draft with a new code."""
    values = {"kind": "training"}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            notice = notices.create(notices.clean(request.form), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/notice_form.html", exc, values=values, notice=None)
        db.session.commit()
        flash(_("Notice %(code)s was saved as a draft.", code=notice.code), "ok")
        return redirect(url_for("office.notice_edit", notice_id=notice.id), 303)
    return render_template("office/notice_form.html", values=values, errors={}, notice=None)


@bp.route("/notices/<notice_id>/edit", methods=["GET", "POST"])
@role_required(Role.office)
def notice_edit(notice_id: str):
    """A notice's form with its status actions."""
    notice = notices.get(notice_id) or abort(404)
    if request.method == "POST":
        then = status_after_save()  # a status button: save what was typed, then move (see posting_edit)
        try:
            changed = notices.update(notice, notices.clean(request.form), by=current_user)
            moved = then is not None and notices.set_status(notice, then, by=current_user)
        except ValidationError as exc:
            db.session.rollback()
            notice = notices.get(notice_id)
            return form_error_response("office/notice_form.html", exc, values=request.form.to_dict(),
                                       notice=notice, **sessions_context(notice))
        db.session.commit()
        flash(_("Saved.") if changed or moved else _("Nothing was changed."), "ok")
        return redirect(url_for("office.notice_edit", notice_id=notice.id), 303)
    return render_template("office/notice_form.html", values=notices.form_values(notice), errors={},
                           notice=notice, **sessions_context(notice))


def _set_status(notice_id: str, status: PublishStatus):
    notice = notices.get(notice_id) or abort(404)
    try:
        changed = notices.set_status(notice, status, by=current_user)
    except ValidationError as exc:
        db.session.rollback()
        for messages in exc.errors.values():
            for message in messages:
                flash(message, "error")
        return redirect(url_for("office.notice_edit", notice_id=notice_id), 303)
    db.session.commit()
    if changed:
        flash(_("Saved."), "ok")
    return redirect(url_for("office.notice_edit", notice_id=notice_id), 303)


@bp.route("/notices/<notice_id>/publish", methods=["POST"])
@role_required(Role.office)
def notice_publish(notice_id: str):
    """Put a notice online."""
    return _set_status(notice_id, PublishStatus.published)


@bp.route("/notices/<notice_id>/close", methods=["POST"])
@role_required(Role.office)
def notice_close(notice_id: str):
    """Take a notice offline for good."""
    return _set_status(notice_id, PublishStatus.closed)


@bp.route("/notices/<notice_id>/draft", methods=["POST"])
@role_required(Role.office)
def notice_draft(notice_id: str):
    """Take a notice offline to rework it."""
    return _set_status(notice_id, PublishStatus.draft)
