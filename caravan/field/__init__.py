"""Tablet screens for field staff."""
from flask import Blueprint

bp = Blueprint("field", __name__)

from caravan.field import views  # noqa: E402,F401  (registers the routes on bp)
