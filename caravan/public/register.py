"""Self-registration with consent, and "I'm interested" on a posting."""
from __future__ import annotations

import math

from flask import abort, current_app, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext
from wtforms import SelectChoice

from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.models import ConsentChannel
from caravan.public import bp
from caravan.public.forms import RegisterForm
from caravan.public.passes import current_pass, private, remember_pass
from caravan.public.phone import phone_id, remember_phone
from caravan.services import listings, registration_limit, resident_rules, residents, throttle, training

#: The form's name of a field where it differs from the service's.
_FORM_FIELD = {"village_id": "village"}


def _open_posting(code: str | None):
    """The open posting named by ``code``, or None."""
    posting = listings.posting_by_code(code) if code else None
    return posting if listings.posting_availability(posting) == listings.Availability.open else None


@bp.route("/j/<code>/interest", methods=["POST"])
def interest(code: str):
    """"I'm interested": added to this phone's pass if it has one, else on to registration."""
    posting = listings.posting_by_code(code)
    availability = listings.posting_availability(posting)
    if availability == listings.Availability.unknown:
        abort(404)
    if availability == listings.Availability.gone:
        return render_template("public/posting_gone.html", posting=posting), 410
    attendee = current_pass()
    if attendee is None:
        return redirect(url_for("public.register", j=posting.code))
    residents.add_interest(attendee, posting)
    db.session.commit()
    return private(redirect(url_for("public.pass_page", token=attendee.pass_token, added=posting.code)))


@bp.route("/register", methods=["GET", "POST"])
def register():
    """The registration form; on success the new pass (and the interest, when coming from a posting or a
    training course)."""
    posting = _open_posting(request.args.get("j"))
    course = None if posting else training.open_course(request.args.get("n"))
    form = RegisterForm()
    locale = current_locale_str()
    form.village.choices = [SelectChoice("", _("My village is not in the list"))] + [
        SelectChoice(v.id, f"{v.name_in(locale)} · {v.parent.name_in(locale)}" if v.parent else v.name_in(locale))
        for v in residents.villages()]
    status, headers, refusal = 200, {}, None
    phone = phone_id()
    if request.method == "POST":
        status = 422
        if form.validate():
            cfg = current_app.config
            attempt = registration_limit.begin(phone, request.remote_addr or "unknown")
            if attempt.refused:
                # The form comes back as typed, with when to try again: nothing is lost.
                refusal = _refusal_message(attempt)
                status, headers = 429, {"Retry-After": str(attempt.retry_after)}
            else:
                try:
                    attendee = residents.register(
                        name=form.name.data, phone=form.phone.data, village_id=form.village.data or None,
                        group=form.group.data, skills=form.skills.data, wishes=form.wishes.data,
                        consent_version=cfg["CONSENT_VERSION"], channel=ConsentChannel.self)
                except residents.RegistrationError as exc:
                    throttle.give_back(attempt.hit_ids)  # refused for its content: not a registration
                    for name, code in exc.errors.items():
                        field = getattr(form, _FORM_FIELD.get(name, name), form.name)
                        field.errors = [resident_rules.message(name, code)]
                else:
                    subject = posting or course
                    if subject is not None:
                        residents.add_interest(attendee, subject)
                    db.session.commit()
                    response = redirect(url_for("public.pass_page", token=attendee.pass_token,
                                                added=subject.code if subject else None))
                    return private(remember_phone(remember_pass(response, attendee.pass_token), phone))
    texts = listings.translated(posting or course, locale, ("title",))[0] if posting or course else None
    response = make_response(render_template(
        "public/register.html", form=form, posting=posting, course=course, posting_texts=texts, refusal=refusal,
        has_pass=current_pass() is not None), status, headers)
    return remember_phone(response, phone)


def _refusal_message(attempt: registration_limit.Attempt) -> str:
    """Why a registration waits and for how long, in whole minutes."""
    minutes = max(1, math.ceil(attempt.retry_after / 60))
    if attempt.refused == "phone":
        return ngettext("This phone has registered several people in the last hour. Please try again in "
                        "%(num)d minute, or ask the staff at the stall. What you typed is kept below.",
                        "This phone has registered several people in the last hour. Please try again in "
                        "%(num)d minutes, or ask the staff at the stall. What you typed is kept below.", minutes)
    return ngettext("Very many people are registering over this network just now. Please try again in "
                    "%(num)d minute, or ask the staff at the stall. What you typed is kept below.",
                    "Very many people are registering over this network just now. Please try again in "
                    "%(num)d minutes, or ask the staff at the stall. What you typed is kept below.", minutes)
