"""Importing the employer register from a spreadsheet saved as CSV (for the employer survey's coverage).

Each row goes through the same checks as the employer form (:func:`employers.clean`). Unlike the postings
import, the register goes in whole or not at all: a register half read would make a round's coverage look
better than it is. A row whose Chinese name and area match an employer already held updates that employer
(contact, sector, other names) instead of adding a second one. :func:`read_register` only checks and tells
what would happen (the preview); :func:`import_register` saves, and only when no row has a problem.
"""
from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from caravan.models import Area, Employer
from caravan.services import audit
from caravan.services.catalogue import employers
from caravan.services.catalogue.csv_import import MAX_BYTES, RowError, decode, delimiter
from caravan.services.catalogue.fields import ValidationError, changed_fields

MAX_ROWS = 5000

#: Columns in template order: (name, required, what it holds).
COLUMNS = [
    ("name_zh", True, _l("Employer's name in Chinese (an employer with this name and area is updated).")),
    ("name_ug", False, _l("Name in Uyghur.")),
    ("name_en", False, _l("Name in English.")),
    ("sector", False, _l("agriculture, manufacturing, construction, services, logistics, retail, health, "
                         "education or other (default: other).")),
    ("area_code", True, _l("Code of the area where the employer is, e.g. KT-01 (within your area).")),
    ("contact_name", False, _l("Contact person for work matters.")),
    ("contact_phone", False, _l("Contact phone: digits, spaces, + and - only.")),
]
COLUMN_NAMES = [name for name, _required, _doc in COLUMNS]
REQUIRED = {name for name, required, _doc in COLUMNS if required}


@dataclass
class RegisterPlan:
    """What a file would do: employers to add, to update (with the fields that change), rows unchanged."""
    to_add: list[tuple[int, dict]] = field(default_factory=list)
    to_update: list[tuple[int, Employer, dict, list[str]]] = field(default_factory=list)
    unchanged: list[tuple[int, Employer]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    rows: int = 0
    saved: bool = False

    @property
    def failed_rows(self) -> list[int]:
        """Row numbers with at least one problem."""
        return sorted({e.row for e in self.errors})


def read_register(data: bytes, scope: Area) -> RegisterPlan:
    """Check every row of ``data`` (the uploaded file) and plan what importing it would do; writes nothing."""
    plan = RegisterPlan()
    header, rows = _read(data, plan)
    if plan.file_errors:
        return plan
    plan.rows = len(rows)
    seen: dict[str, int] = {}
    for index, cells in enumerate(rows):
        number = index + 2  # as a spreadsheet numbers it: the header is row 1
        if len(cells) > len(header):
            plan.errors.append(RowError(number, "", _("This row has more cells than the header.")))
            continue
        row = dict(zip(header, (c.strip() for c in cells)))
        _plan_row(number, row, scope, seen, plan)
    return plan


def _plan_row(number: int, row: dict, scope: Area, seen: dict, plan: RegisterPlan) -> None:
    raw = {("area" if k == "area_code" else k): v for k, v in row.items()}
    name = raw.get("name_zh", "")
    if name and name in seen:
        plan.errors.append(RowError(number, "name_zh", _("This name is on row %(row)d already.", row=seen[name])))
        return
    seen[name] = number
    held = employers.by_name(name) if name else None
    same_place = held is not None and (held.area.code if held.area else "") == raw.get("area", "") \
        and employers.editable(held, scope)
    try:
        values = employers.clean(raw, scope, current=held if same_place else None)
    except ValidationError as exc:
        for column, messages in exc.errors.items():
            for message in messages:
                plan.errors.append(RowError(number, "area_code" if column == "area" else column, message))
        return
    if not same_place:
        plan.to_add.append((number, values))
        return
    changes = [k for k, v in values.items() if getattr(held, k) != v]
    if changes:
        plan.to_update.append((number, held, values, changes))
    else:
        plan.unchanged.append((number, held))


def import_register(data: bytes, scope: Area, by=None) -> RegisterPlan:
    """Check ``data`` and, if no row has a problem, add and update the employers it names (flushes, never
    commits); with any problem nothing is saved and the plan tells every problem."""
    plan = read_register(data, scope)
    if plan.file_errors or plan.errors:
        return plan
    for _number, values in plan.to_add:
        employers.create(values, by=by, via="import")
    for _number, employer, values, _changes in plan.to_update:
        changed_fields(employer, values)
    audit.record("employer.import", user=by, rows=plan.rows, created=len(plan.to_add),
                 updated=len(plan.to_update), unchanged=len(plan.unchanged))
    plan.saved = True
    return plan


def _read(data: bytes, plan: RegisterPlan) -> tuple[list[str], list[list[str]]]:
    """The header and the non-empty rows; problems with the file as a whole go to ``plan.file_errors``."""
    if len(data) > MAX_BYTES:
        plan.file_errors.append(_("The file is larger than %(num)d KB.", num=MAX_BYTES // 1024))
        return [], []
    try:
        if b"\x00" in data:  # a workbook (.xlsx) or UTF-16 text, not a CSV
            raise UnicodeDecodeError("csv", data, 0, 1, "NUL byte")
        text = decode(data)
    except UnicodeDecodeError:
        plan.file_errors.append(_("This is not a CSV text file. Save it from Excel as CSV (UTF-8)."))
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text.split("\n", 1)[0]))
    try:
        header = [h.strip().lower() for h in next(reader)]
        rows = [r for r in reader if any(cell.strip() for cell in r)]
    except StopIteration:
        plan.file_errors.append(_("The file is empty."))
        return [], []
    except csv.Error:
        plan.file_errors.append(_("The file could not be read as CSV."))
        return [], []
    unknown = [h for h in header if h and h not in COLUMN_NAMES]
    missing = sorted(REQUIRED - set(header), key=COLUMN_NAMES.index)
    if unknown:
        plan.file_errors.append(_("Unknown columns: %(names)s.", names=", ".join(unknown)))
    if missing:
        plan.file_errors.append(_("Missing columns: %(names)s.", names=", ".join(missing)))
    if len(rows) > MAX_ROWS:
        plan.file_errors.append(_("At most %(num)d rows at a time; this file has %(rows)d.", num=MAX_ROWS,
                                  rows=len(rows)))
    return header, rows


def template_csv() -> bytes:
    """A template to fill in Excel: the header and one example row, UTF-8 with a BOM, Windows line ends."""
    example = {"name_zh": "阔克塔勒县白絮轧花有限公司", "name_ug": "",
               "name_en": "Baixu Cotton Gin Co.", "sector": "manufacturing", "area_code": "KT-03",
               "contact_name": "王经理", "contact_phone": "0997-1234567"}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerow([example.get(name, "") for name in COLUMN_NAMES])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
