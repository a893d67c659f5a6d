"""Office pages for residents: the search (htmx), one person's record, correcting it, registering a person
at the office, erasing at the person's request, their pass card, and the list as CSV or XLSX."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from caravan import printing
from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.labels import GROUPS
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import list_response, page_number, query_args, query_date, scope
from caravan.office.printing import _pdf_response
from caravan.qr import png_data_uri, public_url
from caravan.services import audit, duplicates, exports, merges, resident_office, resident_rules
from caravan.services.residents import RegistrationError
from caravan.services.scope import areas_within, is_county_level

#: Messages of the office's own checks, beside those of the registration rules.
FIELD_MESSAGES = {
    "village_id:unknown_area": lambda: _("Please choose a village of your area."),
    "village_id:missing": lambda: _("Please choose a village of your area."),
    "consent:missing": lambda: _("The person must agree before they are registered."),
    "since:bad_date": lambda: _("Please write the date as YYYY-MM-DD."),
    "until:bad_date": lambda: _("Please write the date as YYYY-MM-DD."),
}


def _message(name: str, code: str) -> str:
    custom = FIELD_MESSAGES.get(f"{name}:{code}")
    return custom() if custom else resident_rules.message(name, code)


def _filters() -> resident_office.Filters:
    return resident_office.read_filters(query_args(*resident_office.FILTERS), scope(), query_date)


@bp.route("/residents/")
@role_required(Role.office)
def residents_list():
    """Residents of the user's area, filtered by the query arguments; a fragment for htmx."""
    filters = _filters()
    results = resident_office.search(scope(), filters, page=page_number())
    errors = {name: [_message(name, code)] for name, code in filters.errors.items()}
    return list_response("office/residents.html", "office/_residents_table.html", results=results,
                         filters=filters.raw, errors=errors, areas=areas_within(scope()))


@bp.route("/residents/export.csv", endpoint="residents_export_csv")
@bp.route("/residents/export.xlsx", endpoint="residents_export_xlsx")
@role_required(Role.office)
def residents_export():
    """Every resident the list's filters find, as a file; audited with the filters' names and the count."""
    fmt = request.path.rsplit(".", 1)[1]
    filters = _filters()
    if filters.errors:
        flash(_("Please correct the filters first."), "error")
        return redirect(url_for("office.residents_list", **filters.raw), 303)
    rows = resident_office.all_rows(scope(), filters)
    locale = current_locale_str()
    header = [_("Full name"), _("Phone"), _("Village"), _("Township"), _("Group"), _("Registered"), _("Channel"),
              _("Skills"), _("Wishes")]
    channels = channel_labels()
    body = [[a.name, a.phone or "", a.village.name_in(locale) if a.village else "",
             a.village.parent.name_in(locale) if a.village and a.village.parent else "",
             str(GROUPS[a.group]), a.consent_at.astimezone(_zone()), str(channels[a.consent_channel]),
             a.skills, a.wishes] for a in rows]
    audit.record("resident.export", user=current_user, format=fmt, filters=filters.used, count=len(body))
    db.session.commit()
    return exports.download(_("residents"), fmt, header, body, title=_("Residents"))


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def checkin_methods() -> dict[str, str]:
    """How each way of checking in is named in the current language."""
    return {"scan": _("Pass scanned"), "manual": _("Found by name"), "register": _("Registered at the stall")}


def service_kinds() -> dict[str, str]:
    """How each kind of service is named in the current language."""
    return {"job_info": _("Job information"), "training_info": _("Training information"),
            "policy_advice": _("Policy advice")}


def channel_labels() -> dict[str, str]:
    """How each registration channel is named in the current language."""
    return {"tablet": _("At a stall, on a tablet"), "self": _("Online, on their own phone"),
            "office": _("At the office")}


def _form_values(form) -> dict[str, str]:
    return {name: form.get(name, "") for name in (*resident_rules.FIELDS, "consent")}


def _form_page(template: str, values: dict, errors: dict, status: int = 200, **context):
    return render_template(template, values=values, errors=errors, villages=resident_office.village_choices(scope()),
                           county=is_county_level(scope()), **context), status


