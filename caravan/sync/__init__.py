"""The JSON API for tablets at /api/sync/v1."""
from flask import Blueprint

bp = Blueprint("sync", __name__)

from caravan.sync import enroll, staff, views  # noqa: E402,F401  (registers the routes on bp)
