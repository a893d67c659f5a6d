"""What the office catalogue views share: the user's area, paging, fragment-or-page answers."""
from __future__ import annotations

from datetime import date

from flask import abort, make_response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from caravan.models import PublishStatus
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import load_tree


def scope():
    """The area whose data the signed-in user sees (their own and below). The area tree is read with it, in
    the one statement that loading the user's area took anyway (see :mod:`caravan.services.scope`)."""
    load_tree()
    return current_user.area


#: No list has this many pages; a larger number would overflow the database's OFFSET (a 500), so it is 404.
MAX_PAGE = 100_000
#: Dates outside these years are mistakes or probes: they would overflow the time-zone arithmetic.
MIN_YEAR, MAX_YEAR = 1900, 2999


def page_number() -> int:
    """The ``page`` query argument: 1 when absent, 400 when not a whole number from 1, 404 past MAX_PAGE."""
    value = query_int("page")
    if value is None:
        return 1
    if value < 1:
        abort(400)
    if value > MAX_PAGE:
        abort(404)
    return value


def query_int(name: str) -> int | None:
    """The named query argument as a whole number, None when absent or empty, 400 when it is no number
    (ASCII digits only, at most 18 of them: a bigger one fits no database column)."""
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    digits = raw[1:] if raw.startswith("-") else raw
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 18):
        abort(400)
    return int(raw)


class DateOutOfRange(ValueError):
    """A date no one means in a filter (before MIN_YEAR or after MAX_YEAR)."""


def query_date(raw: str) -> date | None:
    """A date typed as YYYY-MM-DD in a filter: None when empty; ValueError when not a date and
    :class:`DateOutOfRange` when it is a date no one means, so that the page can say which."""
    if not raw:
        return None
    day = date.fromisoformat(raw)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DateOutOfRange(raw)
    return day


def wants_fragment() -> bool:
    """An htmx request for a part of the page (a history restore needs the whole page)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def list_response(page_template: str, fragment_template: str, **context):
    """The fragment for htmx, the full page otherwise; both vary on HX-Request for caches."""
    template = fragment_template if wants_fragment() else page_template
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response


def form_error_response(template: str, exc: ValidationError, **context):
    """The form again with every problem beside its field, as 422."""
    response = make_response(render_template(
        template, errors=exc.errors, alert=_("Please correct the marked fields."), **context), 422)
    return response


#: The status buttons above a posting's or notice's form submit the form with ``then=<action>``.
STATUS_ACTIONS = {"publish": PublishStatus.published, "close": PublishStatus.closed, "draft": PublishStatus.draft}


def status_after_save() -> PublishStatus | None:
    """The status a form's button asks for once the form is saved (None: just save; 400 if unknown)."""
    action = request.form.get("then")
    if not action:
        return None
    return STATUS_ACTIONS.get(action) or abort(400)


def query_args(*names: str) -> dict[str, str]:
    """The named query arguments as stripped strings ('' when absent), for filters."""
    return {name: (request.args.get(name) or "").strip()[:200] for name in names}
