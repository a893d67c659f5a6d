"""The quarterly statistics table of the user's area (choose year, quarter and area), its downloads, and
the list of records behind each figure."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str, text_direction
from caravan.labels import EVENT_KINDS, GROUPS, SECTORS, SERVICE_KINDS
from caravan.models import AreaLevel, Role
from caravan.models.base import utcnow
from caravan.office import bp
from caravan.office.common import page_number, query_int, scope
from caravan.report_files import (FILE_FORMATS, SUMMARY_FORMATS, comparison_rows, download_name, period_label,
                                   quarterly_bytes, quarterly_title, summary_bytes, summary_charts, summary_title)
from caravan.services import audit, exports, report_submissions, report_summaries
from caravan.services.catalogue.texts import app_zone
from caravan.services.report_records import ROW_KEYS, all_records, records_page
from caravan.services.report_breakdowns import BREAKDOWNS, EMPTY, ROW_HEADINGS, breakdown, breakdown_rows
from caravan.services.report_summaries import MAX_CHARS, PERIODS, SECTIONS, period_dates
from caravan.services.reports import COLUMNS, KEYS, date_bounds, quarter_bounds, quarterly_table, table_rows
from caravan.services.scope import area_within, areas_within

#: Years offered in the picker: from the first season caravan was used to the next year.
FIRST_YEAR = 2024
#: The earliest year a period may start in: the year before the first, which the first year's summary
#: compares with (its figures link to their records as any other).
EARLIEST_YEAR = FIRST_YEAR - 1


@dataclass
class Choice:
    """What the page shows: year, quarter and area (within the user's scope), and any problem with them."""

    year: int
    quarter: int
    area: object
    error: str = ""
    #: A custom period (local days, both included) instead of the quarter, and the rows of its table.
    first: date | None = None
    last: date | None = None
    by: str = "area"

    def args(self, **more) -> dict:
        if self.first is not None:
            return {"from": self.first.isoformat(), "to": self.last.isoformat(), "area": self.area.code, **more}
        return {"year": self.year, "quarter": self.quarter, "area": self.area.code, **more}

    def bounds(self):
        """The period as UTC instants [start, end)."""
        if self.first is not None:
            return date_bounds(self.first, self.last, app_zone())
        return quarter_bounds(self.year, self.quarter, app_zone())

    def label(self) -> str:
        if self.first is not None:
            return f"{self.first.isoformat()} – {self.last.isoformat()}"
        return f"{self.year} Q{self.quarter}"


def _choice() -> Choice:
    """Year, quarter and area from the query; the current quarter of the user's own area by default. A year
    or quarter out of range is said in the page (400) with the defaults shown; an area outside the user's
    scope is 404, as an unknown one."""
    today = utcnow().astimezone(app_zone()).date()
    year, quarter = query_int("year"), query_int("quarter")
    code = (request.args.get("area") or "").strip()[:40]
    area = area_within(code, scope()) if code else scope()
    if area is None:
        abort(404)
    choice = Choice(today.year, (today.month - 1) // 3 + 1, area)
    if "from" in request.args or "to" in request.args:
        return _custom_choice(choice, today)
    if year is not None and not FIRST_YEAR <= year <= today.year + 1:
        choice.error = _("Choose a year from %(first)d to %(last)d.", first=FIRST_YEAR, last=today.year + 1)
    elif quarter is not None and not 1 <= quarter <= 4:
        choice.error = _("Choose a quarter from 1 to 4.")
    else:
        choice.year = year if year is not None else choice.year
        choice.quarter = quarter if quarter is not None else choice.quarter
    return choice


#: The longest custom period, in days (ten years): longer is no report anyone sends.
MAX_DAYS = 3660


def _custom_choice(choice: Choice, today: date) -> Choice:
    """A custom period from the ``from`` and ``to`` query arguments (local dates, both included) and the
    breakdown ``by``; by default the year so far. A date that is no date, or a period backwards or too long,
    is said in the page (the form keeps what was typed: the template reads the query)."""
    choice.first, choice.last = date(today.year, 1, 1), today
    choice.by = request.args.get("by") or "area"
    if choice.by not in BREAKDOWNS:
        abort(404)
    try:
        first = date.fromisoformat((request.args.get("from") or "").strip()[:10])
        last = date.fromisoformat((request.args.get("to") or "").strip()[:10])
    except ValueError:
        choice.error = _("Give the first and the last day as dates, such as 2026-01-31.")
        return choice
    if last < first:
        choice.error = _("The last day comes before the first.")
    elif (last - first).days >= MAX_DAYS or first.year < EARLIEST_YEAR or last.year > today.year + 1:
        choice.error = _("Choose a period within %(first)d to %(last)d, of ten years at most.",
                         first=EARLIEST_YEAR, last=today.year + 1)
    else:
        choice.first, choice.last = first, last
    return choice


def _areas():
    """The areas whose table the user may choose: their own and those below with areas below them."""
    return [a for a in areas_within(scope()) if a.level != AreaLevel.village or a.id == scope().id]


def _page(choice: Choice, status: int = 200, alert: str = ""):
    """The table of ``choice``, its latest submission and what changed since, figure by figure."""
    start, end = quarter_bounds(choice.year, choice.quarter, app_zone())
    table = quarterly_table(choice.area, start, end)
    submitted = report_submissions.latest(choice.area, choice.year, choice.quarter)
    changed = report_submissions.changes(submitted.figures, table.figures()) if submitted else []
    names = {row.area.code: row.area.name_in(current_locale_str()) for row in table.rows}
    response = make_response(render_template(
        "office/reports.html", choice=choice, table=table, columns=COLUMNS, areas=_areas(),
        years=range(utcnow().astimezone(app_zone()).year + 1, FIRST_YEAR - 1, -1), formats=FILE_FORMATS,
        title=quarterly_title(table, choice.year, choice.quarter, current_locale_str()),
        period=period_label(table), submitted=submitted, changes=changed, row_names=names,
        changed_cells={(c.row, c.column) for c in changed}, alert=alert or choice.error,
        can_submit=start <= utcnow() and not choice.error), status)
    return response


@bp.route("/reports/")
@role_required(Role.office)
def reports_page():
    """The quarterly table of the chosen area: one row per area below it and the total; each figure links
    to the records behind it; the latest submission and what changed since."""
    choice = _choice()
    return _page(choice, 400 if choice.error else 200)


@bp.route("/reports/submit", methods=["POST"])
@role_required(Role.office)
def reports_submit():
    """Submit the chosen quarter's table as it stands now (year, quarter and area in the query)."""
    choice = _choice()
    if choice.error:
        return _page(choice, 422)
    start, end = quarter_bounds(choice.year, choice.quarter, app_zone())
    try:
        report = report_submissions.submit(quarterly_table(choice.area, start, end), choice.year, choice.quarter,
                                           current_user)
    except report_submissions.SubmissionError as exc:
        return _page(choice, 422, alert=str(exc))
    db.session.commit()
    flash(_("Submitted. Fingerprint of the figures: %(digest)s", digest=report.digest[:16]))
    return redirect(url_for("office.reports_page", **choice.args()), 303)


@bp.route("/reports/quarterly.<fmt>")
@role_required(Role.office)
def reports_download(fmt: str):
    """The chosen table as PDF, XLSX or CSV in the page's language (counts only)."""
    if fmt not in FILE_FORMATS:
        abort(404)
    choice = _choice()
    if choice.error:
        abort(400)
    start, end = quarter_bounds(choice.year, choice.quarter, app_zone())
    table = quarterly_table(choice.area, start, end)
    locale = current_locale_str()
    name = download_name(f"{_('statistics')}-{choice.area.code}-{choice.year}-Q{choice.quarter}", locale)
    if fmt != "pdf":
        header, rows = table_rows(table, locale, _("Total"))
        return exports.download(name, fmt, header, rows, title=f"{choice.year}-Q{choice.quarter}",
                                rtl=text_direction(locale) == "rtl")
    response = make_response(quarterly_bytes(table, choice.year, choice.quarter, fmt, locale))
    response.mimetype = "application/pdf"
    name = download_name(f"statistics-{choice.area.code}-{choice.year}-Q{choice.quarter}", locale, "pdf")
    response.headers["Content-Disposition"] = f"inline; filename=\"{name}\""
    return response


def _figure() -> str:
    figure = request.args.get("figure") or ""
    if figure not in KEYS:
        abort(404)
    return figure


def _row(choice: Choice, figure: str) -> dict:
    """The row of the custom table a list is narrowed to (``row``: an event kind, a resident group or a
    sector, by the period's ``by``), as keyword arguments of the list; none for an area's list. A row that is
    none, outside a custom period, or a figure that breakdown leaves empty, is 404."""
    key = request.args.get("row")
    if key is None:
        return {}
    if choice.first is None or key not in ROW_KEYS.get(choice.by, ()) or figure in EMPTY[choice.by]:
        abort(404)
    return {"by": choice.by, "key": key}


#: The name of a row of the custom table, by breakdown.
ROW_LABELS = {"kind": EVENT_KINDS, "group": GROUPS, "sector": SECTORS}


@bp.route("/reports/records")
@role_required(Role.office)
def report_records():
    """The records behind one figure of the table (for an area's total), a page at a time."""
    choice, figure = _choice(), _figure()
    if choice.error:
        abort(400)
    narrowed = _row(choice, figure)
    start, end = choice.bounds()
    results = records_page(figure, choice.area, start, end, current_locale_str(), page=page_number(), **narrowed)
    more = {"by": narrowed["by"], "row": narrowed["key"]} if narrowed else {}
    return render_template("office/report_records.html", choice=choice, figure=figure,
                           heading=dict(COLUMNS)[figure], results=results, period=choice.label(),
                           row_label=ROW_LABELS[narrowed["by"]][narrowed["key"]] if narrowed else None,
                           args=choice.args(figure=figure, **more), what=_what)


@bp.route("/reports/records.<fmt>")
@role_required(Role.office)
def report_records_export(fmt: str):
    """The records behind one figure as CSV or XLSX; audited, since it lists residents (by id)."""
    if fmt not in exports.FORMATS:
        abort(404)
    choice, figure = _choice(), _figure()
    if choice.error:
        abort(400)
    narrowed = _row(choice, figure)
    start, end = choice.bounds()
    zone = app_zone()
    rows = [[row.at.astimezone(zone) if row.at else None, row.event or "", _what(row.what), row.resident or "", row.n]
            for row in all_records(figure, choice.area, start, end, current_locale_str(), **narrowed)]
    audit.record("report.export", user=current_user, entity=choice.area, figure=figure, format=fmt, rows=len(rows),
                 **narrowed)
    db.session.commit()
    header = [_("When"), _("Event"), _("What"), _("Resident"), _("Count")]
    period = choice.label().replace(" – ", "-").replace(" ", "-")
    return exports.download(f"{_('statistics')}-{choice.area.code}-{period}-{figure}{'-' + narrowed['key'] if narrowed else ''}",
                            fmt, header, rows, title=str(dict(COLUMNS)[figure]),
                            rtl=text_direction(current_locale_str()) == "rtl")


def _what(value: str | None) -> str:
    """A record's kind, group or status in the page's language; a posting code or a name as it is."""
    for table in (EVENT_KINDS, GROUPS, SERVICE_KINDS):
        if value in table:
            return str(table[value])
    if value == "visitor":
        return _("Visitors without registration")
    return value or ""


@bp.route("/reports/custom")
@role_required(Role.office)
def reports_custom():
    """The table over any period (local days, both included), with rows by area, event kind, resident group
    or sector of the posting; every figure links to the records behind it."""
    if "from" not in request.args:
        today = utcnow().astimezone(app_zone()).date()
        return redirect(url_for("office.reports_custom", **{"from": date(today.year, 1, 1).isoformat(),
                                                           "to": today.isoformat(), **request.args}))
    choice = _choice()
    start, end = choice.bounds()
    table = breakdown(choice.area, start, end, choice.by, current_locale_str())
    return render_template(
        "office/reports_custom.html", choice=choice, table=table, columns=COLUMNS, areas=_areas(),
        breakdowns=BREAKDOWNS, row_heading=ROW_HEADINGS[choice.by], typed={"from": request.args.get("from", ""), "to": request.args.get("to", "")},
        alert=choice.error), 400 if choice.error else 200


@bp.route("/reports/custom.<fmt>")
@role_required(Role.office)
def reports_custom_download(fmt: str):
    """The custom table as CSV or XLSX in the page's language: numbers as numbers, an empty cell where a
    figure has no meaning for the breakdown (for a pivot table)."""
    if fmt not in exports.FORMATS:
        abort(404)
    choice = _choice()
    if choice.error or choice.first is None:
        abort(400)
    start, end = choice.bounds()
    header, rows = breakdown_rows(breakdown(choice.area, start, end, choice.by, current_locale_str()),
                                  _("Total"))
    return exports.download(f"{_('statistics')}-{choice.area.code}-{choice.first}-{choice.last}-{choice.by}",
                            fmt, header, rows, title=f"{choice.first} {choice.last}",
                            rtl=text_direction(current_locale_str()) == "rtl")


def _summary_choice():
    """Year, summary (half or year) and area from the query: by default this year's, the half-year one until
    June and the annual one from July (the one due next). A year out of range or an unknown summary is 404
    (the form offers only the valid ones); an area outside the user's scope too."""
    today = utcnow().astimezone(app_zone()).date()
    year = query_int("year")
    period = request.args.get("period") or ("half" if today.month <= 6 else "year")
    year = year if year is not None else today.year
    if period not in PERIODS or not FIRST_YEAR <= year <= today.year:
        abort(404)
    code = (request.args.get("area") or "").strip()[:40]
    area = area_within(code, scope()) if code else scope()
    if area is None:
        abort(404)
    return year, period, area


def _summary_page(year: int, period: str, area, texts: dict | None = None, errors: dict | None = None,
                  status: int = 200):
    locale = current_locale_str()
    found = report_summaries.summary(area, year, period)
    # The drill-down of a figure takes the period as its first and last day, as the custom table's does.
    spans = [{"from": first.isoformat(), "to": last.isoformat(), "area": area.code}
             for first, last in (period_dates(year, period), period_dates(year - 1, period))]
    return render_template(
        "office/report_summary.html", summary=found, year=year, period=period, area=area, areas=_areas(),
        periods=PERIODS, sections=SECTIONS, years=range(utcnow().astimezone(app_zone()).year, FIRST_YEAR - 1, -1),
        texts=texts if texts is not None else found.texts, max_chars=MAX_CHARS,
        errors={key: [message] for key, message in (errors or {}).items()},
        title=summary_title(found, locale), compared=comparison_rows(found), charts=summary_charts(found, locale),
        args={"year": year, "period": period, "area": area.code}, formats=SUMMARY_FORMATS,
        span=period_label(found.table), record_args=spans, figure_keys=KEYS,
        alert=_("The texts were not saved: see below.") if errors else ""), status


@bp.route("/reports/summary", methods=["GET", "POST"])
@role_required(Role.office)
def reports_summary():
    """The half-year or annual summary of an area: the figures, last year's beside them, charts, and the
    texts the office writes (saved here; kept as typed when refused)."""
    year, period, area = _summary_choice()
    if request.method == "GET":
        return _summary_page(year, period, area)
    texts = {key: request.form.get(key, "") for key, _label in SECTIONS}
    try:
        report_summaries.save_texts(area, year, period, texts, current_user)
    except report_summaries.NarrativeError as exc:
        return _summary_page(year, period, area, texts, exc.errors, 422)
    db.session.commit()
    flash(_("Saved."))
    return redirect(url_for("office.reports_summary", year=year, period=period, area=area.code), 303)


@bp.route("/reports/summary.<fmt>")
@role_required(Role.office)
def reports_summary_download(fmt: str):
    """The summary as a PDF (in the page's language, Uyghur right to left), a Word file or an XLSX."""
    if fmt not in SUMMARY_FORMATS:
        abort(404)
    year, period, area = _summary_choice()
    locale = current_locale_str()
    body = summary_bytes(report_summaries.summary(area, year, period), fmt, locale)
    name = download_name(f"summary-{area.code}-{year}-{period}", locale, fmt)
    response = make_response(body)
    response.mimetype = {"pdf": "application/pdf", "xlsx": exports.MIMETYPES["xlsx"],
                         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}[fmt]
    response.headers["Content-Disposition"] = f"{'inline' if fmt == 'pdf' else 'attachment'}; filename=\"{name}\""
    return response
