"""The office dashboard: the user's area this month against last, what is coming, what needs a look."""
from flask import render_template
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan import charts
from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.models import AuditEntry, Role
from caravan.models.base import utcnow
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import audit_log, report_submissions, stats
from caravan.services.catalogue.texts import app_zone
from caravan.services.events import upcoming_events


def month_chart(last_month: list[int], this_month: list[int | None], locale: str):
    """Check-ins so far in the month, day by day: this month's line against last month's."""
    def running(values):
        total, out = 0, []
        for value in values:
            if value is None:
                out.append(None)
            else:
                total += value
                out.append(total)
        return out
    days = max(len(last_month), len(this_month))
    return charts.line(_("Check-ins so far in the month"), [str(day) for day in range(1, days + 1)],
                       {_("This month"): running(this_month), _("Last month"): running(last_month)}, locale)


@bp.route("/")
@role_required(Role.office)
def home():
    """The dashboard of the user's area: counts, this month against last, coming events, reports due,
    tablets that have not synced, open interests by age, and the latest changes."""
    area, now, zone = scope(), utcnow(), app_zone()
    # Sign-ins are logged too, but they are not what an office wants to see first.
    # Like the audit log page: only entries by staff of the user's own area and below.
    recent = db.session.scalars(select(AuditEntry).where(AuditEntry.action.not_like("signin.%"),
                                                         audit_log.visible(area))
                                .options(selectinload(AuditEntry.user)).order_by(AuditEntry.id.desc()).limit(10))
    tablets, stale_total = stats.stale_tablets(area, now)
    return render_template("office/home.html", counts=stats.dashboard_counts(area),
                           months=stats.month_comparison(area, now, zone),
                           month_chart=month_chart(*stats.daily_visits(area, now, zone), current_locale_str()),
                           stale_tablets=tablets, stale_total=stale_total, stale_days=stats.STALE_TABLET_DAYS,
                           interests=stats.open_interests(area, now),
                           events=upcoming_events(area, days=30, limit=10), audit=list(recent),
                           deadlines=report_submissions.upcoming_deadlines(area, now.astimezone(zone).date()),
                           today=now.astimezone(zone).date())
