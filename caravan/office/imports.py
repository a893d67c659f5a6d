"""Office pages for importing postings from a CSV file, and its template."""
from __future__ import annotations

from flask import Response, current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.services.catalogue import csv_import


@bp.route("/postings/import", methods=["GET", "POST"])
@role_required(Role.office)
def postings_import():
    """The upload form with the column list; after an upload, what was saved and each bad row's problem."""
    result = None
    status = 200
    if request.method == "POST":
        try:
            upload = request.files.get("file")
        except RequestEntityTooLarge:  # beyond MAX_CONTENT_LENGTH: Flask refuses to read the body at all
            upload, too_large = None, True
        else:
            too_large = False
        if too_large:
            limit = min(csv_import.MAX_BYTES, current_app.config["MAX_CONTENT_LENGTH"] or csv_import.MAX_BYTES)
            result = csv_import.ImportResult(file_errors=[_("The file is larger than %(num)d KB.", num=limit // 1024)])
        elif upload is None or not upload.filename:
            result = csv_import.ImportResult(file_errors=[_("Choose a CSV file to upload.")])
        else:
            # Read one byte past the limit: enough to tell that a file is too large.
            result = csv_import.import_postings(upload.read(csv_import.MAX_BYTES + 1), scope(), by=current_user,
                                                new_employers=request.form.get("new_employers") == "1")
            db.session.commit()
        status = 422 if result.file_errors else 200
    return render_template("office/postings_import.html", result=result, columns=csv_import.COLUMNS,
                           max_rows=csv_import.MAX_ROWS, max_kb=csv_import.MAX_BYTES // 1024), status


@bp.route("/postings/import/template.csv")
@role_required(Role.office)
def postings_template():
    """The CSV template: the header and an example row, UTF-8 with a BOM for Excel."""
    return Response(csv_import.template_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=postings-template.csv"})
