"""The office dashboard."""
from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import AuditEntry, Role
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import audit_log
from caravan.services.events import upcoming_events
from caravan.services.stats import dashboard_counts


@bp.route("/")
@role_required(Role.office)
def home():
    """Counts, the coming events of the user's area, and the latest changes."""
    # Sign-ins are logged too, but they are not what an office wants to see first.
    # Like the audit log page: only entries by staff of the user's own area and below.
    recent = db.session.scalars(select(AuditEntry).where(AuditEntry.action.not_like("signin.%"),
                                                         audit_log.visible(scope()))
                                .options(selectinload(AuditEntry.user)).order_by(AuditEntry.id.desc()).limit(10))
    return render_template("office/home.html", counts=dashboard_counts(scope()),
                           events=upcoming_events(scope(), days=30, limit=10), audit=list(recent))
