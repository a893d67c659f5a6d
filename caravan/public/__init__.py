"""Resident pages: no sign-in, light, complete without JavaScript."""
from flask import Blueprint

bp = Blueprint("public", __name__)

from caravan.public import alerts, courses, passes, register, views  # noqa: E402,F401  (registers the routes on bp)
