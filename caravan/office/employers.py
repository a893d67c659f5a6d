"""Office pages for employers: the searchable list and the form."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import form_error_response, list_response, page_number, query_args, scope
from caravan.services.catalogue import employers
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within


@bp.route("/employers/")
@role_required(Role.office)
def employers_list():
    """Employers seen from the user's area, searched by name or contact and sector."""
    filters = query_args("q", "sector")
    results = employers.search(scope(), text=filters["q"], sector=filters["sector"], page=page_number())
    editable = employers.editable_ids(results.items, scope())
    return list_response("office/employers.html", "office/_employers_table.html", results=results,
                         filters=filters, editable=lambda e: e.id in editable)


@bp.route("/employers/new", methods=["GET", "POST"])
@role_required(Role.office)
def employer_new():
    """The empty employer form."""
    values = {"area": scope().code, "sector": "other"}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            employer = employers.create(employers.clean(request.form, scope()), by=current_user)
        except ValidationError as exc:
            return form_error_response("office/employer_form.html", exc, values=values, employer=None,
                                       areas=areas_within(scope()))
        db.session.commit()
        flash(_("Employer %(name)s was added.", name=employer.name_zh), "ok")
        return redirect(url_for("office.employers_list"), 303)
    return render_template("office/employer_form.html", values=values, errors={}, employer=None,
                           areas=areas_within(scope()))


@bp.route("/employers/<employer_id>/edit", methods=["GET", "POST"])
@role_required(Role.office)
def employer_edit(employer_id: str):
    """An employer's form (only for employers within the user's area)."""
    employer = employers.get_editable(employer_id, scope()) or abort(404)
    if request.method == "POST":
        try:
            changed = employers.update(employer, employers.clean(request.form, scope(), current=employer),
                                       by=current_user)
        except ValidationError as exc:
            return form_error_response("office/employer_form.html", exc, values=request.form.to_dict(),
                                       employer=employer, areas=areas_within(scope()))
        db.session.commit()
        flash(_("Saved.") if changed else _("Nothing was changed."), "ok")
        return redirect(url_for("office.employers_list"), 303)
    values = {"name_zh": employer.name_zh, "name_ug": employer.name_ug or "", "name_en": employer.name_en or "",
              "sector": employer.sector.value, "area": employer.area.code if employer.area else "",
              "contact_name": employer.contact_name or "", "contact_phone": employer.contact_phone or ""}
    return render_template("office/employer_form.html", values=values, errors={}, employer=employer,
                           areas=areas_within(scope()))
