"""Office pages of a job fair: its participating employers (add, change, remove, note arrival), the fair
guide PDF, and the fair's results per employer as CSV or XLSX.

The participants' table is one fragment (``office/_fair_participants.html``): htmx forms post to the routes
below and get the fragment back; without htmx they get the page (redirect after a change, 422 with the
problems and the typed values after bad input).
"""
from __future__ import annotations

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.fair_guide import fair_guide_pdf
from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str, reads_lang_arg
from caravan.labels import GROUPS, REFERRAL_STATUSES
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import scope, wants_fragment
from caravan.services import audit, exports, fairs
from caravan.services.catalogue import events
from caravan.services.catalogue.fields import ValidationError
from caravan.services.catalogue.texts import app_zone


def _fair(event_id: str):
    """The job fair ``event_id`` within the user's area; 404 for an unknown id, another area or another kind
    of event."""
    event = events.get(event_id, scope())
    if event is None or not fairs.is_fair(event):
        abort(404)
    return event


def _answer(event, status: int = 200, **extra):
    """The participants' fragment (htmx; errors too, so they are shown in place) or the whole page."""
    locale = current_locale_str()
    context = {"errors": {}, "values": {}, "row_errors": {}, "row_values": {}, **extra}
    context |= {"event": event, "participants": fairs.participants(event),
                "employer_options": [(e.id, e.name_in(locale)) for e in fairs.candidates(event)]}
    if wants_fragment():
        response = make_response(render_template("office/_fair_participants.html", **context))
    else:
        response = make_response(render_template("office/fair.html", **context), status)
    response.vary.add("HX-Request")
    return response


def _done(event, message: str):
    db.session.commit()
    if wants_fragment():
        return _answer(event, notice=message)
    flash(message, "ok")
    return redirect(url_for("office.fair_page", fair_id=event.id), 303)


@bp.route("/events/<fair_id>/fair")
@role_required(Role.office)
def fair_page(fair_id: str):
    """The fair's participating employers, with the forms to add and change them."""
    return _answer(_fair(fair_id))


@bp.route("/events/<fair_id>/fair/add", methods=["POST"])
@role_required(Role.office)
def fair_add(fair_id: str):
    """Add an employer to the fair (status, booth and zone optional)."""
    event = _fair(fair_id)
    try:
        participant = fairs.add(event, fairs.clean(request.form, event), by=current_user)
    except ValidationError as exc:
        return _answer(event, 422, errors=exc.errors, values=request.form.to_dict(),
                       alert=_("Please correct the marked fields."))
    return _done(event, _("%(name)s takes part in the fair.", name=participant.employer.name_in(current_locale_str())))


@bp.route("/events/<fair_id>/fair/<participant_id>", methods=["POST"])
@role_required(Role.office)
def fair_update(fair_id: str, participant_id: str):
    """Change a participant: status, booth and zone (``action=save``), arrival (``arrived``, ``not_arrived``)
    or take it off the fair (``remove``)."""
    event = _fair(fair_id)
    participant = fairs.get(event, participant_id) or abort(404)
    name = participant.employer.name_in(current_locale_str())
    action = request.form.get("action", "save")
    if action == "remove":
        fairs.remove(participant, by=current_user)
        return _done(event, _("%(name)s was taken off the fair.", name=name))
    if action == "arrived":
        fairs.mark_arrived(participant, by=current_user)
        return _done(event, _("%(name)s has arrived.", name=name))
    if action == "not_arrived":
        fairs.clear_arrival(participant, by=current_user)
        return _done(event, _("The arrival of %(name)s was undone.", name=name))
    if action != "save":
        abort(400)
    try:
        changed = fairs.update(participant, fairs.clean(request.form, event, current=participant), by=current_user)
    except ValidationError as exc:
        db.session.rollback()
        return _answer(event, 422, row_errors={participant.id: exc.errors},
                       row_values={participant.id: request.form.to_dict()},
                       alert=_("Please correct the marked fields."))
    return _done(event, _("Saved.") if changed else _("Nothing was changed."))


@bp.route("/events/<fair_id>/fair/guide.pdf")
@reads_lang_arg  # the guide's language, not the page's: the user's own choice stays
@role_required(Role.office)
def fair_guide(fair_id: str):
    """The fair guide as a PDF in the chosen language (``lang``, default the user's); audited."""
    event = _fair(fair_id)
    lang = request.args.get("lang") or current_locale_str()
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    pdf = fair_guide_pdf(event, lang)
    audit.record("print.fair_guide", user=current_user, entity=event, languages=[lang])
    db.session.commit()
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="fair-guide-{event.code}-{lang}.pdf"'
    return response


@bp.route("/events/<fair_id>/fair/results.<fmt>")
@role_required(Role.office)
def fair_results_export(fair_id: str, fmt: str):
    """The fair's results per employer as CSV or XLSX (counts, no resident); audited."""
    if fmt not in exports.FORMATS:
        abort(404)
    event = _fair(fair_id)
    locale = current_locale_str()
    header = [_("Booth"), _("Zone"), _("Employer"), _("Arrived"), _("Interests"),
              *[str(REFERRAL_STATUSES[s]) for s in fairs.FOLLOW_UP]]
    rows = []
    for result in fairs.results(event):
        p = result.participant
        rows.append([p.booth or "", str(GROUPS[p.zone]) if p.zone else _("Main hall"), p.employer.name_in(locale),
                     p.arrived_at.astimezone(app_zone()).replace(tzinfo=None) if p.arrived_at else "",
                     result.interests, *[result.by_status[s.value] for s in fairs.FOLLOW_UP]])
    audit.record("fair.export", user=current_user, entity=event, format=fmt, rows=len(rows))
    db.session.commit()
    local_day = event.starts_at.astimezone(app_zone()).strftime("%Y-%m-%d")
    name = _("fair-results")
    return exports.download(f"{name}-{event.code}-{local_day}", fmt, header, rows,
                            title=_("Job fair results"))
