"""How far a survey round has come: the employers of each area of the round, visited or not.

Employers are counted under the area one level below the round's (a county round by township, a township
round by village), every such area shown even without employers; those based in the round's own area are a
row of their own. Three statements: the areas below, the round's employers, and those visited in it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Employer, EmployerVisit, SurveyRound
from caravan.services.surveys import employers_of


@dataclass
class AreaCoverage:
    area: Area | None                     #: None: employers with no area (a county round only)
    employers: int = 0
    visited: int = 0

    @property
    def percent(self) -> int:
        """The share visited, in the nearest whole percent (halves up), yet 0 only when none is visited and
        100 only when all are: 1 of 300 is 1, 299 of 300 is 99."""
        if not self.employers:
            return 0
        nearest = (self.visited * 200 + self.employers) // (self.employers * 2)
        if 0 < self.visited < self.employers:
            return min(max(nearest, 1), 99)
        return nearest


@dataclass
class Coverage:
    rows: list[AreaCoverage] = field(default_factory=list)
    total: AreaCoverage = field(default_factory=lambda: AreaCoverage(None))
    not_visited: list[Employer] = field(default_factory=list)
    #: {employer id: date of the latest visit in the round}
    last_visit: dict = field(default_factory=dict)


def coverage(survey_round: SurveyRound, area_code: str = "") -> Coverage:
    """The round's coverage per area; ``not_visited`` only of the area with ``area_code`` if given."""
    employers = list(db.session.scalars(select(Employer).where(employers_of(survey_round))
                                        .options(selectinload(Employer.area)).order_by(Employer.name_zh)))
    last = dict(db.session.execute(select(EmployerVisit.employer_id, func.max(EmployerVisit.visited_on))
                                   .where(EmployerVisit.round_id == survey_round.id)
                                   .group_by(EmployerVisit.employer_id)).all())
    result = Coverage(last_visit=last)
    # Every area one level below shows, those without a single employer too: an empty row there most often
    # means the register of that area is not in caravan yet.
    by_area: dict[str | None, AreaCoverage] = {child.id: AreaCoverage(child) for child in survey_round.area.children}
    for employer in employers:
        group = _group_of(employer.area, survey_round.area)
        row = by_area.get(getattr(group, "id", None))
        if row is None:
            row = by_area[getattr(group, "id", None)] = AreaCoverage(group)
        row.employers += 1
        result.total.employers += 1
        if employer.id in last:
            row.visited += 1
            result.total.visited += 1
        elif not area_code or (group is not None and group.code == area_code):
            result.not_visited.append(employer)
    result.rows = sorted(by_area.values(), key=lambda r: (r.area is not None, getattr(r.area, "code", "")))
    return result


def _group_of(area: Area | None, top: Area) -> Area | None:
    """The area one level below ``top`` that holds ``area`` (``top`` itself for an employer based there)."""
    if area is None:
        return None
    chain = area.lineage()
    at = next((i for i, a in enumerate(chain) if a.id == top.id), None)
    if at is None or at + 1 >= len(chain):
        return top
    return chain[at + 1]
