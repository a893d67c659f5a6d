"""Tablet screens: the staff home page, and the offline app shell with its texts."""
from flask import jsonify, render_template
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.field import bp
from caravan.field.strings import STRINGS, catalog
from caravan.models import Role
from caravan.services import resident_rules
from caravan.services.events import upcoming_events


@bp.route("/")
@role_required(Role.field)
def home():
    """Events of the signed-in staff member's area, soonest first."""
    return render_template("field/home.html", events=upcoming_events(current_user.area, days=21))


@bp.route("/app")
def app():
    """The tablet app's shell. It holds no data: everything comes from IndexedDB, filled by pull with
    the tablet's device token, so the shell needs no sign-in and the service worker can keep it."""
    return render_template("field/app.html", s={key: str(text) for key, text in STRINGS.items()},
                           rules=resident_rules)


@bp.route("/app/strings.json")
def strings():
    """The app's texts in every language, so the tablet switches language offline."""
    response = jsonify(catalog())
    response.headers["Cache-Control"] = "no-cache"
    return response
