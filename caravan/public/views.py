"""The public home page."""
from flask import render_template

from caravan.public import bp
from caravan.services.events import upcoming_events


@bp.route("/")
def home():
    """Upcoming caravan stops, for anyone."""
    return render_template("public/home.html", events=upcoming_events(days=30))
