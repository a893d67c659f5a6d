"""The quarterly table as a file: PDF (landscape A4, Uyghur right to left), XLSX or CSV.

One place for the CLI (``flask --app caravan report quarterly``) and the office page's downloads.
"""
from __future__ import annotations

from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _

from caravan.i18n import text_direction
from caravan.pdf import render_pdf
from caravan.services import exports
from caravan.services.catalogue.texts import app_zone
from caravan.services.reports import Table, table_rows

FILE_FORMATS = ("pdf", "xlsx", "csv")


def period_label(table: Table) -> str:
    """The period as local dates, first and last day: 2026-07-01 – 2026-09-30."""
    zone = app_zone()
    first = table.start.astimezone(zone).date()
    last = (table.end.astimezone(zone) - timedelta(seconds=1)).date()
    return f"{first.isoformat()} – {last.isoformat()}"


def quarterly_title(table: Table, year: int, quarter: int, locale: str) -> str:
    """The table's title in ``locale``: area, year and quarter."""
    with force_locale(locale):
        return _("%(area)s: statistics of %(year)s, quarter %(quarter)s",
                 area=table.area.name_in(locale), year=year, quarter=quarter)


def quarterly_bytes(table: Table, year: int, quarter: int, fmt: str, locale: str) -> bytes:
    """The table as ``fmt`` (pdf, xlsx or csv) with headings in ``locale``; numbers stay numbers."""
    with force_locale(locale):
        header, rows = table_rows(table, locale, _("Total"))
        title = quarterly_title(table, year, quarter, locale)
    if fmt == "csv":
        return exports.csv_bytes(header, rows)
    if fmt == "xlsx":
        return exports.xlsx_bytes(header, rows, title=f"{year}-Q{quarter}")
    if fmt == "pdf":
        return render_pdf("quarterly.html", locale=locale, title=title, period=period_label(table),
                          header=header, rows=rows, direction=text_direction(locale))
    raise ValueError(f"unknown format {fmt!r}")
