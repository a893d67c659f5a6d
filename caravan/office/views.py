"""The office dashboard."""
from flask import render_template
from flask_login import current_user
from sqlalchemy import select

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import AuditEntry, Role
from caravan.office import bp
from caravan.services.events import upcoming_events
from caravan.services.stats import dashboard_counts


@bp.route("/")
@role_required(Role.office)
def home():
    """Counts, the coming events of the user's area, and the latest changes."""
    # Sign-ins are logged too, but they are not what an office wants to see first.
    recent = db.session.scalars(select(AuditEntry).where(AuditEntry.action.not_like("signin.%"))
                                .order_by(AuditEntry.id.desc()).limit(10))
    return render_template("office/home.html", counts=dashboard_counts(),
                           events=upcoming_events(current_user.area, days=30, limit=10), audit=list(recent))
