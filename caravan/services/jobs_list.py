"""The residents' jobs list (/jobs): every open posting, filtered and paged.

Open means what it means on a posting's own page (:func:`caravan.services.listings.is_open`): published
and not past its closing date in the county's time zone. Drafts and closed postings are never listed.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from caravan.extensions import db
from caravan.models import Area, AreaLevel, Event, Posting, PublishStatus, Sector, WageUnit, event_postings
from caravan.services import listings
from caravan.services.scope import within

#: Twelve postings keep a page in Uyghur (two bytes a letter) under 30 KB with its stylesheets.
PER_PAGE = 12
#: The monthly wages a resident may ask for at least (yuan); a small fixed choice keeps links short.
WAGE_STEPS = (2000, 3000, 4000, 5000, 6000, 8000)


@dataclass(frozen=True)
class JobFilters:
    """What a resident asked for; every field optional. Unknown values are dropped, never an error:
    a link typed by hand or cut short still shows jobs."""

    sector: str = ""
    township: str = ""  # an area code
    wage: int = 0  # at least this much a month
    housing: bool = False
    meals: bool = False
    event: str = ""  # an event's code: the postings that stop shows (its page links here when it has many)
    page: int = 1

    @classmethod
    def from_args(cls, args, townships: list[Area], event: Event | None = None) -> JobFilters:
        sector = args.get("sector", "")
        township = args.get("township", "")
        wage = args.get("wage", "")
        page = args.get("page", "")
        return cls(sector=sector if sector in Sector.__members__ else "",
                   township=township if township in {t.code for t in townships} else "",
                   wage=int(wage) if wage.isdigit() and int(wage) in WAGE_STEPS else 0,
                   housing=args.get("housing") == "1", meals=args.get("meals") == "1",
                   event=event.code if event else "",
                   page=max(1, min(int(page), 10_000)) if page.isdigit() else 1)

    def args(self, **changes) -> dict:
        """The query arguments for these filters (with ``changes``), defaults left out."""
        values = {"sector": self.sector, "township": self.township, "wage": self.wage or "",
                  "housing": "1" if self.housing else "", "meals": "1" if self.meals else "",
                  "event": self.event, "page": self.page}
        values.update(changes)
        if values["page"] == 1:
            values["page"] = ""
        return {key: value for key, value in values.items() if value != ""}

    @property
    def any(self) -> bool:
        return bool(self.count)

    @property
    def count(self) -> int:
        """How many filters are set (the folded form on a phone says so)."""
        return sum(map(bool, (self.sector, self.township, self.wage, self.housing, self.meals)))


@dataclass
class JobsPage:
    postings: list[Posting]
    total: int
    page: int
    pages: int


def townships() -> list[Area]:
    """The townships a resident may filter by, in code order."""
    return list(db.session.scalars(select(Area).where(Area.level == AreaLevel.township).order_by(Area.code)))


def search(filters: JobFilters, township_areas: list[Area]) -> JobsPage:
    """The open postings matching ``filters``, newest first, one page of them with the employer, the
    area and the translations loaded (three queries and a count)."""
    today = listings.local_today()
    query = select(Posting).where(Posting.status == PublishStatus.published,
                                  or_(Posting.valid_until.is_(None), Posting.valid_until >= today))
    if filters.sector:
        query = query.where(Posting.sector == Sector(filters.sector))
    if filters.township:
        area = next(t for t in township_areas if t.code == filters.township)
        query = query.where(within(Posting.area_id, area))
    if filters.wage:
        # Only wages paid by the month compare with a monthly figure; the top of the range counts.
        query = query.where(Posting.wage_unit == WageUnit.month,
                            func.coalesce(Posting.wage_max, Posting.wage_min) >= filters.wage)
    if filters.housing:
        query = query.where(Posting.housing.is_(True))
    if filters.meals:
        query = query.where(Posting.meals.is_(True))
    if filters.event:
        query = query.where(Posting.id.in_(select(event_postings.c.posting_id).join(
            Event, Event.id == event_postings.c.event_id).where(Event.code == filters.event)))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, -(-total // PER_PAGE))
    page = min(filters.page, pages)
    rows = db.session.scalars(
        query.order_by(Posting.created_at.desc(), Posting.code).offset((page - 1) * PER_PAGE).limit(PER_PAGE)
        .options(joinedload(Posting.employer), joinedload(Posting.area), selectinload(Posting.translations)))
    return JobsPage(postings=list(rows.unique()), total=total, page=page, pages=pages)
