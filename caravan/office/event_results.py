"""An event's page: what it achieved (its results), refreshed while it is on, and exported as CSV or XLSX."""
from __future__ import annotations

from flask import abort, make_response, render_template
from flask_babel import gettext as _
from flask_login import current_user

from caravan import charts
from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.labels import GROUPS, SERVICE_KINDS
from caravan.models import Role
from caravan.models.base import utcnow
from caravan.office import bp
from caravan.office.common import scope, wants_fragment
from caravan.services import audit, exports, fairs, stats
from caravan.services.catalogue import events
from caravan.services.catalogue.texts import app_zone
from caravan.services.event_results import Results, event_results, export_rows, is_live

#: How often a live event's page fetches its figures again (tablets sync every few minutes).
POLL_SECONDS = 30


def results_charts(results: Results, locale: str) -> dict:
    """The results page's charts: arrivals by hour and services by kind (both bars)."""
    return {
        "arrivals": charts.bar(_("Arrivals by hour"), [hour.strftime("%H:00") for hour, _n in results.hours],
                               [n for _hour, n in results.hours], locale),
        "services": charts.bar(_("Services by kind"), [str(SERVICE_KINDS[k]) for k in results.services],
                               [given + tallied for given, tallied in results.services.values()], locale),
    }


@bp.route("/events/<event_id>")
@role_required(Role.office)
def event_results_page(event_id: str):
    """An event's results; while it is on, htmx fetches the figures fragment again every POLL_SECONDS."""
    event = events.get(event_id, scope()) or abort(404)
    results = event_results(event)
    live = is_live(event)
    template = "office/_event_figures.html" if wants_fragment() else "office/event_results.html"
    response = make_response(render_template(
        template, event=event, results=results, live=live, poll_seconds=POLL_SECONDS, as_of=utcnow(),
        charts=results_charts(results, current_locale_str()), staff_kinds=stats.STAFF_KINDS,
        fair=fairs.results(event) if fairs.is_fair(event) and not wants_fragment() else None))
    response.vary.add("HX-Request")
    if live:
        response.headers["Cache-Control"] = "no-store"  # the figures change as tablets sync
    return response


def _export_labels(locale: str) -> dict:
    return {
        "section": _("Section"), "item": _("Item"), "count": _("Count"),
        "tallied": _("Of which counted without registering"),
        "attendance": _("Attendance"), "people": _("People"), "visits": _("Visits (check-ins)"),
        "visitors": _("Visitors without registration"), "registrations": _("New registrations"),
        "groups": {k: str(v) for k, v in GROUPS.items()}, "services": _("Services given"),
        "service_kinds": {k: str(v) for k, v in SERVICE_KINDS.items()}, "interests": _("Interests by posting"),
        "courses": _("Interests by training course"),
        "posting": lambda p: (f"{p.code} {(p.text(locale).title if p.text(locale) else '')}".strip()
                              if p is not None else _("(posting removed)")),
        "course": lambda n: (f"{n.code} {(n.text(locale).title if n.text(locale) else '')}".strip()
                             if n is not None else _("(training course removed)")),
        "staff": _("By staff member"), "tablets": _("By tablet"), "not_named": _("not named (older tablet app)"),
        "no_tablet": _("made online (no tablet)"),
        "staff_kinds": {"checkins": _("Check-ins"), "registrations": _("Registrations"),
                        "services": _("Services given"), "interests": _("Job interests"),
                        "course_interests": _("Interests in training courses"),
                        "tallied": _("Counted without registering")},
        "arrivals": _("Arrivals by hour"), "earlier": _("Before the first hour"), "later": _("After the last hour"),
    }


@bp.route("/events/<event_id>/results.<fmt>")
@role_required(Role.office)
def event_results_export(event_id: str, fmt: str):
    """The event's results as a CSV or XLSX file (counts and staff names, no resident); audited."""
    if fmt not in exports.FORMATS:
        abort(404)
    event = events.get(event_id, scope()) or abort(404)
    locale = current_locale_str()
    header, rows = export_rows(event_results(event), _export_labels(locale))
    # Staff members' names are personal data: who exported which event, and how many rows, is kept.
    audit.record("event.export", user=current_user, entity=event, format=fmt, rows=len(rows))
    db.session.commit()
    local_day = event.starts_at.astimezone(app_zone()).strftime("%Y-%m-%d")
    name = _("event-results")
    return exports.download(f"{name}-{event.code}-{local_day}", fmt, header, rows, title=_("Event results"))
