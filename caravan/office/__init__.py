"""The county office: catalogue, events, follow-up, staff and tablets."""
from flask import Blueprint

bp = Blueprint("office", __name__)

from caravan.office import (admin, audit, employers, event_results, events, imports, notices,  # noqa: E402,F401
                            list_exports, postings, printing, referrals, residents, staff, tablets, views)