@bp.route("/residents/new", methods=["GET", "POST"])
@role_required(Role.office)
def resident_new():
    """Register a person at the office, with their consent; then their record, ready to print the pass."""
    values, errors = {"group": ""}, {}
    if request.method == "POST":
        values = _form_values(request.form)
        try:
            attendee = resident_office.register(values, scope(), by=current_user)
        except RegistrationError as exc:
            errors = {name: [_message(name, code)] for name, code in exc.errors.items()}
        else:
            db.session.commit()
            flash(_("Registered. Print the pass card and hand it over."), "ok")
            return redirect(url_for("office.resident_show", attendee_id=attendee.id), 303)
    return _form_page("office/resident_form.html", values, errors, 422 if errors else 200, attendee=None)


def _attendee_or_redirect(attendee_id: str):
    """The record, or a redirect to the one it was merged into; 404 when not in the user's area."""
    attendee = resident_office.get(attendee_id, scope())
    if attendee is None:
        abort(404)
    if attendee.id != attendee_id:
        return None, redirect(url_for(request.endpoint, attendee_id=attendee.id), 301 if request.method == "GET"
                              else 307)
    return attendee, None


@bp.route("/residents/<attendee_id>")
@role_required(Role.office)
def resident_show(attendee_id: str):
    """Everything about one person: registration, check-ins, services, interests and referral steps."""
    attendee, moved = _attendee_or_redirect(attendee_id)
    if moved:
        return moved
    rec = resident_office.record(attendee)
    return render_template("office/resident.html", rec=rec, a=attendee, channels=channel_labels(),
                           merges=merges.merged_into(attendee),
                           possible_duplicates=duplicates.suggest(scope(), person=attendee).total,
                           checkin_methods=checkin_methods(), service_kinds=service_kinds(),
                           pass_qr=png_data_uri(public_url("p", attendee.pass_token)),
                           card_lang=printing.language_of(attendee))


@bp.route("/residents/<attendee_id>/edit", methods=["GET", "POST"])
@role_required(Role.office)
def resident_edit(attendee_id: str):
    """Correct the person's record by the rules of every registration; the audit names the fields only."""
    attendee, moved = _attendee_or_redirect(attendee_id)
    if moved:
        return moved
    values = {name: "" if getattr(attendee, name) is None else str(getattr(attendee, name))
              for name in resident_rules.FIELDS}
    errors = {}
    if request.method == "POST":
        values = _form_values(request.form)
        try:
            changed = resident_office.correct(attendee, values, scope(), by=current_user)
        except RegistrationError as exc:
            db.session.rollback()
            attendee = resident_office.get(attendee_id, scope()) or abort(404)
            errors = {name: [_message(name, code)] for name, code in exc.errors.items()}
        else:
            db.session.commit()
            flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
            return redirect(url_for("office.resident_show", attendee_id=attendee.id), 303)
    return _form_page("office/resident_form.html", values, errors, 422 if errors else 200, attendee=attendee)


@bp.route("/residents/<attendee_id>/erase", methods=["GET", "POST"])
@role_required(Role.office)
def resident_erase(attendee_id: str):
    """Ask, then erase at the person's request: anonymised as by their own "erase my data"."""
    attendee, moved = _attendee_or_redirect(attendee_id)
    if moved:
        return moved
    if request.method == "POST":
        if request.form.get("confirm") != "1":
            return render_template("office/resident_erase.html", a=attendee,
                                   error=_("Tick the box to confirm that the person asked for this.")), 422
        resident_office.erase(attendee, by=current_user)
        db.session.commit()
        flash(_("The record was erased. Counts of the person's visits remain, without the person."), "ok")
        return redirect(url_for("office.residents_list"), 303)
    return render_template("office/resident_erase.html", a=attendee, error=None)


@bp.route("/residents/<attendee_id>/pass", methods=["POST"])
@role_required(Role.office)
def resident_pass(attendee_id: str):
    """The person's pass card as a PDF, in the language chosen on the record page (it proposes the person's
    own, :func:`caravan.printing.language_of`); audited."""
    attendee, moved = _attendee_or_redirect(attendee_id)
    if moved:
        return moved
    lang = request.form.get("lang", "")
    if lang not in current_app.config["LANGUAGES"]:
        lang = printing.language_of(attendee)
    with force_locale(lang):
        pdf = printing.passes_pdf([attendee], lang)
    audit.record("print.passes", user=current_user, entity=attendee, count=1, per_page=1)
    db.session.commit()
    return _pdf_response(pdf, "caravan-pass.pdf")
