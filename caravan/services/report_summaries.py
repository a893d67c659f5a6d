"""Half-year and annual summaries: the table's figures for the period (counted as the quarterly table counts
them, over January-June or the whole year), the same period last year beside them, and the texts the office
writes (work done, problems, plans), kept per area and period."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from caravan.extensions import db
from caravan.models import Area, ReportNarrative
from caravan.services import audit
from caravan.services.catalogue.texts import app_zone
from caravan.services.reports import Table, date_bounds, quarterly_table

#: The summaries: key -> (label, last month).
PERIODS: dict[str, tuple[object, int]] = {"half": (_l("Half-year summary"), 6), "year": (_l("Annual summary"), 12)}
#: The texts the office writes, in the order the summary shows them.
SECTIONS: list[tuple[str, object]] = [("work_done", _l("Work done")), ("problems", _l("Problems")),
                                      ("plans", _l("Plans"))]
#: The longest text of a section, in characters (a few pages of the PDF).
MAX_CHARS = 4000


class NarrativeError(ValueError):
    """The texts were refused; ``errors`` maps a section to what is wrong with it."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def period_dates(year: int, period: str) -> tuple[date, date]:
    """The first and last local day of the summary ``period`` (half or year) of ``year``."""
    last_month = PERIODS[period][1]
    return date(year, 1, 1), date(year, 6, 30) if last_month == 6 else date(year, 12, 31)


@dataclass
class Summary:
    area: Area
    year: int
    period: str
    table: Table
    #: The area's total over the same period of the year before.
    last_year: dict[str, int]
    texts: dict[str, str]
    narrative: ReportNarrative | None


def narrative(area: Area, year: int, period: str) -> ReportNarrative | None:
    return db.session.scalar(select(ReportNarrative).where(
        ReportNarrative.area_id == area.id, ReportNarrative.year == year, ReportNarrative.period == period))


def summary(area: Area, year: int, period: str) -> Summary:
    """The summary of ``area``: its table for the period, last year's total, and the texts written so far."""
    zone = app_zone()
    table = quarterly_table(area, *date_bounds(*period_dates(year, period), zone))
    before = quarterly_table(area, *date_bounds(*period_dates(year - 1, period), zone)).total.figures
    kept = narrative(area, year, period)
    texts = {key: getattr(kept, key) if kept else "" for key, _label in SECTIONS}
    return Summary(area, year, period, table, dict(before), texts, kept)


def save_texts(area: Area, year: int, period: str, texts: dict[str, str], user) -> ReportNarrative:
    """Keep the texts of ``area``'s summary (flushes; the request commits). A text longer than MAX_CHARS is
    refused with NarrativeError and nothing is kept. The audit entry names the sections changed, not what
    they say."""
    cleaned = {key: (texts.get(key) or "").replace("\r\n", "\n").strip() for key, _label in SECTIONS}
    errors = {key: str(_l("At most %(max)d characters; this text has %(n)d.", max=MAX_CHARS, n=len(value)))
              for key, value in cleaned.items() if len(value) > MAX_CHARS}
    if errors:
        raise NarrativeError(errors)
    kept = narrative(area, year, period)
    if kept is None:
        kept = ReportNarrative(area_id=area.id, year=year, period=period, work_done="", problems="", plans="")
        db.session.add(kept)
    changed = [key for key, value in cleaned.items() if getattr(kept, key) != value]
    for key in changed:
        setattr(kept, key, cleaned[key])
    kept.updated_by_id = getattr(user, "id", None)
    db.session.flush()
    if changed:
        audit.record("report.narrative", user=user, entity=area, year=year, period=period, fields=changed)
    return kept
