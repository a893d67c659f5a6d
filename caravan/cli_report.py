"""``flask --app caravan report quarterly --year Y --quarter Q [--area CODE] [--lang L] -o FILE`` and
``flask --app caravan report custom --from D --to D [--by area|kind|group|sector] [--area CODE] [--lang L] -o FILE``,
``flask --app caravan report half-year|annual --year Y [--area CODE] [--lang L] -o FILE``."""
from __future__ import annotations

import os

import click
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask.cli import AppGroup
from sqlalchemy import select

from caravan.extensions import db
from caravan.i18n import text_direction
from caravan.models import Area
from caravan.report_files import FILE_FORMATS, SUMMARY_FORMATS, quarterly_bytes, summary_bytes
from caravan.services.catalogue.texts import app_zone
from caravan.services import exports, report_summaries
from caravan.services.report_breakdowns import BREAKDOWNS, breakdown, breakdown_rows
from caravan.services.reports import date_bounds, quarter_bounds, quarterly_table

report_cli = AppGroup("report", help="Statistics the county reports.")


def _area(area_code: str | None) -> Area:
    """The area of that code, or the county."""
    query = select(Area).where(Area.code == area_code) if area_code else \
        select(Area).where(Area.parent_id.is_(None)).order_by(Area.code).limit(1)
    area = db.session.scalar(query)
    if area is None:
        raise click.ClickException(f"no area with code {area_code!r}" if area_code else "no county in the database")
    return area


@report_cli.command("quarterly")
@click.option("--year", type=click.IntRange(2000, 2100), required=True)
@click.option("--quarter", type=click.IntRange(1, 4), required=True)
@click.option("--area", "area_code", default=None, help="Area code (default: the county).")
@click.option("--lang", type=click.Choice(["zh", "ug", "en"]), default=None,
              help="Language of the headings (default: the default language).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="FILE.pdf, FILE.xlsx or FILE.csv")
def quarterly(year, quarter, area_code, lang, output):
    """Write the quarterly statistics table of an area to a PDF, XLSX or CSV file."""
    fmt = os.path.splitext(output)[1].lstrip(".").lower()
    if fmt not in FILE_FORMATS:
        raise click.UsageError("the output file must end in .pdf, .xlsx or .csv")
    area = _area(area_code)
    start, end = quarter_bounds(year, quarter, app_zone())
    table = quarterly_table(area, start, end)
    body = quarterly_bytes(table, year, quarter, fmt, lang or current_app.config["BABEL_DEFAULT_LOCALE"])
    with open(output, "wb") as fh:
        fh.write(body)
    click.echo(f"{area.code} {year} Q{quarter}: {len(table.rows)} rows and the total -> {output} ({len(body)} bytes)")


@report_cli.command("custom")
@click.option("--from", "first", type=click.DateTime(["%Y-%m-%d"]), required=True, help="First day (local).")
@click.option("--to", "last", type=click.DateTime(["%Y-%m-%d"]), required=True, help="Last day (local), included.")
@click.option("--by", type=click.Choice(list(BREAKDOWNS)), default="area", show_default=True,
              help="Rows by area, event kind, resident group or sector of the posting.")
@click.option("--area", "area_code", default=None, help="Area code (default: the county).")
@click.option("--lang", type=click.Choice(["zh", "ug", "en"]), default=None,
              help="Language of the headings (default: the default language).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="FILE.xlsx or FILE.csv")
def custom(first, last, by, area_code, lang, output):
    """Write the statistics table of any period, broken down by area, kind, group or sector, to XLSX or CSV
    (numbers as numbers, an empty cell where a figure has no meaning for the breakdown)."""
    fmt = os.path.splitext(output)[1].lstrip(".").lower()
    if fmt not in exports.FORMATS:
        raise click.UsageError("the output file must end in .xlsx or .csv")
    if last < first:
        raise click.UsageError("--to comes before --from")
    area = _area(area_code)
    start, end = date_bounds(first.date(), last.date(), app_zone())
    locale = lang or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        table = breakdown(area, start, end, by, locale)
        header, rows = breakdown_rows(table, _("Total"))
    body = exports.csv_bytes(header, rows) if fmt == "csv" else \
        exports.xlsx_bytes(header, rows, title=f"{first.date()} {last.date()}", rtl=text_direction(locale) == "rtl")
    with open(output, "wb") as fh:
        fh.write(body)
    click.echo(f"{area.code} {first.date()} – {last.date()} by {by}: {len(table.rows)} rows and the total "
               f"-> {output} ({len(body)} bytes)")


def _write_summary(period: str, year: int, area_code, lang, output) -> None:
    fmt = os.path.splitext(output)[1].lstrip(".").lower()
    if fmt not in SUMMARY_FORMATS:
        raise click.UsageError("the output file must end in .pdf, .docx or .xlsx")
    area = _area(area_code)
    found = report_summaries.summary(area, year, period)
    body = summary_bytes(found, fmt, lang or current_app.config["BABEL_DEFAULT_LOCALE"])
    with open(output, "wb") as fh:
        fh.write(body)
    click.echo(f"{area.code} {year} {period}: {len(found.table.rows)} rows, last year beside them -> {output} "
               f"({len(body)} bytes)")


def _summary_options(command):
    for option in reversed([
            click.option("--year", type=click.IntRange(2000, 2100), required=True),
            click.option("--area", "area_code", default=None, help="Area code (default: the county)."),
            click.option("--lang", type=click.Choice(["zh", "ug", "en"]), default=None,
                         help="Language of the file (default: the default language)."),
            click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
                         help="FILE.pdf, FILE.docx or FILE.xlsx")]):
        command = option(command)
    return command


@report_cli.command("half-year")
@_summary_options
def half_year(year, area_code, lang, output):
    """Write the half-year summary (January to June) of an area, with the office's texts, to PDF, DOCX or XLSX."""
    _write_summary("half", year, area_code, lang, output)


@report_cli.command("annual")
@_summary_options
def annual(year, area_code, lang, output):
    """Write the annual summary (January to December) of an area, with the office's texts, to PDF, DOCX or XLSX."""
    _write_summary("year", year, area_code, lang, output)
