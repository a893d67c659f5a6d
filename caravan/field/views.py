"""The tablet's home: today's and coming events in the staff member's area."""
from flask import render_template
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.field import bp
from caravan.models import Role
from caravan.services.events import upcoming_events


@bp.route("/")
@role_required(Role.field)
def home():
    """Events of the signed-in staff member's area, soonest first."""
    return render_template("field/home.html", events=upcoming_events(current_user.area, days=21))
