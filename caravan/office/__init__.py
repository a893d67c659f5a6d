"""The county office: catalogue, events, follow-up, staff and tablets."""
from flask import Blueprint

bp = Blueprint("office", __name__)

from caravan.qr import public_url_is_local  # noqa: E402

# One check for the warning every page that hands links to residents shows (office/_public_url_warning.html).
bp.add_app_template_global(public_url_is_local)

from caravan.office import (admin, alerts, audit, duplicates, employers, event_results, events, imports,  # noqa: E402,F401
                            boards, fairs, list_exports, notices, postings, printing, referrals, reports, residents, staff,
                            employer_import, surveys,
                            tablets,
                            training, views)
