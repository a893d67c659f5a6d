"""Training and policy notices: checked, created, changed, published and found like postings, but simpler.

Notices have no area: they are county-wide, so every office user sees and keeps them.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import Notice, NoticeKind, NoticeTranslation, PublishStatus
from caravan.services import audit
from caravan.services.catalogue.fields import Checker, ValidationError, changed_fields
from caravan.services.catalogue.status import change_status
from caravan.services.catalogue.texts import apply_texts, clean_texts, local_today
from caravan.services.catalogue.texts import form_values as text_values
from caravan.services.codes import new_code

TEXT_LIMITS = {"title": 200, "body": 8000}


def clean(raw) -> dict:
    """Check a notice's raw values: kind, valid until, and a title and body per language."""
    c = Checker(raw)
    values = {"kind": c.choice("kind", NoticeKind), "valid_until": c.day("valid_until")}
    if not c.get("kind"):
        c.errors.pop("kind", None)
        c.fail("kind", _("Please fill this in."))
    values["texts"] = clean_texts(c, TEXT_LIMITS)
    c.check()
    return values


def _publish_problems(valid_until) -> dict[str, list[str]]:
    if valid_until is not None and valid_until < local_today():
        return {"valid_until": [_("The closing date has passed: change it before publishing.")]}
    return {}


def create(values: dict, by=None) -> Notice:
    """Add a draft notice with a new short code; audited as ``notice.create``."""
    values = dict(values)
    texts = values.pop("texts")
    notice = Notice(code=new_code(Notice), status=PublishStatus.draft, **values)
    apply_texts(notice, NoticeTranslation, texts)
    db.session.add(notice)
    db.session.flush()
    audit.record("notice.create", user=by, entity=notice, code=notice.code, languages=sorted(texts))
    return notice


def update(notice: Notice, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values``; audits changed field names as ``notice.update``."""
    values = dict(values)
    texts = values.pop("texts")
    if notice.status == PublishStatus.published:
        problems = _publish_problems(values["valid_until"])
        if problems:
            raise ValidationError(problems)
    changed = changed_fields(notice, values) + apply_texts(notice, NoticeTranslation, texts)
    if changed:
        db.session.flush()
        audit.record("notice.update", user=by, entity=notice, changed=sorted(changed))
    return changed


def set_status(notice: Notice, status: PublishStatus, by=None) -> bool:
    """Publish, close or return to draft; False when unchanged; :class:`ValidationError` if expired."""
    if notice.status == status:
        return False
    if status == PublishStatus.published:
        problems = _publish_problems(notice.valid_until)
        if problems:
            raise ValidationError(problems)
    change_status(notice, status, "notice", by)
    return True


def get(notice_id: str) -> Notice | None:
    """The notice with ``notice_id``."""
    return db.session.get(Notice, notice_id)


def search(text: str = "", status: str = "", kind: str = "", page: int = 1, per_page: int = 25):
    """Notices filtered by status, kind and a text in a title (any language) or the code; paged."""
    return db.paginate(_search_query(text, status, kind), page=max(page, 1), per_page=per_page, error_out=False,
                       count=True)


def every_match(text: str = "", status: str = "", kind: str = "") -> list[Notice]:
    """Every notice :func:`search` finds with the same filters, in the same order (for an export), with their
    sessions loaded."""
    return list(db.session.scalars(_search_query(text, status, kind).options(selectinload(Notice.sessions))))


def _search_query(text: str, status: str, kind: str):
    query = select(Notice).options(selectinload(Notice.translations))
    if status in PublishStatus.__members__:
        query = query.where(Notice.status == PublishStatus(status))
    if kind in NoticeKind.__members__:
        query = query.where(Notice.kind == NoticeKind(kind))
    text = text.strip()
    if text:
        query = query.where(or_(Notice.code == text.upper(), exists().where(
            NoticeTranslation.notice_id == Notice.id, NoticeTranslation.title.ilike(f"%{text}%"))))
    return query.order_by(Notice.updated_at.desc(), Notice.code)


def form_values(notice: Notice) -> dict[str, str]:
    """A notice's values as form strings."""
    values = {"kind": notice.kind.value,
              "valid_until": notice.valid_until.isoformat() if notice.valid_until else ""}
    values.update(text_values(notice))
    return values
