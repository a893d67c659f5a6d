""""I'm interested" in a training course: the posting's flow (this phone's pass, else registration first)."""
from __future__ import annotations

from flask import abort, redirect, render_template, url_for

from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.public import bp
from caravan.public.passes import current_pass, private
from caravan.services import listings, residents, training


@bp.route("/n/<code>/interest", methods=["POST"])
def course_interest(code: str):
    """Added to this phone's pass if it has one, else on to registration; 404 for a policy notice or a
    draft, 410 once the course is closed or past its date."""
    notice = listings.notice_by_code(code)
    availability = listings.posting_availability(notice)
    if availability == listings.Availability.unknown or not training.is_course(notice):
        abort(404)
    if availability == listings.Availability.gone:
        texts, fell_back = listings.translated(notice, current_locale_str(), ("title", "body"))
        return render_template("public/notice.html", notice=notice, texts=texts, fell_back=fell_back, gone=True,
                               course=None, has_pass=False, csrf_slot=""), 410
    attendee = current_pass()
    if attendee is None:
        return redirect(url_for("public.register", n=notice.code))
    residents.add_interest(attendee, notice)
    db.session.commit()
    return private(redirect(url_for("public.pass_page", token=attendee.pass_token, added=notice.code)))
