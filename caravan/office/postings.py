"""Office pages for job postings: the filtered list (htmx), the form, and publishing."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import PublishStatus, Role
from caravan.office import bp
from caravan.office.common import (form_error_response, list_response, page_number, query_args, scope,
                                   status_after_save)
from caravan.services import surveys
from caravan.services.catalogue import employers, postings
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within

FILTERS = ("q", "status", "sector", "employer", "area")


def _form_context(**extra) -> dict:
    return {"employers": employers.choices(scope()), "areas": areas_within(scope()), **extra}


@bp.route("/postings/")
@role_required(Role.office)
def postings_list():
    """Postings of the user's area, filtered by the query arguments; a fragment for htmx."""
    filters = query_args(*FILTERS)
    results = postings.search(scope(), text=filters["q"], status=filters["status"], sector=filters["sector"],
                              employer=filters["employer"], area=filters["area"], page=page_number())
    return list_response("office/postings.html", "office/_postings_table.html", results=results,
                         filters=filters, missing=postings.missing_languages, **_form_context())


@bp.route("/postings/new", methods=["GET", "POST"])
@role_required(Role.office)
def posting_new():
    """The empty posting form; saving makes a draft with a new code."""
    values = {"openings": "1", "wage_unit": "month", "sector": "other", "area": scope().code}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            posting = postings.create(postings.clean(request.form, scope()), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/posting_form.html", exc, values=values, posting=None,
                                       **_form_context())
        db.session.commit()
        flash(_("Posting %(code)s was saved as a draft.", code=posting.code), "ok")
        return redirect(url_for("office.posting_edit", posting_id=posting.id), 303)
    return render_template("office/posting_form.html", values=values, errors={}, posting=None,
                           **_form_context())


@bp.route("/postings/<posting_id>/edit", methods=["GET", "POST"])
@role_required(Role.office)
def posting_edit(posting_id: str):
    """A posting's form with its status actions.

    The status buttons belong to this form (``then=publish|close|draft``): what was typed is saved first,
    then the status changes, both or neither; a problem with either shows the form again as typed.
    """
    posting = postings.get(posting_id, scope()) or abort(404)
    if request.method == "POST":
        then = status_after_save()
        try:
            changed = postings.update(posting, postings.clean(request.form, scope()), by=current_user)
            moved = then is not None and postings.set_status(posting, then, by=current_user)
        except ValidationError as exc:
            db.session.rollback()
            posting = postings.get(posting_id, scope())
            return form_error_response("office/posting_form.html", exc, values=request.form.to_dict(),
                                       posting=posting, **_form_context())
        db.session.commit()
        if moved:
            _flash_status(posting, then, saved=bool(changed))
        else:
            flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        return redirect(url_for("office.posting_edit", posting_id=posting.id), 303)
    return render_template("office/posting_form.html", values=postings.form_values(posting), errors={},
                           posting=posting, from_visit=surveys.visit_of_posting(posting.id), **_form_context())


def _set_status(posting_id: str, status: PublishStatus):
    posting = postings.get(posting_id, scope()) or abort(404)
    try:
        changed = postings.set_status(posting, status, by=current_user)
    except ValidationError as exc:
        db.session.rollback()
        for messages in exc.errors.values():
            for message in messages:
                flash(message, "error")
        return redirect(url_for("office.posting_edit", posting_id=posting_id), 303)
    db.session.commit()
    if changed:
        _flash_status(posting, status)
    return redirect(url_for("office.posting_edit", posting_id=posting_id), 303)


def _flash_status(posting, status: PublishStatus, saved: bool = False) -> None:
    if saved:
        flash(_("Saved."), "ok")
    flash({PublishStatus.published: _("Posting %(code)s is online.", code=posting.code),
           PublishStatus.closed: _("Posting %(code)s is closed.", code=posting.code),
           PublishStatus.draft: _("Posting %(code)s is a draft again.", code=posting.code)}[status], "ok")


@bp.route("/postings/<posting_id>/publish", methods=["POST"])
@role_required(Role.office)
def posting_publish(posting_id: str):
    """Put a posting online (its closing date must not have passed)."""
    return _set_status(posting_id, PublishStatus.published)


@bp.route("/postings/<posting_id>/close", methods=["POST"])
@role_required(Role.office)
def posting_close(posting_id: str):
    """Take a posting offline for good (tablets drop it)."""
    return _set_status(posting_id, PublishStatus.closed)


@bp.route("/postings/<posting_id>/draft", methods=["POST"])
@role_required(Role.office)
def posting_draft(posting_id: str):
    """Take a posting offline to rework it."""
    return _set_status(posting_id, PublishStatus.draft)
