"""The demo county's employer demand survey: a county round half done, and a round of the demo township.

The county must visit every employer of its area by the end of June; the demo round started six weeks ago
and nine of its employers have been visited, with what they need now (taken from their postings), their
plans and training needs. The vacancy lines have no draft postings yet, so a new user can make them from a
visit. Rows get UUIDs derived from their keys: a second run adds nothing. No audit entries: the audit log
tells what people did in this database, not in a made-up past.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from caravan.demo import data
from caravan.demo.loader import demo_id
from caravan.demo.stops import TOWNSHIP
from caravan.extensions import db
from caravan.models import Area, Employer, EmployerVisit, SurveyRound, VisitVacancy, WageUnit
from caravan.services.catalogue.texts import local_today

#: Employers visited in the county round: (employer key, days ago, staff, planned hires, plans, training needs).
VISITS = [
    ("cotton_gin", 40, "阿依古丽·吐尔逊、王建华", 60, "轧花季节（9月至次年1月）需增加季节工。", "叉车操作证培训"),
    ("spinning_mill", 35, "王建华", 40, "二期车间明年4月投产，需挡车工和电工。", "细纱挡车工岗前培训；电工上岗证"),
    ("fruit_factory", 33, "买买提·艾力", 25, "杏子、红枣收获季需分拣和包装工。", "食品安全与卫生知识"),
    ("greenhouse_farm", 28, "买买提·艾力", 8, "", "设施农业种植技术"),
    ("builder", 21, "李娜", 30, "开春后开工，需普工、电焊工、瓦工。", "电焊工特种作业证"),
    ("logistics", 17, "李娜", 12, "电商旺季前增加快递员。", "驾驶员安全培训"),
    ("restaurant", 12, "阿依古丽·吐尔逊", 4, "", "中式烹调师（拉条子）培训"),
    ("care_centre", 8, "阿依古丽·吐尔逊", 10, "新增居家养老服务，需护理员。", "养老护理员职业技能培训"),
    ("garment_workshop", 3, "帕提古丽·阿不都", 15, "接到新订单，需缝纫工。", "缝纫工技能提升培训"),
]


def _june_end(today: date) -> date:
    """The next 30 June (the county's deadline for full coverage)."""
    end = date(today.year, 6, 30)
    return end if end >= today else date(today.year + 1, 6, 30)


def load_survey() -> dict[str, int]:
    """Add the demo rounds and visits where missing; returns how many rows of each kind were added."""
    today = local_today()
    areas = {a.code: a for a in db.session.scalars(select(Area))}
    employers = {e["key"]: db.session.get(Employer, demo_id("employers", e["key"])) for e in data.EMPLOYERS}
    added = {"survey rounds": 0, "employer visits": 0}
    start = today - timedelta(days=45)
    county_round = _round("county", f"{_june_end(today).year}年上半年用人单位用工需求调查", areas[data.COUNTY["code"]],
                          start, _june_end(today), added)
    _round("township", "阿纳尔巴格乡用人单位走访（演示）", areas[TOWNSHIP], start, _june_end(today), added)
    for key, days_ago, staff, planned, plans, training in VISITS:
        employer = employers.get(key)
        visit_id = demo_id("employer_visits", key)
        if employer is None or db.session.get(EmployerVisit, visit_id) is not None:
            continue
        lines = [p for p in data.POSTINGS if p["employer"] == key][:3]
        db.session.add(EmployerVisit(
            id=visit_id, round=county_round, employer=employer, visited_on=today - timedelta(days=days_ago),
            staff_name=staff, contact_name=employer.contact_name, contact_phone=employer.contact_phone,
            planned_hires=planned, plans=plans, training_needs=training,
            vacancies=[VisitVacancy(position=n, occupation=p["texts"]["zh"]["title"][:100], count=p["openings"],
                                    wage_min=p["wage_min"], wage_max=p["wage_max"], wage_unit=WageUnit(p["wage_unit"]),
                                    requirements=p["texts"]["zh"]["requirements"][:1000])
                       for n, p in enumerate(lines)]))
        added["employer visits"] += 1
    db.session.flush()
    return {k: v for k, v in added.items() if v}


def _round(key: str, name: str, area: Area, starts_on: date, ends_on: date, added: dict) -> SurveyRound:
    survey_round = db.session.get(SurveyRound, demo_id("survey_rounds", key))
    if survey_round is None:
        survey_round = SurveyRound(id=demo_id("survey_rounds", key), name=name, area=area, starts_on=starts_on,
                                   ends_on=ends_on)
        db.session.add(survey_round)
        added["survey rounds"] += 1
    return survey_round
