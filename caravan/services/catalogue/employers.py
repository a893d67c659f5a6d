"""Employers: checking, creating, changing and finding them."""
from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Area, Employer, Sector
from caravan.services import audit
from caravan.services.catalogue.fields import Checker, changed_fields
from caravan.services.scope import ancestors, get_within, is_county_level, subtree, within

PHONE = re.compile(r"^[0-9+\- ()]{5,32}$")


def visible(area: Area):
    """A SQL condition: employers an office user of ``area`` may see and pick for a posting.

    Those based within the area, county-wide ones (no area) and those based in the areas above it:
    a township office posts jobs of a county firm too.
    """
    return or_(Employer.area_id.is_(None), Employer.area_id.in_(subtree(area)),
               Employer.area_id.in_(ancestors(area)))


def editable(employer: Employer, area: Area) -> bool:
    """Whether an office user of ``area`` may change ``employer``."""
    return employer.id in editable_ids([employer], area)


def editable_ids(rows: list[Employer], area: Area) -> set[str]:
    """The ids of those of ``rows`` that an office user of ``area`` may change, in one query."""
    if not rows:
        return set()
    return set(db.session.scalars(select(Employer.id).where(Employer.id.in_([e.id for e in rows]),
                                                             within(Employer.area_id, area))))


def get_editable(employer_id: str, area: Area) -> Employer | None:
    """The employer with ``employer_id`` if an office user of ``area`` may change it: one based within
    the area (a county-wide one for a county-level user only)."""
    return get_within(Employer, employer_id, area)


def clean(raw, scope: Area, current: Employer | None = None) -> dict:
    """Check an employer's fields (raw strings); the values for the model, or :class:`ValidationError`."""
    c = Checker(raw)
    values = {
        "name_zh": c.text("name_zh", 200, required=True),
        "name_ug": c.text("name_ug", 200),
        "name_en": c.text("name_en", 200),
        "sector": c.choice("sector", Sector, default=Sector.other),
        "contact_name": c.text("contact_name", 100),
        "contact_phone": c.text("contact_phone", 32),
    }
    if values["contact_phone"] and not PHONE.match(values["contact_phone"]):
        c.fail("contact_phone", _("Digits, spaces, + and - only."))
    area = c.area(scope, required=not is_county_level(scope))  # the county may name no area: county-wide
    values["area_id"] = area.id if area else None
    if values["name_zh"]:
        same = db.session.scalar(select(Employer).where(Employer.name_zh == values["name_zh"]))
        if same is not None and same is not current:
            c.fail("name_zh", _("An employer with this name exists already."))
    c.check()
    return values


def by_name(name_zh: str) -> Employer | None:
    """The employer whose Chinese name is exactly ``name_zh``."""
    return db.session.scalar(select(Employer).where(Employer.name_zh == name_zh.strip()))


def create(values: dict, by=None, **detail) -> Employer:
    """Add an employer from cleaned ``values`` and note it in the audit log."""
    employer = Employer(**values)
    db.session.add(employer)
    db.session.flush()
    audit.record("employer.create", user=by, entity=employer, fields=sorted(k for k, v in values.items() if v),
                 **detail)
    return employer


def update(employer: Employer, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values``; audit the names of the fields that changed (if any)."""
    changed = changed_fields(employer, values)
    if changed:
        db.session.flush()
        audit.record("employer.update", user=by, entity=employer, changed=changed)
    return changed


def search(scope: Area, text: str = "", sector: str = "", page: int = 1, per_page: int = 50):
    """Employers visible from ``scope`` matching ``text`` (any name or contact) and ``sector``, paged."""
    return db.paginate(_search_query(scope, text, sector), page=max(page, 1), per_page=per_page, error_out=False,
                       count=True)


def every_match(scope: Area, text: str = "", sector: str = "") -> list[Employer]:
    """Every employer :func:`search` finds with the same filters, in the same order (for an export)."""
    return list(db.session.scalars(_search_query(scope, text, sector)))


def _search_query(scope: Area, text: str, sector: str):
    query = select(Employer).where(visible(scope)).options(selectinload(Employer.area))
    if text:
        like = f"%{text.strip()}%"
        query = query.where(or_(Employer.name_zh.ilike(like), Employer.name_ug.ilike(like),
                                Employer.name_en.ilike(like), Employer.contact_name.ilike(like)))
    if sector in Sector.__members__:
        query = query.where(Employer.sector == Sector(sector))
    return query.order_by(func.lower(Employer.name_zh))


def choices(scope: Area) -> list[Employer]:
    """Every employer visible from ``scope``, for a picker."""
    return list(db.session.scalars(select(Employer).where(visible(scope)).order_by(Employer.name_zh)))
