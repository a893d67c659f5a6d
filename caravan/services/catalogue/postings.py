"""Job postings: checking, creating, changing, publishing and finding them.

Forms pass the employer's id, the CSV import its Chinese name; everything else is checked the same way.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Employer, Posting, PostingTranslation, PublishStatus, Sector, WageUnit
from caravan.services import alerts, audit
from caravan.services.catalogue import employers as employer_service
from caravan.services.catalogue.fields import Checker, ValidationError, changed_fields
from caravan.services.scope import area_within, within
from caravan.services.catalogue.status import change_status
from caravan.services.catalogue.texts import apply_texts, clean_texts, local_today, missing_languages
from caravan.services.catalogue.texts import form_values as text_values
from caravan.services.codes import new_code

TEXT_LIMITS = {"title": 200, "description": 4000, "requirements": 2000, "work_place": 200}
MAX_OPENINGS = 10_000
MAX_WAGE = 1_000_000
#: The fields of a posting itself (besides its texts), as named in forms and CSV columns.
FIELDS = ("employer", "sector", "openings", "wage_min", "wage_max", "wage_unit", "area", "housing", "meals",
          "transport", "valid_until")


def clean(raw, scope: Area, employer_by: str = "id", new_employers: bool = False) -> dict:
    """Check a posting's raw values; returns the model values plus ``texts`` and ``employer``.

    ``employer_by`` is ``id`` (forms) or ``name`` (CSV: the Chinese name). With ``new_employers`` an
    unknown name is not a problem: ``new_employer`` then holds the name to create.
    """
    c = Checker(raw)
    values: dict = {"employer": None, "new_employer": None}
    key = c.get("employer")
    if not key:
        c.fail("employer", _("Please fill this in."))
    else:
        employer = _find_employer(key, employer_by, scope)
        if employer is not None:
            values["employer"] = employer
        elif employer_by == "name" and new_employers and employer_service.by_name(key) is not None:
            # Held by another township: neither theirs to use here nor a name to give a second employer.
            c.fail("employer", _("An employer with this name exists already."))
        elif employer_by == "name" and new_employers and len(key) <= 200:
            values["new_employer"] = key
        else:
            c.fail("employer", _("No employer of that name in your area: add it under Employers first.")
                   if employer_by == "name" else _("Choose an employer."))
    values["sector"] = c.choice("sector", Sector, default=Sector.other)
    values["openings"] = c.integer("openings", 1, MAX_OPENINGS)
    values["wage_min"] = c.integer("wage_min", 0, MAX_WAGE, required=False)
    values["wage_max"] = c.integer("wage_max", 0, MAX_WAGE, required=False)
    if values["wage_min"] is not None and values["wage_max"] is not None and values["wage_min"] > values["wage_max"]:
        c.fail("wage_max", _("The highest wage must not be below the lowest."))
    values["wage_unit"] = c.choice("wage_unit", WageUnit, default=WageUnit.month)
    area = c.area(scope)
    values["area_id"] = area.id if area else None
    for flag in ("housing", "meals", "transport"):
        values[flag] = c.boolean(flag)
    values["valid_until"] = c.day("valid_until")
    values["contact_name"] = c.text("contact_name", 100)
    values["contact_phone"] = c.text("contact_phone", 32)
    if values["contact_phone"] and not employer_service.PHONE.match(values["contact_phone"]):
        c.fail("contact_phone", _("Digits, spaces, + and - only."))
    values["texts"] = clean_texts(c, TEXT_LIMITS)
    c.check()
    return values


def _find_employer(key: str, employer_by: str, scope: Area) -> Employer | None:
    if employer_by == "name":
        query = select(Employer).where(Employer.name_zh == key)
    else:
        query = select(Employer).where(Employer.id == key)
    return db.session.scalar(query.where(employer_service.visible(scope)))


def publish_problems(posting_values: dict) -> dict[str, list[str]]:
    """Why a posting with these values may not be published (empty when it may)."""
    problems: dict[str, list[str]] = {}
    valid_until = posting_values.get("valid_until")
    if valid_until is not None and valid_until < local_today():
        problems["valid_until"] = [_("The closing date has passed: change it before publishing.")]
    return problems


def create(values: dict, by=None, status: PublishStatus = PublishStatus.draft, **detail) -> Posting:
    """Add a posting from cleaned ``values`` with a new short code; audited as ``posting.create``."""
    values = dict(values)
    texts = values.pop("texts")
    new_employer = values.pop("new_employer", None)
    if status == PublishStatus.published:  # before anything is added, so a refused row leaves no trace
        problems = publish_problems(values)
        if problems:
            raise ValidationError(problems)
    if new_employer:
        values["employer"] = employer_service.by_name(new_employer) or employer_service.create(
            {"name_zh": new_employer, "sector": values["sector"], "area_id": values["area_id"]}, by=by, **detail)
    posting = Posting(code=new_code(Posting), status=status, **values)
    apply_texts(posting, PostingTranslation, texts)
    db.session.add(posting)
    db.session.flush()
    audit.record("posting.create", user=by, entity=posting, code=posting.code, status=status.value,
                 languages=sorted(texts), **detail)
    if status == PublishStatus.published:
        alerts.queue_for(posting)
    return posting


def update(posting: Posting, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values`` (texts too); audits the names of changed fields as ``posting.update``."""
    values = dict(values)
    texts = values.pop("texts")
    values.pop("new_employer", None)
    if posting.status == PublishStatus.published:
        problems = publish_problems(values)
        if problems:
            raise ValidationError(problems)
    employer = values.pop("employer")
    changed = changed_fields(posting, values)
    if posting.employer_id != employer.id:
        posting.employer = employer
        changed.append("employer")
    changed += apply_texts(posting, PostingTranslation, texts)
    if changed:
        db.session.flush()
        audit.record("posting.update", user=by, entity=posting, changed=sorted(changed))
    return changed


