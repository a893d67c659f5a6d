"""Rendered resident pages kept per process, so a phone's request costs one small query, not a render.

What a page shows depends on the catalogue (postings, events, notices, employers, areas and their
texts), the language, the county's date and, for the home and posting pages, whether this phone keeps a
pass. A kept page is therefore keyed by path, language and that one yes/no, and is used only while:

- the catalogue has not changed: every change of it adds a row to the change feed in the same
  transaction (:mod:`caravan.services.changes`), so the feed's highest number, read on every request,
  tells every server process at once that a posting was closed, edited or published;
- it is still the same day in the county: a posting past its closing date goes without any write;
- it is younger than ``PUBLIC_PAGE_CACHE_SECONDS``: what time alone changes within a day (an event that
  has just ended leaves the home page) shows within that bound.

Nothing per person is kept: a signed-in staff member's pages (their name, a sign-out form) and a posting's
or course's page that shows the resident's own interest in it are never kept nor served from here; a form's CSRF token is left as a slot in the kept page and filled for each
response (:data:`CSRF_SLOT`); cookies and headers are never kept, only the body and status.
"""
from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from flask import current_app, make_response, request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy import func, select

from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.models import Change
from caravan.services import listings

#: Stands in a kept page where a CSRF token goes; templates write it with ``{{ csrf_slot }}``.
CSRF_SLOT = "\x00csrf\x00"
_SLOT = CSRF_SLOT.encode()
#: Pages kept per process at most, the least recently used dropped first (query strings vary on /jobs).
MAX_PAGES = 512
#: Statuses worth keeping: a page and a closed posting's page (404s come from any typed code).
KEPT_STATUSES = (200, 410)


@dataclass(frozen=True)
class _Kept:
    version: int
    day: date
    born: float
    body: bytes
    status: int
    mimetype: str


class PageCache:
    """A bounded, thread-safe map from a page's key to its last rendering."""

    def __init__(self, max_pages: int = MAX_PAGES):
        self._pages: OrderedDict[tuple, _Kept] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_pages

    def get(self, key: tuple) -> _Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is not None:
                self._pages.move_to_end(key)
            return kept

    def put(self, key: tuple, kept: _Kept) -> None:
        with self._lock:
            self._pages[key] = kept
            self._pages.move_to_end(key)
            while len(self._pages) > self._max:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


_VERSION_SQL = select(func.max(Change.seq))


def catalogue_version() -> int:
    """The change feed's highest number: it grows with every committed change of the catalogue.

    Read on a connection of its own, outside the request's session: a page served from here then opens
    no session at all, which is most of what it costs."""
    with db.engine.connect() as connection:
        return connection.scalar(_VERSION_SQL) or 0


def _cache() -> PageCache:
    return current_app.extensions.setdefault("caravan.page_cache", PageCache())


def cached_page(vary_on_pass=None, personal=None):
    """Keep the view's rendered page as the module docstring says. ``vary_on_pass``, if given, returns
    whether this phone keeps a pass; the page is then kept once for each answer. ``personal``, if given,
    is called with the view's arguments and returns whether the page shows this phone's own data (its
    pass's interest in the posting): such a page is rendered for the request and never kept."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(**kwargs):
            seconds = current_app.config["PUBLIC_PAGE_CACHE_SECONDS"]
            if seconds <= 0 or current_user.is_authenticated or (personal and personal(**kwargs)):
                return _fill(make_response(view(**kwargs)))
            key = (request.endpoint, request.full_path, current_locale_str(),
                   bool(vary_on_pass()) if vary_on_pass else None)
            version, day, now = catalogue_version(), listings.local_today(), time.monotonic()
            kept = _cache().get(key)
            if kept is None or kept.version != version or kept.day != day or now - kept.born > seconds:
                response = make_response(view(**kwargs))
                if response.status_code not in KEPT_STATUSES:
                    return _fill(response)
                kept = _Kept(version, day, now, response.get_data(), response.status_code,
                             response.mimetype)
                _cache().put(key, kept)
            response = current_app.response_class(kept.body, status=kept.status, mimetype=kept.mimetype)
            return _fill(response)

        return wrapper

    return decorate


def _fill(response):
    """Put this response's own CSRF token where the page has a slot for one."""
    body = response.get_data()
    if _SLOT in body:
        response.set_data(body.replace(_SLOT, generate_csrf().encode()))
    return response
