"""Importing postings from a spreadsheet saved as CSV.

Each row goes through the same checks as the posting form (:func:`postings.clean`). Good rows are
saved, bad rows are reported with their row number, column and reason; a bad row never stops the
good ones. A row that repeats a posting already held (same employer, Chinese title and area, not
closed) is skipped, so uploading a file again after fixing its bad rows does not double the good ones.
"""
from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Area, Posting, PostingTranslation, PublishStatus
from caravan.services import audit
from caravan.services.catalogue import postings
from caravan.services.catalogue.fields import ValidationError

#: The largest file and the most data rows taken in one upload.
MAX_BYTES = 1024 * 1024
MAX_ROWS = 1000

#: Columns in template order: (name, required, what it holds).
COLUMNS = [
    ("employer", True, _l("Employer's name in Chinese, exactly as under Employers.")),
    ("sector", False, _l("agriculture, manufacturing, construction, services, logistics, retail, health, "
                         "education or other (default: other).")),
    ("openings", True, _l("Number of openings, 1 to 10000.")),
    ("wage_min", False, _l("Lowest wage in whole yuan.")),
    ("wage_max", False, _l("Highest wage in whole yuan, not below the lowest.")),
    ("wage_unit", False, _l("hour, day, month or piece (default: month).")),
    ("area_code", True, _l("Code of the area where the work is, e.g. KT-01 (within your area).")),
    ("housing", False, _l("Housing provided: yes or no (also 1/0, 是/否).")),
    ("meals", False, _l("Meals provided: yes or no.")),
    ("transport", False, _l("Transport provided: yes or no.")),
    ("valid_until", False, _l("Closing date as YYYY-MM-DD.")),
    ("status", False, _l("draft or published (default: draft).")),
]
for _lang in ("zh", "ug", "en"):
    COLUMNS += [
        (f"title_{_lang}", _lang == "zh", _l("Title (Chinese required; other languages optional).")),
        (f"description_{_lang}", False, _l("Description.")),
        (f"requirements_{_lang}", False, _l("Requirements.")),
        (f"work_place_{_lang}", False, _l("Place of work.")),
    ]
COLUMN_NAMES = [name for name, _required, _doc in COLUMNS]
REQUIRED = {name for name, required, _doc in COLUMNS if required}
#: CSV column name -> posting form field name, where they differ.
_FIELD_OF = {"area_code": "area"}
_COLUMN_OF = {v: k for k, v in _FIELD_OF.items()}


@dataclass
class RowError:
    row: int        #: the row number as a spreadsheet shows it (the header is row 1)
    column: str
    message: str


@dataclass
class ImportResult:
    created: list[Posting] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)   #: (row, code of the posting it repeats)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def failed_rows(self) -> list[int]:
        """Row numbers with at least one problem."""
        return sorted({e.row for e in self.errors})


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a BOM), else GB18030 as Excel in China saves it."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _delimiter(first_line: str) -> str:
    # Excel writes commas, but some locales (and "Unicode text") use semicolons or tabs.
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


#: The column separator of a file whose first line is given (shared by the other CSV imports).
delimiter = _delimiter


