"""What residents may read: published postings and notices that are still valid, and events by code.

A posting's page answers one of three ways: open (published and not past its date), gone (closed, or
published but expired: the page says so with 410), or unknown (no such code, or a draft never published:
404, so drafts stay invisible).
"""
from __future__ import annotations

import enum
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from caravan.extensions import db
from caravan.models import Event, Notice, Posting, PublishStatus


class Availability(enum.StrEnum):
    open = "open"
    gone = "gone"
    unknown = "unknown"


def local_today() -> date:
    """Today in the county's time zone: a posting valid until a date is valid all that local day."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def posting_by_code(code: str) -> Posting | None:
    """The posting with ``code`` (any status), its translations and employer loaded."""
    if not code or len(code) > 12:
        return None
    return db.session.scalar(
        select(Posting).where(Posting.code == code.upper())
        # Two queries in all: the posting joined to its employer and area, then its translations.
        .options(joinedload(Posting.employer), joinedload(Posting.area), selectinload(Posting.translations)))


def posting_availability(posting: Posting | Notice | None, today: date | None = None) -> Availability:
    """Whether residents may read ``posting`` (or a notice) now; see the module docstring."""
    if posting is None or posting.status == PublishStatus.draft:
        return Availability.unknown
    today = today or local_today()
    if posting.status == PublishStatus.closed or (posting.valid_until and posting.valid_until < today):
        return Availability.gone
    return Availability.open


def notice_by_code(code: str) -> Notice | None:
    """The training or policy notice with ``code`` (any status), its translations loaded."""
    if not code or len(code) > 12:
        return None
    return db.session.scalar(select(Notice).where(Notice.code == code.upper())
                             .options(selectinload(Notice.translations)))


def is_open(item: Posting | Notice, today: date) -> bool:
    """Published and not past its date (postings and notices alike)."""
    return item.status == PublishStatus.published and (item.valid_until is None or item.valid_until >= today)


def event_by_code(code: str) -> Event | None:
    """The event with ``code``, with its postings (and their texts and employers) and notices loaded."""
    if not code or len(code) > 12:
        return None
    return db.session.scalar(
        select(Event).where(Event.code == code.upper())
        .options(selectinload(Event.area),
                 selectinload(Event.postings).selectinload(Posting.translations),
                 selectinload(Event.postings).selectinload(Posting.employer),
                 selectinload(Event.postings).selectinload(Posting.area),
                 selectinload(Event.notices).selectinload(Notice.translations)))


def translated(item, locale: str, fields: tuple[str, ...]) -> tuple[dict[str, str], bool]:
    """``item``'s texts in ``locale``, field by field, falling back to Chinese where one is missing.

    Returns the texts and whether any of them fell back (the page then says so).
    """
    by_lang = {t.lang: t for t in item.translations}
    own, chinese = by_lang.get(locale), by_lang.get("zh") or next(iter(by_lang.values()), None)
    texts, fell_back = {}, False
    for name in fields:
        value = getattr(own, name, "") if own else ""
        if not value and chinese is not None and getattr(chinese, name, ""):
            value, fell_back = getattr(chinese, name), fell_back or chinese is not own
        texts[name] = value or ""
    return texts, fell_back
