"""Office pages for caravan events: upcoming and past, the form, cancelling (asked first) and restoring."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role
from caravan.models.base import utcnow
from caravan.office import bp
from caravan.office.common import form_error_response, list_response, page_number, scope
from caravan.services import stats
from caravan.services.catalogue import events
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within


def _form_context(chosen_postings: list[str], chosen_notices: list[str], **extra) -> dict:
    postings, notices = events.candidates(scope())
    return {"areas": areas_within(scope()), "candidate_postings": postings, "candidate_notices": notices,
            "chosen_postings": set(chosen_postings), "chosen_notices": set(chosen_notices), **extra}


def _clean():
    return events.clean(request.form, scope(), request.form.getlist("postings"), request.form.getlist("notices"))


@bp.route("/events/")
@role_required(Role.office)
def events_list():
    """Upcoming (default) or past events of the user's area."""
    when = "past" if request.args.get("when") == "past" else "upcoming"
    results = events.search(scope(), when=when, page=page_number())
    return list_response("office/events.html", "office/_events_table.html", results=results, when=when,
                         now=utcnow())


@bp.route("/events/new", methods=["GET", "POST"])
@role_required(Role.office)
def event_new():
    """The empty event form."""
    if request.method == "POST":
        form = request.form
        try:
            event = events.create(_clean(), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/event_form.html", exc, values=form.to_dict(), event=None,
                                       **_form_context(form.getlist("postings"), form.getlist("notices")))
        db.session.commit()
        flash(_("Event %(code)s was added.", code=event.code), "ok")
        return redirect(url_for("office.event_edit", event_id=event.id), 303)
    return render_template("office/event_form.html", values={"area": scope().code, "kind": "bazaar"}, errors={},
                           event=None, **_form_context([], []))


@bp.route("/events/<event_id>/edit", methods=["GET", "POST"])
@role_required(Role.office)
def event_edit(event_id: str):
    """An event's form; the postings and notices it shows are ticked; below it, who recorded what there.

    The buttons above the form submit it too (``then=cancel|restore``), so what was typed is saved first:
    "Cancel this event" then asks for confirmation, "Restore this event" plans it again.
    """
    event = events.get(event_id, scope()) or abort(404)
    if request.method == "POST":
        form = request.form
        then = form.get("then") or None
        if then not in (None, "cancel", "restore"):
            abort(400)
        try:
            changed = events.update(event, _clean(), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/event_form.html", exc, values=form.to_dict(), event=event,
                                       **_form_context(form.getlist("postings"), form.getlist("notices")))
        restored = then == "restore" and events.restore(event, by=current_user)
        db.session.commit()
        if changed or not then:
            flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        if restored:
            flash(_("Event %(code)s is planned again; tablets receive it at their next sync.", code=event.code),
                  "ok")
        if then == "cancel":
            return redirect(url_for("office.event_cancel", event_id=event.id), 303)
        return redirect(url_for("office.event_edit", event_id=event.id), 303)
    return render_template("office/event_form.html", values=events.form_values(event), errors={}, event=event,
                           staff=stats.staff_at_event(event), staff_kinds=stats.STAFF_KINDS,
                           **_form_context([p.id for p in event.postings], [n.id for n in event.notices]))


@bp.route("/events/<event_id>/cancel", methods=["GET", "POST"])
@role_required(Role.office)
def event_cancel(event_id: str):
    """Ask, then cancel an event; tablets drop it on their next sync. The event's page can restore it."""
    event = events.get(event_id, scope()) or abort(404)
    if request.method == "GET":
        return render_template("office/event_cancel.html", event=event)
    if events.cancel(event, by=current_user):
        db.session.commit()
        flash(_("Event %(code)s was cancelled. “Restore this event” undoes it.", code=event.code), "ok")
    return redirect(url_for("office.event_edit", event_id=event_id), 303)
