"""Office pages for importing the employer register from a CSV file: preview, then import whole or not at all."""
from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.services.catalogue import employer_import
from caravan.services.catalogue.csv_import import MAX_BYTES


@bp.route("/employers/import", methods=["GET", "POST"])
@role_required(Role.office)
def employers_import():
    """The upload form with the columns. "Preview" tells what the file would add, update or refuse;
    "Import" saves it, only when no row has a problem (otherwise the same list of problems, nothing saved)."""
    plan = None
    if request.method == "POST":
        try:
            upload = request.files.get("file")
        except RequestEntityTooLarge:  # beyond MAX_CONTENT_LENGTH: Flask refuses to read the body at all
            limit = min(MAX_BYTES, current_app.config["MAX_CONTENT_LENGTH"] or MAX_BYTES)
            plan = employer_import.RegisterPlan(file_errors=[_("The file is larger than %(num)d KB.",
                                                               num=limit // 1024)])
        else:
            if upload is None or not upload.filename:
                plan = employer_import.RegisterPlan(file_errors=[_("Choose a CSV file to upload.")])
            elif request.form.get("action") == "import":
                plan = employer_import.import_register(upload.read(MAX_BYTES + 1), scope(), by=current_user)
            else:
                plan = employer_import.read_register(upload.read(MAX_BYTES + 1), scope())
        if plan.saved:
            db.session.commit()
            flash(_("The register was imported: %(added)d employers added, %(updated)d updated, %(same)d unchanged.",
                    added=len(plan.to_add), updated=len(plan.to_update), same=len(plan.unchanged)), "ok")
            return redirect(url_for("office.employers_list"), 303)
        db.session.rollback()  # a preview reads only; nothing of a refused file stays
    status = 422 if plan is not None and (plan.file_errors or plan.errors) else 200
    return render_template("office/employers_import.html", plan=plan, columns=employer_import.COLUMNS,
                           max_rows=employer_import.MAX_ROWS, max_kb=MAX_BYTES // 1024), status


@bp.route("/employers/import/template.csv")
@role_required(Role.office)
def employers_template():
    """The CSV template of the employer register: the header and an example row, UTF-8 with a BOM."""
    return Response(employer_import.template_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=employers-template.csv"})
