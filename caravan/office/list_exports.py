"""The catalogue's list pages as files: postings, employers, events and notices as CSV or XLSX.

Each export finds exactly what its list page shows for the same query arguments (the same service
query, every page of it), writes the headers and labels in the user's language and dates in the county's
time, goes through :func:`caravan.services.exports.download` (BOM, neutralised formulas) and is audited
with the names of the filters used and the number of rows.
"""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.labels import EVENT_KINDS, NOTICE_KINDS, PUBLISH_STATUSES, SECTORS, WAGE_UNITS
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import query_args, scope
from caravan.office.postings import FILTERS as POSTING_FILTERS
from caravan.services import audit, exports, training
from caravan.services.catalogue import employers, events, notices, postings
from caravan.services.catalogue.texts import app_zone


def _format() -> str:
    return request.path.rsplit(".", 1)[1]


def _yes(flag: bool) -> str:
    return _("yes") if flag else ""


def _send(action: str, name: str, title: str, header: list[str], rows: list[list], filters: dict):
    """Audit the export (filter names only, as every export does) and answer with the file."""
    fmt = _format()
    audit.record(action, user=current_user, format=fmt, filters=sorted(k for k, v in filters.items() if v),
                 rows=len(rows))
    db.session.commit()
    return exports.download(name, fmt, header, rows, title=title)


@bp.route("/postings/export.csv", endpoint="postings_export_csv")
@bp.route("/postings/export.xlsx", endpoint="postings_export_xlsx")
@role_required(Role.office)
def postings_export():
    """Every posting the list's filters find, in the user's language (a missing translation: Chinese)."""
    filters = query_args(*POSTING_FILTERS)
    found = postings.every_match(scope(), text=filters["q"], status=filters["status"], sector=filters["sector"],
                                 employer=filters["employer"], area=filters["area"])
    locale, zone = current_locale_str(), app_zone()
    header = [_("Code"), _("Title"), _("Employer"), _("Sector"), _("Area"), _("Openings"), _("Lowest wage"),
              _("Highest wage"), _("Wage unit"), _("Housing"), _("Meals"), _("Transport"), _("Place of work"),
              _("Status"), _("Valid until"), _("Contact person"), _("Contact phone"), _("Last changed")]
    rows = []
    for p in found:
        text = p.text(locale)
        rows.append([p.code, text.title if text else "", p.employer.name_in(locale), str(SECTORS[p.sector]),
                     p.area.name_in(locale) if p.area else "", p.openings, p.wage_min, p.wage_max,
                     str(WAGE_UNITS[p.wage_unit]), _yes(p.housing), _yes(p.meals), _yes(p.transport),
                     text.work_place if text else "", str(PUBLISH_STATUSES[p.status]), p.valid_until,
                     p.contact_name, p.contact_phone, p.updated_at.astimezone(zone) if p.updated_at else None])
    return _send("posting.export", _("postings"), _("Job postings"), header, rows, filters)


@bp.route("/employers/export.csv", endpoint="employers_export_csv")
@bp.route("/employers/export.xlsx", endpoint="employers_export_xlsx")
@role_required(Role.office)
def employers_export():
    """Every employer the list's filters find."""
    filters = query_args("q", "sector")
    found = employers.every_match(scope(), text=filters["q"], sector=filters["sector"])
    locale = current_locale_str()
    header = [_("Name"), _("Name in Chinese"), _("Sector"), _("Area"), _("Contact person"), _("Contact phone")]
    rows = [[e.name_in(locale), e.name_zh, str(SECTORS[e.sector]), e.area.name_in(locale) if e.area else "",
             e.contact_name, e.contact_phone] for e in found]
    return _send("employer.export", _("employers"), _("Employers"), header, rows, filters)


@bp.route("/events/export.csv", endpoint="events_export_csv")
@bp.route("/events/export.xlsx", endpoint="events_export_xlsx")
@role_required(Role.office)
def events_export():
    """The upcoming (default) or past events of the list, with their times in the county's time."""
    when = "past" if request.args.get("when") == "past" else "upcoming"
    found = events.every_match(scope(), when=when)
    locale, zone = current_locale_str(), app_zone()
    header = [_("Code"), _("Starts"), _("Ends"), _("Place"), _("Kind"), _("Area"), _("Job postings"),
              _("Notices"), _("Status")]
    rows = [[e.code, e.starts_at.astimezone(zone), e.ends_at.astimezone(zone), e.place_in(locale),
             str(EVENT_KINDS[e.kind]), e.area.name_in(locale), len(e.postings), len(e.notices),
             _("Cancelled") if e.status == "cancelled" else _("Planned")] for e in found]
    return _send("event.export_list", _("events"), _("Events"), header, rows,
                 {"when": when if when == "past" else ""})


@bp.route("/notices/export.csv", endpoint="notices_export_csv")
@bp.route("/notices/export.xlsx", endpoint="notices_export_xlsx")
@role_required(Role.office)
def notices_export():
    """Every notice the list's filters find (notices are county-wide: they have no area)."""
    filters = query_args("q", "status", "kind")
    found = notices.every_match(text=filters["q"], status=filters["status"], kind=filters["kind"])
    locale = current_locale_str()
    header = [_("Code"), _("Title"), _("Kind"), _("Status"), _("Valid until"), _("Sessions")]
    rows = []
    for n in found:
        text = n.text(locale)
        # A course's sessions not ended, one text: "first day – last day place; ..." (places in the language).
        sessions = "; ".join(f"{s.starts_on.isoformat()} – {s.ends_on.isoformat()} {s.place_in(locale)}"
                             for s in training.coming_sessions(n))
        rows.append([n.code, text.title if text else "", str(NOTICE_KINDS[n.kind]), str(PUBLISH_STATUSES[n.status]),
                     n.valid_until, sessions])
    return _send("notice.export", _("notices"), _("Notices"), header, rows, filters)
