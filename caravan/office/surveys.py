"""Office pages of the employer demand survey: rounds, a round's coverage, visits, draft postings from a visit."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.models import Employer, Role
from caravan.office import bp
from caravan.office.common import form_error_response, scope
from caravan.services import audit, exports, surveys
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within
from caravan.services.survey_coverage import coverage


@bp.route("/surveys/")
@role_required(Role.office)
def surveys_list():
    """The rounds of the user's area with how many of their employers were visited."""
    found = surveys.rounds(scope())
    totals = {r.id: coverage(r).total for r in found}
    return render_template("office/surveys.html", rounds=found, totals=totals)


@bp.route("/surveys/new", methods=["GET", "POST"])
@role_required(Role.office)
def survey_new():
    """The form of a new round."""
    values = {"area": scope().code}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            survey_round = surveys.create_round(surveys.clean_round(request.form, scope()), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/survey_round_form.html", exc, values=values, survey_round=None,
                                       areas=areas_within(scope()))
        db.session.commit()
        flash(_("The survey round was saved."), "ok")
        return redirect(url_for("office.survey_page", round_id=survey_round.id), 303)
    return render_template("office/survey_round_form.html", values=values, errors={}, survey_round=None,
                           areas=areas_within(scope()))


@bp.route("/surveys/<round_id>/edit", methods=["GET", "POST"])
@role_required(Role.office)
def survey_edit(round_id: str):
    """A round's form."""
    survey_round = surveys.get_round(round_id, scope()) or abort(404)
    if request.method == "POST":
        try:
            changed = surveys.update_round(survey_round, surveys.clean_round(request.form, scope()), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/survey_round_form.html", exc, values=request.form.to_dict(),
                                       survey_round=survey_round, areas=areas_within(scope()))
        db.session.commit()
        flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        return redirect(url_for("office.survey_page", round_id=survey_round.id), 303)
    return render_template("office/survey_round_form.html", values=surveys.round_form_values(survey_round),
                           errors={}, survey_round=survey_round, areas=areas_within(scope()))


@bp.route("/surveys/<round_id>")
@role_required(Role.office)
def survey_page(round_id: str):
    """A round's coverage: per area the employers, those visited and the share; who is not visited yet;
    the visits so far."""
    survey_round = surveys.get_round(round_id, scope()) or abort(404)
    area_code = (request.args.get("area") or "").strip()[:32]
    return render_template("office/survey_round.html", survey_round=survey_round, area_code=area_code,
                           coverage=coverage(survey_round, area_code), visits=surveys.visits_of(survey_round))


@bp.route("/surveys/<round_id>/not-visited.csv", endpoint="survey_not_visited_csv")
@bp.route("/surveys/<round_id>/not-visited.xlsx", endpoint="survey_not_visited_xlsx")
@role_required(Role.office)
def survey_not_visited(round_id: str):
    """The employers of the round not visited yet (of one area if ``area`` is given), as CSV or XLSX."""
    survey_round = surveys.get_round(round_id, scope()) or abort(404)
    area_code = (request.args.get("area") or "").strip()[:32]
    locale = current_locale_str()
    header = [_("Employer"), _("Area code"), _("Area"), _("Contact person"), _("Contact phone")]
    rows = [[e.name_in(locale), e.area.code if e.area else "", e.area.name_in(locale) if e.area else "",
             e.contact_name, e.contact_phone] for e in coverage(survey_round, area_code).not_visited]
    fmt = request.path.rsplit(".", 1)[1]
    audit.record("survey.export", user=current_user, entity=survey_round, format=fmt, rows=len(rows))
    db.session.commit()
    return exports.download(_("not-visited"), fmt, header, rows, title=_("Not visited yet"))


def _round_employers(survey_round) -> list[Employer]:
    return list(db.session.scalars(select(Employer).where(surveys.employers_of(survey_round))
                                   .order_by(Employer.name_zh)))


def _visit_form(survey_round, values: dict, errors: dict, status: int = 200, alert: str | None = None, **extra):
    return render_template("office/survey_visit_form.html", survey_round=survey_round, values=values,
                           errors=errors, alert=alert, employers=_round_employers(survey_round),
                           max_lines=surveys.MAX_VACANCY_LINES, **extra), status


def visit_form_posted(survey_round, **extra):
    """The visit form as posted: ``(values, None)`` when "save" was pressed, else ``(values, page)`` with
    the page of the form with one line more or less ("add a line", "remove"; no JavaScript needed)."""
    values = {k: v for k, v in request.form.items() if not k.startswith("vacancies.")}
    values["vacancies"] = surveys.lines_from_form(request.form)
    remove = request.form.get("remove")
    if request.form.get("action") == "add":
        if len(values["vacancies"]) < surveys.MAX_VACANCY_LINES:
            values["vacancies"].append({})
        return values, _visit_form(survey_round, values, {}, **extra)
    if remove is not None:
        if remove.isdigit() and int(remove) < len(values["vacancies"]):
            del values["vacancies"][int(remove)]
        return values, _visit_form(survey_round, values, {}, **extra)
    return values, None


@bp.route("/surveys/<round_id>/visits/new", methods=["GET", "POST"])
@role_required(Role.office)
def survey_visit_new(round_id: str):
    """The visit form. Its "add a line" and "remove" buttons send the form back as typed with one line more
    or less (no JavaScript needed); "save" records the visit."""
    survey_round = surveys.get_round(round_id, scope()) or abort(404)
    if request.method == "GET":
        return _visit_form(survey_round, surveys.visit_form_values(
            survey_round, current_user, (request.args.get("employer") or "")[:36]), {})
    values, page = visit_form_posted(survey_round)
    if page is not None:
        return page
    try:
        visit = surveys.record_visit(surveys.clean_visit(values, survey_round), survey_round, by=current_user)
    except ValidationError as exc:
        return _visit_form(survey_round, values, exc.errors, 422, _("Please correct the marked fields."))
    db.session.commit()
    flash(_("The visit was saved."), "ok")
    return redirect(url_for("office.survey_visit", visit_id=visit.id), 303)


@bp.route("/surveys/visits/<visit_id>")
@role_required(Role.office)
def survey_visit(visit_id: str):
    """A visit: what was learnt, each vacancy line with its draft posting if made."""
    visit = surveys.get_visit(visit_id, scope()) or abort(404)
    return render_template("office/survey_visit.html", visit=visit)


@bp.route("/surveys/visits/<visit_id>/postings", methods=["POST"])
@role_required(Role.office)
def survey_visit_postings(visit_id: str):
    """Make a draft posting of every vacancy line that has none yet; the office checks and publishes them."""
    visit = surveys.get_visit(visit_id, scope()) or abort(404)
    made = surveys.create_draft_postings(visit, by=current_user)
    db.session.commit()
    if made:
        flash(_("%(num)d draft postings were made. Check each one and publish it.", num=len(made)), "ok")
    else:
        flash(_("Every vacancy line has its posting already."), "ok")
    return redirect(url_for("office.survey_visit", visit_id=visit.id), 303)
