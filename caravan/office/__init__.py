"""The county office: catalogue, events, follow-up, staff and tablets."""
from flask import Blueprint

bp = Blueprint("office", __name__)

from caravan.office import (admin, alerts, audit, duplicates, employers, event_results, events, imports,  # noqa: E402,F401
                            boards, fairs, list_exports, notices, postings, printing, referrals, reports, residents, staff,
                            employer_import, surveys,
                            tablets,
                            training, views)