def import_postings(data: bytes, scope: Area, by=None, new_employers: bool = False) -> ImportResult:
    """Read ``data`` (the uploaded file) and create a posting for every good row; flushes, never commits."""
    result = ImportResult()
    if len(data) > MAX_BYTES:
        result.file_errors.append(_("The file is larger than %(num)d KB.", num=MAX_BYTES // 1024))
        return result
    try:
        if b"\x00" in data:  # a workbook (.xlsx) or UTF-16 text, not a CSV
            raise UnicodeDecodeError("csv", data, 0, 1, "NUL byte")
        text = decode(data)
    except UnicodeDecodeError:
        result.file_errors.append(_("This is not a CSV text file. Save it from Excel as CSV (UTF-8)."))
        return result
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    try:
        header = [h.strip().lower() for h in next(reader)]
        rows = [r for r in reader if any(cell.strip() for cell in r)]
    except StopIteration:
        result.file_errors.append(_("The file is empty."))
        return result
    except csv.Error:
        result.file_errors.append(_("The file could not be read as CSV."))
        return result
    unknown = [h for h in header if h and h not in COLUMN_NAMES]
    missing = sorted(REQUIRED - set(header), key=COLUMN_NAMES.index)
    if unknown:
        result.file_errors.append(_("Unknown columns: %(names)s.", names=", ".join(unknown)))
    if missing:
        result.file_errors.append(_("Missing columns: %(names)s.", names=", ".join(missing)))
    if len(rows) > MAX_ROWS:
        result.file_errors.append(_("At most %(num)d rows at a time; this file has %(rows)d.", num=MAX_ROWS,
                                    rows=len(rows)))
    if result.file_errors:
        return result
    result.rows = len(rows)
    seen: dict[tuple, str] = {}
    for index, cells in enumerate(rows):
        _import_row(index + 2, dict(zip(header, (c.strip() for c in cells))), len(cells) > len(header),
                    scope, by, new_employers, seen, result)
    audit.record("posting.import", user=by, rows=result.rows, created=len(result.created),
                 skipped=len(result.skipped), failed=len(result.failed_rows))
    return result


def _import_row(number: int, row: dict, overlong: bool, scope, by, new_employers, seen, result) -> None:
    if overlong:
        result.errors.append(RowError(number, "", _("This row has more cells than the header.")))
        return
    raw = {_FIELD_OF.get(k, k): v for k, v in row.items()}
    status_text = raw.pop("status", "").strip().lower() or "draft"
    try:
        values = postings.clean(raw, scope, employer_by="name", new_employers=new_employers)
    except ValidationError as exc:
        values = None
        _add_errors(result, number, exc)
    if status_text not in ("draft", "published"):
        result.errors.append(RowError(number, "status", _("Choose one of: %(values)s.", values="draft, published")))
        return
    if values is None:
        return
    key = (values["employer"].id if values["employer"] else values["new_employer"], values["texts"]["zh"]["title"],
           values["area_id"])
    repeated = seen.get(key) or _existing_code(values)
    if repeated:
        result.skipped.append((number, repeated))
        return
    try:
        posting = postings.create(values, by=by, status=PublishStatus(status_text), via="import")
    except ValidationError as exc:
        _add_errors(result, number, exc)
        return
    seen[key] = posting.code
    result.created.append(posting)


def _add_errors(result: ImportResult, number: int, exc: ValidationError) -> None:
    for name, messages in exc.errors.items():
        for message in messages:
            result.errors.append(RowError(number, _COLUMN_OF.get(name, name), message))


def _existing_code(values: dict) -> str | None:
    """The code of a posting (not closed) with the same employer, Chinese title and area, if any."""
    if values["employer"] is None:
        return None
    return db.session.scalar(select(Posting.code).join(PostingTranslation).where(
        Posting.employer_id == values["employer"].id, Posting.area_id == values["area_id"],
        Posting.status != PublishStatus.closed, PostingTranslation.lang == "zh",
        PostingTranslation.title == values["texts"]["zh"]["title"]).limit(1))


def template_csv() -> bytes:
    """A template to fill in Excel: the header and one example row, UTF-8 with a BOM (so Excel reads
    Chinese and Uyghur correctly), Windows line ends."""
    example = {"employer": "阔克塔勒县白絮轧花有限公司", "sector": "manufacturing", "openings": "10",
               "wage_min": "3500", "wage_max": "4500", "wage_unit": "month", "area_code": "KT-03",
               "housing": "yes", "meals": "yes", "transport": "no", "valid_until": "2027-03-31",
               "status": "draft", "title_zh": "轧花车间操作工", "description_zh": "棉花加工季节性岗位。",
               "requirements_zh": "18至50岁，身体健康。", "work_place_zh": "英艾日克镇",
               "title_ug": "پاختا پىششىقلاش سېخى ئىشچىسى", "title_en": "Cotton gin operator"}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerow([example.get(name, "") for name in COLUMN_NAMES])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
