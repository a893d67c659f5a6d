"""The resident's pass (/p/<token>): their QR, data and interests, a language switch, and erasure.

The token travels only in /p/ URLs and in an HttpOnly cookie that lets "I'm interested" find the pass
on this phone. Unknown tokens count against the phone and the address (services.pass_limit); past either
limit every look-up from there waits: a page in the resident's language says for how long (429).
"""
from __future__ import annotations

import math

from flask import (Response, abort, current_app, make_response, redirect, render_template, request,
                   url_for)
from flask_babel import ngettext

from caravan.extensions import db
from caravan.models import Attendee
from caravan.public import bp
from caravan.qr import public_url, svg
from caravan.public.phone import phone_id, remember_phone
from caravan.services import pass_limit, residents
from caravan.services.codes import pass_code_of_token, show_pass_code

PASS_COOKIE = "caravan_pass"
PASS_COOKIE_AGE = 2 * 365 * 24 * 3600


def current_pass() -> Attendee | None:
    """The attendee whose pass this phone keeps in its cookie, if it is still valid."""
    return residents.attendee_for_token(request.cookies.get(PASS_COOKIE))


def remember_pass(response: Response, token: str) -> Response:
    """Keep ``token`` on this phone (HttpOnly: page scripts never see it)."""
    response.set_cookie(PASS_COOKIE, token, max_age=PASS_COOKIE_AGE, httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def private(response: Response) -> Response:
    """Headers of every page that shows or carries a pass token."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _address() -> str:
    return request.remote_addr or "unknown"


def _lookup(token: str) -> Attendee:
    """The pass's attendee; a wait page (429) while this phone or address is paused, 404 (counted) for an
    unknown token. The pass this phone keeps in its cookie is always shown: it gives nothing away."""
    phone = phone_id()
    if request.cookies.get(PASS_COOKIE) != token:
        wait = pass_limit.check(phone, _address())
        if wait.refused:
            abort(_refusal(wait, phone))
    attendee = residents.attendee_for_token(token)
    if attendee is None:
        pass_limit.count_miss(phone, _address())
        db.session.commit()
        response = make_response(render_template("errors/error.html", code=404, csrf=False), 404)
        abort(private(remember_phone(response, phone)))  # from now on, this phone's misses count as its own
    return attendee


def _refusal(wait: pass_limit.Wait, phone: str | None) -> Response:
    """The wait page: why, and in how many minutes to try again, in the resident's language (429)."""
    minutes = max(1, math.ceil(wait.retry_after / 60))
    if wait.refused == "phone":
        message = ngettext("This phone has opened several pass links that do not exist. Please try again in "
                           "%(num)d minute, or ask the staff at the stall to show your pass.",
                           "This phone has opened several pass links that do not exist. Please try again in "
                           "%(num)d minutes, or ask the staff at the stall to show your pass.", minutes)
    else:
        message = ngettext("Very many pass links that do not exist were opened over this network just now. "
                           "Please try again in %(num)d minute, or ask the staff at the stall to show your pass.",
                           "Very many pass links that do not exist were opened over this network just now. "
                           "Please try again in %(num)d minutes, or ask the staff at the stall to show your "
                           "pass.", minutes)
    response = make_response(render_template("public/pass_wait.html", message=message), 429,
                             {"Retry-After": str(wait.retry_after)})
    return private(remember_phone(response, phone))


@bp.route("/p/")
def my_pass():
    """This phone's own pass (from its cookie), so the home page can link to it without the token."""
    attendee = current_pass()
    if attendee is None:
        return redirect(url_for("public.register"))
    return private(redirect(url_for("public.pass_page", token=attendee.pass_token)))


@bp.route("/p/<token>")
def pass_page(token: str):
    """The pass: QR, the person's data and interests. Its language links are ``?lang=xx`` (any page's switch,
    :mod:`caravan.i18n`): the shared /lang/?next=... would carry the token out of /p/ URLs."""
    return render_pass(_lookup(token))


def render_pass(attendee: Attendee, status: int = 200, **alerts) -> Response:
    """The pass page of ``attendee``; ``alerts`` fills its job-alerts form again after a problem."""
    from caravan.public.alerts import alerts_context  # the alerts module imports this one
    url = public_url("p", attendee.pass_token)
    response = make_response(render_template(
        "public/pass.html", attendee=attendee, token=attendee.pass_token,
        code=show_pass_code(pass_code_of_token(attendee.pass_token)),
        qr=svg(url, size="100%", title=url), interests=residents.interests_of(attendee),
        **alerts_context(attendee, **alerts)), status)
    if request.cookies.get(PASS_COOKIE) != attendee.pass_token:
        remember_pass(response, attendee.pass_token)
    return private(response)


@bp.route("/p/<token>/erase", methods=["GET", "POST"])
def erase(token: str):
    """Ask, then erase: the record is anonymised and the pass stops working."""
    attendee = _lookup(token)
    if request.method == "GET":
        return private(make_response(render_template("public/erase.html", token=attendee.pass_token)))
    residents.erase(attendee)
    db.session.commit()
    response = redirect(url_for("public.erased"))
    response.delete_cookie(PASS_COOKIE, httponly=True, samesite="Lax",
                           secure=current_app.config["SESSION_COOKIE_SECURE"])
    return private(response)


@bp.route("/erased")
def erased():
    """Confirmation that a record was erased (it holds no token and no data)."""
    return private(make_response(render_template("public/erased.html")))
