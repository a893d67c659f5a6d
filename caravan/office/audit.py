"""The office's audit log page: who changed what, filtered by action, user and date."""
from __future__ import annotations

from datetime import date

from flask import url_for
from flask_babel import gettext as _

from caravan.auth.access import role_required
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import DateOutOfRange, list_response, page_number, query_args, query_date, query_int, scope
from caravan.services import audit_log


#: The office page of a record named by an entry, by its table: the clerk follows an entry to what it changed.
#: Staff members are left out: their page is the administrator's. A record out of the clerk's area answers
#: "not found" there, as everywhere.
RECORD_PAGES = {
    "postings": ("office.posting_edit", "posting_id"), "notices": ("office.notice_edit", "notice_id"),
    "employers": ("office.employer_edit", "employer_id"), "events": ("office.event_results_page", "event_id"),
    "attendees": ("office.resident_show", "attendee_id"),
}


def record_page(entry) -> str | None:
    """The URL of the office page of the record an audit entry names, if it has one."""
    page = RECORD_PAGES.get(entry.entity_type or "")
    if not page or not entry.entity_id:
        return None
    endpoint, argument = page
    return url_for(endpoint, **{argument: entry.entity_id})


def _day(value: str, errors: list[str]) -> date | None:
    # Said on the page, not as an error status: the filter redraws as the date is typed (htmx swaps no 400),
    # and a year typed digit by digit passes through 0002, 0020 and 0202 on its way to 2026.
    try:
        return query_date(value)
    except DateOutOfRange:
        errors.append(_("This date is out of range."))
        return None
    except ValueError:
        errors.append(_("Enter a date as YYYY-MM-DD."))
        return None


@bp.route("/audit")
@role_required(Role.office)
def audit_log_page():
    """Entries by staff of the user's area and below, newest first, 50 a page."""
    filters = query_args("action", "user", "from", "to")
    errors: list[str] = []
    day_from, day_to = _day(filters["from"], errors), _day(filters["to"], errors)
    user_id = query_int("user")
    actions = audit_log.actions(scope())
    results = audit_log.search(scope(), action=filters["action"], user_id=user_id, day_from=day_from,
                               day_to=day_to, page=page_number())
    return list_response("office/audit.html", "office/_audit_table.html", results=results, filters=filters,
                         errors=errors, actions=actions, record_page=record_page, staff=audit_log.staff(scope()),
                         action_groups=sorted({a.split(".")[0] + "." for a in actions}))
