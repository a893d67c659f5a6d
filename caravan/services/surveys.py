"""The employer demand survey: rounds, visits and the draft postings made from a visit's vacancy lines.

Every rule of a round and of a visit lives here. The office's visit form and the tablet's ``employer_visit``
record (through sync) both pass :func:`clean_visit`, so that a visit one accepts is one the other accepts.
Problems are keyed by field name; a vacancy line's fields by ``vacancies.<n>.<field>`` (n from 0), the names
the web form uses too.
"""
from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Employer, EmployerVisit, SurveyRound, VisitVacancy, WageUnit
from caravan.services import audit
from caravan.services.catalogue import postings
from caravan.services.catalogue.employers import PHONE
from caravan.services.catalogue.fields import Checker, changed_fields
from caravan.services.catalogue.texts import local_today
from caravan.services.scope import get_within, within

#: The most vacancy lines one visit holds (a form of more is a mistake or a probe).
MAX_VACANCY_LINES = 30
#: The fields of a vacancy line, as the form and the tablet name them.
VACANCY_FIELDS = ("occupation", "count", "wage_min", "wage_max", "wage_unit", "requirements")
TEXT_LIMITS = {"staff_name": 100, "contact_name": 100, "contact_phone": 32, "plans": 2000,
               "training_needs": 2000, "notes": 2000}
OCCUPATION_LIMIT, REQUIREMENTS_LIMIT = 100, 1000
MAX_COUNT = postings.MAX_OPENINGS
MAX_WAGE = postings.MAX_WAGE
#: The most people an employer may plan to hire in six months (beyond: a typing mistake).
MAX_PLANNED = 100_000
#: The bounds of a vacancy line's numbers (inclusive), and why wages the wrong way round are refused. The
#: tablet receives both in its strings file (:func:`vacancy_rules`) and refuses such a line before saving it.
LINE_NUMBERS = {"count": (1, MAX_COUNT), "wage_min": (0, MAX_WAGE), "wage_max": (0, MAX_WAGE)}
WAGE_ORDER = _l("The highest wage must not be below the lowest.")
_LINE_KEY = re.compile(r"^vacancies\.(\d{1,3})\.(\w+)$")


# Rounds ---------------------------------------------------------------------------------------------------

def rounds(scope: Area) -> list[SurveyRound]:
    """The rounds whose area lies within ``scope``, the latest first."""
    return list(db.session.scalars(select(SurveyRound).where(within(SurveyRound.area_id, scope))
                                   .options(selectinload(SurveyRound.area))
                                   .order_by(SurveyRound.starts_on.desc(), SurveyRound.name)))


def get_round(round_id: str, scope: Area) -> SurveyRound | None:
    """The round with ``round_id`` if its area lies within ``scope`` (None otherwise, as for an unknown id)."""
    return get_within(SurveyRound, round_id, scope)


def clean_round(raw, scope: Area) -> dict:
    """Check a round's raw values (name, area code, period); the model values, or :class:`ValidationError`."""
    c = Checker(raw)
    values = {"name": c.text("name", 200, required=True)}
    area = c.area(scope)
    values["area_id"] = area.id if area else None
    values["starts_on"] = c.day("starts_on", required=True)
    values["ends_on"] = c.day("ends_on", required=True)
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        c.fail("ends_on", _("The end must not be before the start."))
    c.check()
    return values


def create_round(values: dict, by=None) -> SurveyRound:
    """Add a round from cleaned ``values``; audited."""
    survey_round = SurveyRound(**values)
    db.session.add(survey_round)
    db.session.flush()
    audit.record("survey.round_create", user=by, entity=survey_round)
    return survey_round


