"""Village notice boards: what a board's bulletin carries, and when each board was last refreshed.

A bulletin is for one village or township. It carries the current postings relevant there (published, not
past their date, and with work in the area's own township or in an area above it: a county posting is on
every board, a posting of another township on none; a posting without an area is the county's), and the
current training courses and policy notices (notices are county-wide), the most recent first.

Staff record each refresh of a village's board (the day, who); the list of the villages of a user's area
puts the boards never refreshed first, then the oldest refresh.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, AreaLevel, BoardRefresh, Notice, NoticeKind, Posting, PublishStatus
from caravan.services import audit
from caravan.services.catalogue.fields import ValidationError
from caravan.services.listings import local_today
from caravan.services.scope import area_ids_within, area_within, within

#: Areas that have a notice board a bulletin is printed for.
BOARD_LEVELS = (AreaLevel.village, AreaLevel.township)


def township_of(area: Area) -> Area:
    """The township ``area`` lies in (a township: itself; the county: itself)."""
    return area.parent if area.level == AreaLevel.village and area.parent is not None else area


def _open(model, today: date):
    return (model.status == PublishStatus.published,
            or_(model.valid_until.is_(None), model.valid_until >= today))


def current_postings(area: Area, today: date | None = None) -> list[Posting]:
    """The open postings relevant to ``area``'s board, the most recent first (see the module docstring)."""
    today = today or local_today()
    near = area_ids_within(township_of(area))
    above = [a.id for a in area.lineage()]
    query = (select(Posting).where(*_open(Posting, today),
                                   or_(Posting.area_id.in_(sorted(set(near) | set(above))), Posting.area_id.is_(None)))
             .options(selectinload(Posting.translations), selectinload(Posting.employer))
             .order_by(Posting.created_at.desc(), Posting.code))
    return list(db.session.scalars(query))


def current_notices(kind: NoticeKind, today: date | None = None) -> list[Notice]:
    """The open notices of ``kind`` (county-wide), the most recent first."""
    today = today or local_today()
    query = (select(Notice).where(Notice.kind == kind, *_open(Notice, today))
             .options(selectinload(Notice.translations)).order_by(Notice.created_at.desc(), Notice.code))
    return list(db.session.scalars(query))


def board_area(code: str, scope: Area) -> Area | None:
    """The village or township with ``code`` within ``scope``; None for another level, or outside."""
    area = area_within(code, scope)
    return area if area is not None and area.level in BOARD_LEVELS else None


@dataclass
class BoardRow:
    """A village of the list with its last refresh (None: never)."""
    village: Area
    last: BoardRefresh | None


def last_refreshes(scope: Area) -> list[BoardRow]:
    """Every village within ``scope`` with its latest refresh: never refreshed first, then the oldest, then
    by code."""
    villages = list(db.session.scalars(select(Area).where(Area.level == AreaLevel.village,
                                                          within(Area.id, scope)).order_by(Area.code)))
    rows = db.session.scalars(
        select(BoardRefresh).where(BoardRefresh.area_id.in_([v.id for v in villages]))
        .options(selectinload(BoardRefresh.user))
        .order_by(BoardRefresh.refreshed_on, BoardRefresh.id))
    last = {}
    for row in rows:  # ordered by day then entry: the last one seen per village is its latest refresh
        last[row.area_id] = row
    found = [BoardRow(v, last.get(v.id)) for v in villages]
    # A stable sort: villages of the same day stay in code order.
    return sorted(found, key=lambda r: (r.last is not None, r.last.refreshed_on if r.last else date.min))


def parse_day(raw: str) -> date | None:
    try:
        return date.fromisoformat((raw or "").strip())
    except ValueError:
        return None


def record_refresh(scope: Area, village_code: str, day_raw: str, by) -> BoardRefresh:
    """Record that the board of the village ``village_code`` (within ``scope``) was refreshed on
    ``day_raw`` (YYYY-MM-DD, the county's local day, not in the future) by ``by``; raises ValidationError."""
    errors: dict[str, list[str]] = {}
    village = area_within(village_code, scope)
    if village is None or village.level != AreaLevel.village:
        errors["village"] = [str(_l("Choose a village of your area."))]
    day = parse_day(day_raw)
    if day is None:
        errors["day"] = [str(_l("Enter the date as YYYY-MM-DD."))]
    elif day > local_today():
        errors["day"] = [str(_l("The date cannot be in the future."))]
    if errors:
        raise ValidationError(errors)
    row = BoardRefresh(area=village, refreshed_on=day, user=by)
    db.session.add(row)
    db.session.flush()
    audit.record("board.refresh", user=by, entity=row, area=village.code)
    return row
