"""Village notice boards: each village's last refresh (oldest first), recording a refresh, printing a
board's bulletin, and the list as CSV or XLSX."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from caravan import printing
from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.models import AreaLevel, Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.office.printing import _pdf_response
from caravan.services import audit, boards, exports
from caravan.services.catalogue.fields import ValidationError
from caravan.services.listings import local_today
from caravan.services.scope import areas_within


def _page(status: int = 200, errors: dict | None = None, values: dict | None = None):
    """The boards page: the villages with their last refresh, the refresh form and the bulletin form."""
    area = scope()
    board_areas = [a for a in areas_within(area) if a.level in boards.BOARD_LEVELS]
    values = values or {"village": request.args.get("village", ""), "day": local_today().isoformat(),
                        "area": request.args.get("village", ""), "size": "A4"}
    return render_template("office/boards.html", rows=boards.last_refreshes(area), errors=errors or {},
                           values=values, board_areas=board_areas, today=local_today().isoformat(),
                           villages=[a for a in board_areas if a.level == AreaLevel.village]), status


@bp.route("/boards/")
@role_required(Role.office)
def boards_list():
    """Every village of the user's area with its board's last refresh, never refreshed first, then oldest."""
    return _page()


@bp.route("/boards/refresh", methods=["POST"])
@role_required(Role.office)
def board_refresh():
    """Record that a village's board was refreshed on a day (not in the future), by the signed-in user."""
    values = {"village": request.form.get("village", ""), "day": request.form.get("day", ""),
              "area": request.form.get("village", ""), "size": "A4"}
    try:
        row = boards.record_refresh(scope(), values["village"], values["day"], by=current_user)
    except ValidationError as exc:
        return _page(422, exc.errors, values)
    db.session.commit()
    flash(_("The board of %(village)s was recorded as refreshed on %(day)s.",
            village=row.area.name_in(current_locale_str()), day=format_date(row.refreshed_on, "medium")), "ok")
    return redirect(url_for("office.boards_list"), 303)


@bp.route("/boards/bulletin", methods=["POST"])
@role_required(Role.office)
def board_bulletin():
    """The one-page bulletin of a village or township of the user's area, as a PDF download; with ``record``
    ticked, a village's board is recorded as refreshed today by the user at the same time."""
    values = {"area": request.form.get("area", ""), "size": request.form.get("size", "A4").upper(),
              "record": request.form.get("record", ""),
              "village": request.form.get("area", ""), "day": local_today().isoformat()}
    area = boards.board_area(values["area"], scope())
    if area is None or values["size"] not in printing.BULLETIN_SIZES:
        errors = {"area": [_("Choose a village or township of your area.")]} if area is None else \
            {"size": [_("Choose A4 or A3.")]}
        return _page(422, errors, values)
    pdf = printing.bulletin_pdf(area, values["size"])
    audit.record("print.bulletin", user=current_user, area=area.code, size=values["size"])
    if request.form.get("record") and area.level == AreaLevel.village:
        boards.record_refresh(scope(), area.code, local_today().isoformat(), by=current_user)
    db.session.commit()
    return _pdf_response(pdf, f"caravan-bulletin-{area.code}-{values['size']}.pdf")


@bp.route("/boards/export.csv", endpoint="boards_export_csv")
@bp.route("/boards/export.xlsx", endpoint="boards_export_xlsx")
@role_required(Role.office)
def boards_export():
    """The boards list as a file, in the same order."""
    fmt = request.path.rsplit(".", 1)[1]
    locale = current_locale_str()
    rows = boards.last_refreshes(scope())
    header = [_("Village code"), _("Village"), _("Township"), _("Last refreshed"), _("Recorded by")]
    data = [[r.village.code, r.village.name_in(locale), r.village.parent.name_in(locale) if r.village.parent else "",
             r.last.refreshed_on if r.last else None,
             (r.last.user.display_name or r.last.user.username) if r.last and r.last.user else ""] for r in rows]
    audit.record("board.export", user=current_user, format=fmt, rows=len(data))
    db.session.commit()
    return exports.download(_("notice-boards"), fmt, header, data, title=_("Notice boards"))
