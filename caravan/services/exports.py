"""Lists handed to a colleague as files: CSV that Excel and WPS open as UTF-8, and XLSX.

Every office export goes through :func:`download`, so the rules hold for all of them: a CSV starts with a
byte-order mark (without it Excel reads UTF-8 as the system code page and Chinese and Uyghur turn to noise)
and ends lines with CRLF; a text cell that a spreadsheet would take for a formula (it starts with = + - @, a
tab or a carriage return) gets a leading apostrophe, in both formats, so a resident's "=HYPERLINK(...)" stays
text. Dates and numbers keep their type in XLSX.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from urllib.parse import quote

from flask import Response
from flask_babel import LazyString
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
MIMETYPES = {"csv": "text/csv; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
#: What a spreadsheet may read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """``value`` as a cell: text that could run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(neutralize(value))


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """A CSV file: BOM, the header, then the rows; CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _xlsx_cell(value):
    if isinstance(value, LazyString):  # a translated label: openpyxl takes only real strings
        value = str(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # spreadsheets have no time zones; callers pass local times
    return neutralize(value)


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence], title: str = "caravan", rtl: bool = False) -> bytes:
    """An XLSX workbook of one sheet named ``title``: the header, then the rows."""
    return xlsx_sheets([(title, header, rows)], rtl=rtl)


def xlsx_sheets(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]], rtl: bool = False) -> bytes:
    """An XLSX workbook of several sheets, each (title, header, rows): the header, then the rows; the title
    cut to what Excel accepts as a sheet name. With ``rtl`` (a Uyghur file) the sheets run right to left, the
    first column at the right, as Excel and WPS show a sheet in a right-to-left language."""
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=_sheet_title(title))
        if rtl:
            sheet.sheet_view.rightToLeft = True
        sheet.append([_xlsx_cell(h) for h in header])
        for row in rows:
            sheet.append([_xlsx_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "caravan"


def download(name: str, fmt: str, header: Sequence[str], rows: Iterable[Sequence], title: str = "",
             rtl: bool = False) -> Response:
    """A file download of ``rows`` as ``fmt`` ("csv" or "xlsx"), named ``name``.<fmt>.

    ``name`` may hold Chinese or Uyghur: it travels as RFC 5987 ``filename*`` with an ASCII fallback.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    body = csv_bytes(header, rows) if fmt == "csv" else xlsx_bytes(header, rows, title or name, rtl)
    filename = f"{name}.{fmt}"
    fallback = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in filename)
    response = Response(body, content_type=MIMETYPES[fmt])  # as given: mimetype= would add a second charset
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}")
    response.headers["Cache-Control"] = "no-store"  # personal data: not kept by a shared browser's cache
    return response