def set_status(posting: Posting, status: PublishStatus, by=None) -> bool:
    """Publish, close or return a posting to draft; False when it already had that status.

    Publishing checks the closing date and the Chinese title; raises :class:`ValidationError`.
    """
    if posting.status == status:
        return False
    if status == PublishStatus.published:
        problems = publish_problems({"valid_until": posting.valid_until})
        if posting.text("zh") is None or not posting.text("zh").title:
            problems.setdefault("title_zh", []).append(_("A Chinese title is needed."))
        if problems:
            raise ValidationError(problems)
    change_status(posting, status, "posting", by)
    if status == PublishStatus.published:  # online now: tell the residents who asked (once per posting)
        alerts.queue_for(posting)
    return True


def in_area(scope: Area):
    """A SQL condition: postings whose work place lies within ``scope`` (none given: the county's)."""
    return within(Posting.area_id, scope)


def get(posting_id: str, scope: Area) -> Posting | None:
    """The posting with ``posting_id`` if it lies within ``scope``."""
    return db.session.scalar(select(Posting).where(Posting.id == posting_id, in_area(scope)))


def search(scope: Area, text: str = "", status: str = "", sector: str = "", employer: str = "",
           area: str = "", page: int = 1, per_page: int = 25):
    """Postings within ``scope`` filtered by status, sector, employer id, area code (and below) and a
    text found in a title (any language), the code or the employer's name; newest change first, paged."""
    query = _search_query(scope, text, status, sector, employer, area)
    return db.paginate(query, page=max(page, 1), per_page=per_page, error_out=False, count=True)


def every_match(scope: Area, text: str = "", status: str = "", sector: str = "", employer: str = "",
                area: str = "") -> list[Posting]:
    """Every posting :func:`search` finds with the same filters, in the same order (for an export)."""
    return list(db.session.scalars(_search_query(scope, text, status, sector, employer, area)))


def _search_query(scope: Area, text: str, status: str, sector: str, employer: str, area: str):
    query = select(Posting).where(in_area(scope)).options(
        selectinload(Posting.translations), selectinload(Posting.employer), selectinload(Posting.area))
    if status in PublishStatus.__members__:
        query = query.where(Posting.status == PublishStatus(status))
    if sector in Sector.__members__:
        query = query.where(Posting.sector == Sector(sector))
    if employer:
        query = query.where(Posting.employer_id == employer)
    if area:
        chosen = area_within(area, scope)
        query = query.where(within(Posting.area_id, chosen) if chosen else Posting.id.is_(None))
    text = text.strip()
    if text:
        like = f"%{text}%"
        query = query.where(or_(
            Posting.code == text.upper(),
            exists().where(PostingTranslation.posting_id == Posting.id,
                           or_(PostingTranslation.title.ilike(like), PostingTranslation.work_place.ilike(like))),
            exists().where(Employer.id == Posting.employer_id,
                           or_(Employer.name_zh.ilike(like), Employer.name_ug.ilike(like),
                               Employer.name_en.ilike(like)))))
    return query.order_by(Posting.updated_at.desc(), Posting.code)


def form_values(posting: Posting) -> dict[str, str]:
    """A posting's values as form strings."""
    values = {
        "employer": posting.employer_id, "sector": posting.sector.value, "openings": str(posting.openings),
        "wage_min": "" if posting.wage_min is None else str(posting.wage_min),
        "wage_max": "" if posting.wage_max is None else str(posting.wage_max),
        "wage_unit": posting.wage_unit.value, "area": posting.area.code if posting.area else "",
        "housing": "1" if posting.housing else "", "meals": "1" if posting.meals else "",
        "transport": "1" if posting.transport else "",
        "valid_until": posting.valid_until.isoformat() if posting.valid_until else "",
        "contact_name": posting.contact_name, "contact_phone": posting.contact_phone,
    }
    values.update(text_values(posting))
    return values


__all__ = ["FIELDS", "TEXT_LIMITS", "clean", "create", "form_values", "get", "missing_languages", "search",
           "set_status", "update"]
