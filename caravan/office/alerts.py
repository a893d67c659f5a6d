"""Job alerts for the office: how many residents of the user's area asked for them, and how the SMS outbox
stands (counts only: no names, no numbers, no texts)."""
from __future__ import annotations

from flask import current_app, render_template

from caravan.auth.access import role_required
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import alerts


@bp.route("/postings/alerts")  # under Postings: publishing one is what sends alerts
@role_required(Role.office)
def postings_alerts():
    """Subscriptions on and stopped, and messages by status, for residents within the user's area."""
    return render_template("office/alerts.html", figures=alerts.counts(scope()),
                           backend=current_app.config["SMS_BACKEND"], daily_limit=alerts.daily_limit())
