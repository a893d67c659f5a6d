"""Printing from the office: choose postings, events or attendees and a layout, download the PDF."""
from __future__ import annotations

from flask import Response, current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from caravan import printing
from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import AreaLevel, Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import audit
from caravan.services.scope import areas_within

KINDS = ("posters", "flyers", "passes")
#: At most this many items in one PDF from the web page (the CLI has no limit).
MAX_ITEMS = 1000


def _pdf_response(pdf: bytes, name: str) -> Response:
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _choices() -> dict:
    """What the user may print: the published postings, coming events, residents and villages of their area."""
    return {"postings": printing.postings_for_print(scope=scope()),
            "events": printing.events_for_print(scope=scope()),
            "attendees": printing.attendees_for_print(scope=scope())[:MAX_ITEMS],
            "villages": areas_within(scope(), AreaLevel.village)}


@bp.route("/print/", methods=["GET", "POST"])
@role_required(Role.office)
def print_page():
    """The print page; a POST with a kind, a layout, the languages and the chosen items answers with the PDF.

    Posters and flyers are printed in the ticked languages (none ticked: every language a posting has, a
    flyer every language); pass cards in the chosen language, or each in its person's language."""
    error, form = None, {"kind": "", "item": [], "village": [], "lang": [], "per_page": "1", "card_lang": ""}
    if request.method == "POST":
        kind = request.form.get("kind")
        chosen = [v for v in request.form.getlist("item") if v][:MAX_ITEMS]
        chosen_villages = [v for v in request.form.getlist("village") if v]
        languages = printing.chosen_languages(request.form.getlist("lang"))
        card_lang = request.form.get("card_lang", "")
        card_lang = card_lang if card_lang in current_app.config["LANGUAGES"] else None
        per_page = 4 if request.form.get("per_page") == "4" else 1
        form = {"kind": kind, "item": chosen, "village": chosen_villages, "lang": languages or [],
                "per_page": str(per_page), "card_lang": card_lang or ""}
        error = _("Please choose at least one item to print.")
        if kind == "posters" and chosen:
            found = printing.postings_for_print(chosen, scope=scope())
            items = printing.printable(found, languages)
            pdf = printing.posters_pdf(items, per_page, languages) if items else None
            if found and not items:
                error = _("None of the chosen postings has a text in the chosen languages.")
        elif kind == "flyers" and chosen:
            items = printing.events_for_print(chosen, scope=scope())
            pdf = printing.flyers_pdf(items, languages) if items else None
        elif kind == "passes" and (chosen or chosen_villages):
            items = printing.attendees_for_print(chosen or None, chosen_villages or None, scope=scope())
            pdf = printing.passes_pdf(items, card_lang) if items else None
        else:
            items, pdf = [], None
        if items and pdf:
            printed_in = ([card_lang] if card_lang else []) if kind == "passes" else (languages or [])
            audit.record(f"print.{kind}", user=current_user, count=len(items), per_page=per_page,
                         languages=printed_in)
            db.session.commit()
            return _pdf_response(pdf, f"caravan-{kind}.pdf")
    status = 422 if error else 200
    return render_template("office/print.html", error=error, form=form, **_choices()), status
