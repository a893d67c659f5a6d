"""Submitting a quarter's table to the region, what changed since, and the reporting deadlines.

A submission keeps the figures as sent, with a SHA-256 over them in canonical JSON: the office can show the
region exactly what it sent, and see, figure by figure, what records that arrived later (a tablet that
synced late) have changed since.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, SubmittedReport, User
from caravan.models.base import utcnow
from caravan.services import audit
from caravan.services.reports import KEYS, TOTAL, Table

QUARTERLY = "quarterly"


class SubmissionError(ValueError):
    """A table that cannot be submitted (a quarter that has not begun)."""


def digest(figures: dict) -> str:
    """SHA-256 (hex) of ``figures`` as canonical JSON: sorted keys, no spaces, ASCII."""
    canonical = json.dumps(figures, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def submit(table: Table, year: int, quarter: int, by: User, now: datetime | None = None) -> SubmittedReport:
    """Keep ``table``'s figures as the area's submission for the quarter; audited. A quarter may be
    submitted again (a correction): every submission is kept, the latest counts."""
    now = now or utcnow()
    if table.start > now:
        raise SubmissionError(str(_l("This quarter has not begun; it cannot be submitted yet.")))
    figures = table.figures()
    report = SubmittedReport(area_id=table.area.id, kind=QUARTERLY, year=year, period=quarter, figures=figures,
                             digest=digest(figures), submitted_at=now, user_id=by.id)
    db.session.add(report)
    db.session.flush()
    audit.record("report.submit", user=by, entity=table.area, year=year, quarter=quarter, digest=report.digest)
    return report


def latest(area: Area, year: int, quarter: int) -> SubmittedReport | None:
    """The latest submission of ``area``'s table for the quarter, if any."""
    return db.session.scalar(
        select(SubmittedReport).where(SubmittedReport.area_id == area.id, SubmittedReport.kind == QUARTERLY,
                                      SubmittedReport.year == year, SubmittedReport.period == quarter)
        .options(selectinload(SubmittedReport.user))
        .order_by(SubmittedReport.submitted_at.desc(), SubmittedReport.id.desc()).limit(1))


@dataclass
class Change:
    """One figure that differs from the submitted one: the row's code (or TOTAL), the column, both values."""

    row: str
    column: str
    submitted: int
    now: int

    @property
    def difference(self) -> int:
        return self.now - self.submitted


def changes(submitted: dict, now: dict) -> list[Change]:
    """The figures of ``now`` that differ from ``submitted`` (both row -> column -> figure), in row order of
    ``now`` then the rows that are gone, columns in table order. A row missing on one side counts as zeros."""
    rows = list(now) + [row for row in submitted if row not in now]
    out = []
    for row in rows:
        before, after = submitted.get(row, {}), now.get(row, {})
        for column in KEYS:
            b, a = int(before.get(column, 0)), int(after.get(column, 0))
            if a != b:
                out.append(Change(row, column, b, a))
    return sorted(out, key=lambda c: (c.row == TOTAL, rows.index(c.row)))


@dataclass
class Deadline:
    """A report due: its kind (quarterly, half_year, annual), the period's year and number, the due date,
    and whether the area has submitted it (known for quarterly tables only; None otherwise)."""

    kind: str
    year: int
    period: int
    due: date
    submitted: bool | None = None


def _due_dates(year: int) -> list[Deadline]:
    """The year's deadlines: each quarter's table by the 30th of the quarter's last month, the half-year
    summary by 30 June, the annual summary by 15 November."""
    quarters = [Deadline(QUARTERLY, year, q, date(year, 3 * q, 30)) for q in (1, 2, 3, 4)]
    return sorted(quarters + [Deadline("half_year", year, 1, date(year, 6, 30)),
                              Deadline("annual", year, 1, date(year, 11, 15))], key=lambda d: (d.due, d.kind))


def upcoming_deadlines(area: Area, today: date, count: int = 3) -> list[Deadline]:
    """The next ``count`` deadlines from ``today`` (a deadline stays listed on its day), plus the latest
    quarterly one already past if ``area`` has not submitted it (late). One statement."""
    dates = _due_dates(today.year - 1) + _due_dates(today.year) + _due_dates(today.year + 1)
    coming = [d for d in dates if d.due >= today][:count]
    past = [d for d in dates if d.due < today and d.kind == QUARTERLY][-1:]
    quarterly = [d for d in past + coming if d.kind == QUARTERLY]
    done = set(db.session.execute(
        select(SubmittedReport.year, SubmittedReport.period).where(
            SubmittedReport.area_id == area.id, SubmittedReport.kind == QUARTERLY,
            SubmittedReport.year.in_({d.year for d in quarterly}))).all()) if quarterly else set()
    for d in quarterly:
        d.submitted = (d.year, d.period) in done
    late = [d for d in past if not d.submitted]
    return late + coming
