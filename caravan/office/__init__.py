"""The county office: catalogue, events, follow-up, staff and tablets."""
from flask import Blueprint

bp = Blueprint("office", __name__)

from caravan.office import (admin, audit, employers, events, imports, notices, postings,  # noqa: E402,F401
                            printing, referrals, residents, staff, tablets, views)
