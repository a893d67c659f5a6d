"""Resident pages that anyone may read: the home page, the jobs list (/jobs), an event (/e/<code>), a
posting (/j/<code>) and a notice (/n/<code>). Each is kept rendered (:mod:`caravan.public.page_cache`)."""
from __future__ import annotations

from flask import abort, make_response, render_template, request

from caravan.i18n import current_locale_str
from caravan.models.base import utcnow
from caravan.public import bp
from caravan.public.page_cache import CSRF_SLOT, cached_page
from caravan.models import Interest
from caravan.public.passes import current_pass, private
from caravan.services import jobs_list, listings, residents, training
from caravan.services.events import upcoming_events

POSTING_FIELDS = ("title", "description", "requirements", "work_place")
NOTICE_FIELDS = ("title", "body")


def _has_pass() -> bool:
    return current_pass() is not None


def _own_interest(subject) -> Interest | None:
    """The open interest of this phone's pass in ``subject`` (a posting, or a training course), if any: its
    page then shows where it stands, as the pass does, in place of "I'm interested"."""
    attendee = current_pass()
    return residents.open_interest(attendee.id, subject) if attendee is not None and subject is not None else None


def _shows_own_posting_interest(code: str) -> bool:
    return _own_interest(listings.posting_by_code(code)) is not None


def _shows_own_course_interest(code: str) -> bool:
    return _own_interest(listings.notice_by_code(code)) is not None


def _own(response, mine: Interest | None):
    """A page that shows the resident's own interest is theirs: kept by no cache, indexed by no one."""
    return private(make_response(response)) if mine is not None else response


@bp.route("/")
@cached_page(vary_on_pass=_has_pass)
def home():
    """Upcoming caravan stops, for anyone."""
    return render_template("public/home.html", events=upcoming_events(days=30),
                           has_pass=_has_pass())


@bp.route("/jobs")
@cached_page()
def jobs():
    """Every open posting, filtered by sector, township, wage, housing and meals, twelve a page."""
    townships = jobs_list.townships()
    stop = listings.event_by_code(request.args.get("event", ""))
    filters = jobs_list.JobFilters.from_args(request.args, townships, stop)
    found = jobs_list.search(filters, townships)
    locale = current_locale_str()
    postings = [(p, listings.translated(p, locale, ("title", "work_place"))[0]) for p in found.postings]
    return render_template("public/jobs.html", found=found, postings=postings, filters=filters,
                           townships=townships, wage_steps=jobs_list.WAGE_STEPS, stop=stop)


#: A busy stop's page shows this many postings in full and links the rest to /jobs?event=…, so that it
#: stays light enough for a cheap phone (tests/test_public_page_weight_demo.py).
EVENT_CARDS = 10


@bp.route("/e/<code>")
@cached_page()
def event(code: str):
    """A caravan stop: when, where, what kind, its open postings and notices."""
    found = listings.event_by_code(code)
    if found is None:
        abort(404)
    locale, today = current_locale_str(), listings.local_today()
    postings = [(p, listings.translated(p, locale, ("title", "work_place"))[0])
                for p in found.postings if listings.is_open(p, today)]
    notices = [(n, listings.translated(n, locale, NOTICE_FIELDS)[0])
               for n in found.notices if listings.is_open(n, today)]
    status = 410 if found.status == "cancelled" else 200
    return render_template("public/event.html", event=found, postings=postings, notices=notices,
                           shown=min(len(postings), EVENT_CARDS),
                           cancelled=status == 410, over=found.ends_at < utcnow()), status


@bp.route("/j/<code>")
@cached_page(vary_on_pass=_has_pass, personal=_shows_own_posting_interest)
def posting(code: str):
    """A job posting in the resident's language; 410 once closed or expired, 404 if never published."""
    found = listings.posting_by_code(code)
    availability = listings.posting_availability(found)
    if availability == listings.Availability.unknown:
        abort(404)
    if availability == listings.Availability.gone:
        return render_template("public/posting_gone.html", posting=found), 410
    texts, fell_back = listings.translated(found, current_locale_str(), POSTING_FIELDS)
    mine = _own_interest(found)
    return _own(render_template("public/posting.html", posting=found, texts=texts, fell_back=fell_back,
                                has_pass=_has_pass(), mine=mine, csrf_slot=CSRF_SLOT), mine)


@bp.route("/n/<code>")
@cached_page(vary_on_pass=_has_pass, personal=_shows_own_course_interest)
def notice(code: str):
    """A training course or policy notice (tablets link here); 410 once closed or expired, 404 for drafts.
    A course shows its sessions with the seats left, and "I'm interested" while it is open (where this phone's
    pass said so already: where that interest stands)."""
    found = listings.notice_by_code(code)
    availability = listings.posting_availability(found)
    if availability == listings.Availability.unknown:
        abort(404)
    texts, fell_back = listings.translated(found, current_locale_str(), NOTICE_FIELDS)
    status = 410 if availability == listings.Availability.gone else 200
    course = {"sessions": training.coming_sessions(found), "seats": training.seats(found)} \
        if training.is_course(found) else None
    mine = _own_interest(found) if course else None
    return _own(make_response(render_template(
        "public/notice.html", notice=found, texts=texts, fell_back=fell_back, gone=status == 410, course=course,
        has_pass=_has_pass(), mine=mine, csrf_slot=CSRF_SLOT), status), mine)
