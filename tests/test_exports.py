"""Exports open in Excel and WPS as the clerk sees them, and a resident's text never runs as a formula."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from caravan.services.exports import csv_bytes, download, neutralize, xlsx_bytes

HEADER = ["姓名", "ئىسىم", "Phone", "Registered", "Count"]
ROWS = [["阿依古丽", "ئايگۈل", "=HYPERLINK(\"https://example.org\")", date(2026, 11, 3), 4],
        ["+86 138", "@SUM(A1)", "-1", datetime(2026, 11, 3, 9, 30), 0]]


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"),
                                         ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), (5, 5), (None, None)])
def test_text_that_could_run_as_a_formula_gets_an_apostrophe(value, cell):
    assert neutralize(value) == cell


def test_csv_starts_with_a_bom_uses_crlf_and_keeps_every_script():
    raw = csv_bytes(HEADER, ROWS)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADER
    assert rows[1][:3] == ["阿依古丽", "ئايگۈل", "'=HYPERLINK(\"https://example.org\")"]
    assert rows[1][3] == "2026-11-03"
    assert rows[2][:4] == ["'+86 138", "'@SUM(A1)", "'-1", "2026-11-03 09:30"]


def test_xlsx_keeps_types_and_never_stores_a_formula():
    book = load_workbook(io.BytesIO(xlsx_bytes(HEADER, ROWS, title="居民/名单")))
    sheet = book.active
    assert sheet.title == "居民 名单"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADER
    assert values[1][2] == "'=HYPERLINK(\"https://example.org\")"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert values[1][4] == 4
    assert values[2][3] == datetime(2026, 11, 3, 9, 30)


def test_translated_labels_are_written_as_text(app):
    from flask_babel import lazy_gettext
    with app.test_request_context():
        label = lazy_gettext("Phone")
        raw = xlsx_bytes([label], [[label]])
        text = str(label)
    sheet = load_workbook(io.BytesIO(raw)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [[text], [text]]


def test_download_names_the_file_in_the_user_s_script_with_an_ascii_fallback(app):
    with app.test_request_context():
        response = download("居民-2026", "xlsx", HEADER, ROWS)
    disposition = response.headers["Content-Disposition"]
    assert "filename*=UTF-8''%E5%B1%85%E6%B0%91-2026.xlsx" in disposition
    assert 'filename="__-2026.xlsx"' in disposition
    assert response.headers["Cache-Control"] == "no-store"
    with pytest.raises(ValueError):
        download("x", "pdf", HEADER, ROWS)


def test_a_csv_download_names_its_charset_once(app):
    """Excel and WPS read the header; "charset=utf-8; charset=utf-8" was sent before."""
    with app.test_request_context():
        response = download("residents", "csv", HEADER, ROWS)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
