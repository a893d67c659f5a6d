"""What the office catalogue views share: the user's area, paging, fragment-or-page answers."""
from __future__ import annotations

from flask import make_response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from caravan.services.catalogue.fields import ValidationError


def scope():
    """The area whose data the signed-in user sees (their own and below)."""
    return current_user.area


def page_number() -> int:
    """The ``page`` query argument, 1 when absent or wrong."""
    return max(request.args.get("page", 1, type=int) or 1, 1)


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


def query_args(*names: str) -> dict[str, str]:
    """The named query arguments as stripped strings ('' when absent), for filters."""
    return {name: (request.args.get(name) or "").strip()[:200] for name in names}
