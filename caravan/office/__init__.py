"""The county office: catalogue, events, follow-up, staff and tablets."""
from flask import Blueprint

bp = Blueprint("office", __name__)

from caravan.office import admin, printing, tablets, views  # noqa: E402,F401  (registers the routes on bp)
