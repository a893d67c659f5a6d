"""The quarterly table as a file: PDF (landscape A4, Uyghur right to left), XLSX or CSV.

One place for the CLI (``flask --app caravan report quarterly``) and the office page's downloads.
"""
from __future__ import annotations

from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _

from caravan.i18n import paragraph_direction, text_direction
from caravan.pdf import render_pdf
from caravan.services import exports
from caravan.services.catalogue.texts import app_zone
from caravan import charts
from caravan.services.reports import COLUMNS, Table, table_rows

FILE_FORMATS = ("pdf", "xlsx", "csv")


def download_name(stem: str, locale: str, fmt: str = "") -> str:
    """The name a report file is downloaded under: ``stem``, the language, the format
    (``statistics-KT-2026-Q3-ug.pdf``); the same table in Chinese and Uyghur are two files, not one."""
    return f"{stem}-{locale}.{fmt}" if fmt else f"{stem}-{locale}"


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
        return exports.xlsx_bytes(header, rows, title=f"{year}-Q{quarter}", rtl=text_direction(locale) == "rtl")
    if fmt == "pdf":
        return render_pdf("quarterly.html", locale=locale, title=title, period=period_label(table),
                          header=header, rows=rows, direction=text_direction(locale))
    raise ValueError(f"unknown format {fmt!r}")


SUMMARY_FORMATS = ("pdf", "docx", "xlsx")


def summary_title(summary, locale: str) -> str:
    """The summary's title in ``locale``: area, year and kind of summary."""
    from caravan.services.report_summaries import PERIODS
    with force_locale(locale):
        return _("%(area)s: %(summary)s of %(year)s", area=summary.area.name_in(locale),
                 summary=str(PERIODS[summary.period][0]), year=summary.year)


def comparison_rows(summary) -> list[list]:
    """Figure, this period, the same period last year, difference: one row per column of the table."""
    now = summary.table.total.figures
    return [[str(heading), now[key], summary.last_year[key], now[key] - summary.last_year[key]]
            for key, heading in COLUMNS]


def summary_charts(summary, locale: str) -> list:
    """The summary's charts as SVG: people reached and visits by row of the table, as horizontal bars (the
    areas' names sit beside them: under vertical bars they would run into each other)."""
    labels = [row.area.name_in(locale) for row in summary.table.rows]
    return [charts.hbar(str(dict(COLUMNS)[key]), labels, [row.figures[key] for row in summary.table.rows], locale)
            for key in ("people", "visits")]


def summary_bytes(summary, fmt: str, locale: str) -> bytes:
    """The summary as ``fmt``: a PDF (comparison, charts, the texts, the table), a Word file to edit further
    (the same without the charts) or an XLSX with one sheet each for the comparison, the table and the texts
    (numbers as numbers)."""
    from caravan.services.report_summaries import SECTIONS
    with force_locale(locale):
        title = summary_title(summary, locale)
        header, rows = table_rows(summary.table, locale, _("Total"))
        compare_header = [_("Figure"), str(summary.year), str(summary.year - 1), _("Difference")]
        sections = [(str(label), summary.texts[key]) for key, label in SECTIONS]
        compared = comparison_rows(summary)
        text_header = [_("Section"), _("Text")]
        svgs = [charts.for_pdf(svg) for svg in summary_charts(summary, locale)] if fmt == "pdf" else []
    direction = text_direction(locale)
    paragraphs = [(label, text_paragraphs(text, direction)) for label, text in sections]
    if fmt == "xlsx":
        return exports.xlsx_sheets([(compare_header[0], compare_header, compared), (header[0], header, rows),
                                    (text_header[0], text_header, [list(s) for s in sections])],
                                   rtl=direction == "rtl")
    if fmt == "docx":
        return _summary_docx(title, period_label(summary.table), compare_header, compared, paragraphs, header, rows,
                             direction == "rtl")
    if fmt == "pdf":
        return render_pdf("summary.html", locale=locale, title=title, period=period_label(summary.table),
                          compare_header=compare_header, compared=compared, charts=svgs, sections=paragraphs,
                          header=header, rows=rows, direction=direction)
    raise ValueError(f"unknown format {fmt!r}")



def text_paragraphs(text: str, direction: str) -> list[tuple[str, str]]:
    """The paragraphs of a text the office wrote (its non-empty lines), each with its own direction from its
    first letter (a Chinese paragraph in a Uyghur summary runs left to right, and a Uyghur one in a Chinese
    summary right to left); a paragraph without letters takes the document's ``direction``."""
    return [(paragraph_direction(line, direction), line) for line in text.split("\n") if line.strip()]


def _summary_docx(title: str, period: str, compare_header, compared, sections, header, rows, rtl: bool) -> bytes:
    """The summary as a Word document (python-docx): title, period, comparison, the office's texts, and the
    table on a landscape page. Right to left paragraphs and tables in Uyghur. No charts: Word takes no SVG,
    and the PDF has them."""
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()

    def direct(paragraph, rtl=rtl):
        if rtl:
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            for run in paragraph.runs:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        return paragraph

    def table(head, body, size, signed=False):
        grid = document.add_table(rows=1, cols=len(head))
        grid.style = "Table Grid"
        if rtl:
            grid._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        for cell, text in zip(grid.rows[0].cells, head):
            cell.text = str(text)
        for values in body:
            cells = grid.add_row().cells
            for cell, value in zip(cells, values):
                cell.text = "" if value is None else str(value)
            if signed and values[-1]:
                cells[-1].text = f"{values[-1]:+d}"  # the difference from last year
        for row in grid.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    direct(paragraph)
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
        for cell in grid.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        header_row = grid.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_row.append(repeat)
        return grid

    direct(document.add_heading(title, level=1))
    direct(document.add_paragraph(period))
    table(compare_header, compared, 9, signed=True)
    for label, paragraphs in sections:
        direct(document.add_heading(label, level=2))
        for way, paragraph in paragraphs or [("rtl" if rtl else "ltr", "—")]:
            direct(document.add_paragraph(paragraph), rtl=way == "rtl")
    landscape = document.add_section()
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = landscape.page_height, landscape.page_width
    table(header, rows, 6)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