def update_round(survey_round: SurveyRound, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values``; audits the names of the fields that changed."""
    changed = changed_fields(survey_round, values)
    if changed:
        db.session.flush()
        audit.record("survey.round_update", user=by, entity=survey_round, changed=changed)
    return changed


def round_form_values(survey_round: SurveyRound) -> dict[str, str]:
    """A round's values as form strings."""
    return {"name": survey_round.name, "area": survey_round.area.code,
            "starts_on": survey_round.starts_on.isoformat(), "ends_on": survey_round.ends_on.isoformat()}


def employers_of(survey_round: SurveyRound):
    """A SQL condition: the employers a round is to visit (those based within its area)."""
    return within(Employer.area_id, survey_round.area)


# Visits ---------------------------------------------------------------------------------------------------

def clean_visit(data: dict, survey_round: SurveyRound) -> dict:
    """Check a visit: ``data`` as the form or the tablet sends it (strings or numbers), with ``vacancies`` a
    list of lines. Wholly empty lines are dropped. Returns the model values plus ``vacancies`` (a list of
    line values) and ``employer``; raises :class:`ValidationError` with every problem."""
    flat = {k: _text(v) for k, v in data.items() if k != "vacancies"}
    c = Checker(flat)
    values: dict = {}
    employer_id = c.get("employer_id")
    employer = db.session.scalar(select(Employer).where(Employer.id == employer_id, employers_of(survey_round))) \
        if employer_id else None
    if not employer_id:
        c.fail("employer_id", _("Please fill this in."))
    elif employer is None:
        c.fail("employer_id", _("Choose an employer of this round's area."))
    values["employer"] = employer
    visited_on = c.day("visited_on", required=True)
    if visited_on is not None:
        if visited_on > local_today():
            c.fail("visited_on", _("The date must not be in the future."))
        elif not survey_round.starts_on <= visited_on <= survey_round.ends_on:
            c.fail("visited_on", _("The date must lie within the round (%(start)s to %(end)s).",
                                   start=survey_round.starts_on.isoformat(), end=survey_round.ends_on.isoformat()))
    values["visited_on"] = visited_on
    for name, limit in TEXT_LIMITS.items():
        values[name] = c.text(name, limit, required=name == "staff_name")
    if values["contact_phone"] and not PHONE.match(values["contact_phone"]):
        c.fail("contact_phone", _("Digits, spaces, + and - only."))
    values["planned_hires"] = c.integer("planned_hires", 0, MAX_PLANNED, required=False)
    values["vacancies"] = _clean_lines(data.get("vacancies"), c)
    c.check()
    return values


def _text(value) -> str:
    """A raw value as the text a form would have sent (the tablet sends numbers as numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value) if isinstance(value, (int, float, str)) else "\x00"  # a list or object: never valid


def _clean_lines(lines, c: Checker) -> list[dict]:
    if lines is None:
        return []
    if not isinstance(lines, list):
        c.fail("vacancies", _("A list of vacancy lines is expected."))
        return []
    kept = [line for line in lines if not isinstance(line, dict) or any(_text(line.get(f)).strip()
                                                                          for f in VACANCY_FIELDS)]
    if len(kept) > MAX_VACANCY_LINES:
        c.fail("vacancies", _("At most %(num)d vacancy lines.", num=MAX_VACANCY_LINES))
        return []
    cleaned = []
    for n, line in enumerate(kept):
        if not isinstance(line, dict):
            c.fail(f"vacancies.{n}", _("A list of vacancy lines is expected."))
            continue
        def key(field: str, n=n) -> str:
            return f"vacancies.{n}.{field}"
        c.raw.update({key(f): _text(line.get(f)) for f in VACANCY_FIELDS})
        values = {"position": n,
                  "occupation": c.text(key("occupation"), OCCUPATION_LIMIT, required=True),
                  "count": c.integer(key("count"), *LINE_NUMBERS["count"]),
                  "wage_min": c.integer(key("wage_min"), *LINE_NUMBERS["wage_min"], required=False),
                  "wage_max": c.integer(key("wage_max"), *LINE_NUMBERS["wage_max"], required=False),
                  "wage_unit": c.choice(key("wage_unit"), WageUnit, default=WageUnit.month),
                  "requirements": c.text(key("requirements"), REQUIREMENTS_LIMIT)}
        if values["wage_min"] is not None and values["wage_max"] is not None \
                and values["wage_min"] > values["wage_max"]:
            c.fail(key("wage_max"), str(WAGE_ORDER), code="wage_below_min")
        cleaned.append(values)
    return cleaned


def vacancy_rules() -> dict:
    """A vacancy line's rules as the tablet receives them: each number's bounds, the required fields, and
    that the highest wage is not below the lowest (the messages are in the strings file)."""
    return {"numbers": {field: {"min": low, "max": high} for field, (low, high) in LINE_NUMBERS.items()},
            "required": ["occupation", "count"], "ordered": [["wage_min", "wage_max"]]}


def lines_from_form(form) -> list[dict]:
    """The vacancy lines of a submitted web form (fields named ``vacancies.<n>.<field>``), in order."""
    lines: dict[int, dict] = {}
    for name, value in form.items():
        match = _LINE_KEY.match(name)
        if match and match.group(2) in VACANCY_FIELDS:
            lines.setdefault(int(match.group(1)), {})[match.group(2)] = value
    return [lines[n] for n in sorted(lines)][:MAX_VACANCY_LINES + 1]


def record_visit(values: dict, survey_round: SurveyRound, visit_id: str | None = None, by=None,
                 device=None) -> EmployerVisit:
    """Add a visit from cleaned ``values`` (``visit_id``: the id the client made); audited with field names."""
    values = dict(values)
    lines = values.pop("vacancies")
    visit = EmployerVisit(round=survey_round, user_id=getattr(by, "id", None), device_id=getattr(device, "id", None),
                          vacancies=[VisitVacancy(**line) for line in lines], **values)
    if visit_id:
        visit.id = visit_id
    db.session.add(visit)
    db.session.flush()
    audit.record("survey.visit", user=by, device=device, entity=visit, lines=len(lines),
                 fields=sorted(k for k, v in values.items() if v not in (None, "")))
    return visit


def get_visit(visit_id: str, scope: Area) -> EmployerVisit | None:
    """The visit with ``visit_id`` if its round's area lies within ``scope``."""
    return db.session.scalar(select(EmployerVisit).join(SurveyRound).where(
        EmployerVisit.id == visit_id, within(SurveyRound.area_id, scope))
        .options(selectinload(EmployerVisit.vacancies).selectinload(VisitVacancy.posting)))


def visits_of(survey_round: SurveyRound, employer_id: str | None = None) -> list[EmployerVisit]:
    """A round's visits (only those to one employer if given), the latest first."""
    query = select(EmployerVisit).where(EmployerVisit.round_id == survey_round.id).options(
        selectinload(EmployerVisit.employer), selectinload(EmployerVisit.vacancies))
    if employer_id:
        query = query.where(EmployerVisit.employer_id == employer_id)
    return list(db.session.scalars(query.order_by(EmployerVisit.visited_on.desc(), EmployerVisit.created_at.desc())))


def visit_of_posting(posting_id: str) -> EmployerVisit | None:
    """The visit whose vacancy line a posting was made from, if any."""
    return db.session.scalar(select(EmployerVisit).join(VisitVacancy).where(VisitVacancy.posting_id == posting_id))


# Draft postings -------------------------------------------------------------------------------------------

class _Taken(Exception):
    """A vacancy line got its posting from a concurrent request meanwhile."""


def create_draft_postings(visit: EmployerVisit, by=None) -> list:
    """One draft posting per vacancy line that has none yet, filled in from the line and the visit: the
    occupation as the Chinese title (the office checks and translates it before publishing), the count as
    openings, the wages, the requirements, the employer's work contact.

    Pressing twice makes none twice, also when the two presses run at once: each line is claimed by a
    conditional update (``posting_id IS NULL``); a line claimed by the other request meanwhile undoes its
    own posting (a savepoint), audit entry included."""
    employer = visit.employer
    made = []
    for line in visit.vacancies:
        if line.posting_id is not None:
            continue
        values = {"employer": employer, "new_employer": None, "sector": employer.sector, "openings": line.count,
                  "wage_min": line.wage_min, "wage_max": line.wage_max, "wage_unit": line.wage_unit,
                  "area_id": employer.area_id or visit.round.area_id, "housing": False, "meals": False,
                  "transport": False, "valid_until": None, "contact_name": visit.contact_name,
                  "contact_phone": visit.contact_phone,
                  "texts": {"zh": {"title": line.occupation, "description": "", "requirements": line.requirements,
                                   "work_place": ""}}}
        try:
            with db.session.begin_nested():
                posting = postings.create(values, by=by, via="survey")
                claimed = db.session.execute(update(VisitVacancy).where(
                    VisitVacancy.id == line.id, VisitVacancy.posting_id.is_(None)).values(posting_id=posting.id))
                if claimed.rowcount != 1:
                    raise _Taken()
        except _Taken:
            pass
        else:
            made.append(posting)
        db.session.expire(line)  # its posting_id was set (by this request or the other) outside the ORM
    return made


def visit_form_values(survey_round: SurveyRound, user=None, employer_id: str = "") -> dict:
    """The values a new visit form starts with: today (within the round), the user's name, one empty line."""
    today = local_today()
    day = min(max(today, survey_round.starts_on), survey_round.ends_on)
    return {"employer_id": employer_id, "visited_on": day.isoformat(),
            "staff_name": getattr(user, "display_name", "") or getattr(user, "username", ""),
            "vacancies": [{}]}
