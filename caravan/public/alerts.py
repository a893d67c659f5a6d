"""Job alerts on the resident's pages: the opt-in form on the pass (/p/<token>/alerts) and the opt-out
link every alert carries (/a/<code>).

The opt-out link holds a code of its own, not the pass token: an SMS passes through the gateway and the
carrier and stays on the phone, and whoever reads it there can stop the alerts and nothing else. Opening
the link asks first and a button stops the alerts, so a link preview that opens it changes nothing.
"""
from __future__ import annotations

from flask import abort, current_app, make_response, redirect, render_template, request, url_for

from caravan.extensions import db
from caravan.i18n import current_locale_str, reads_lang_arg, speak
from caravan.models import Attendee
from caravan.public import bp
from caravan.public.passes import _lookup, private, render_pass
from caravan.services import alerts
from caravan.services.catalogue.fields import ValidationError


def alerts_context(attendee: Attendee, errors: dict | None = None, values: dict | None = None) -> dict:
    """What the pass page's job-alerts section shows: the subscription, the choices and the form's values
    (those sent, after a problem; else the subscription's)."""
    subscription = alerts.subscription_of(attendee)
    if values is None:
        on = subscription is not None and subscription.active
        values = {"sectors": subscription.sector_list if on else [],
                  "townships": subscription.township_list if on else [], "consent": on}
    return {"alert_subscription": subscription, "alert_townships": alerts.townships(),
            "alert_errors": errors or {}, "alert_values": values,
            "alert_daily_limit": alerts.daily_limit()}


@bp.route("/p/<token>/alerts", methods=["GET", "POST"])
def pass_alerts(token: str):
    """Turn job alerts on (or change what they cover) with the consent box ticked, or stop them.

    After a problem the page is answered at this URL; reloading or bookmarking it (a GET) leads to the
    pass page's alerts section."""
    attendee = _lookup(token)
    if request.method == "GET":
        return private(redirect(url_for("public.pass_page", token=attendee.pass_token, _anchor="alerts"), 303))
    if request.form.get("action") == "stop":
        subscription = alerts.subscription_of(attendee)
        stopped = subscription is not None and alerts.unsubscribe(subscription)
        db.session.commit()
        return private(redirect(url_for("public.pass_page", token=attendee.pass_token,
                                        alerts="stopped" if stopped else None, _anchor="alerts"), 303))
    values = {"sectors": request.form.getlist("sector"), "townships": request.form.getlist("township"),
              "consent": bool(request.form.get("consent"))}
    try:
        alerts.subscribe(attendee, values["sectors"], values["townships"], values["consent"],
                         current_locale_str())
    except ValidationError as exc:
        return render_pass(attendee, 422, errors=exc.errors, values=values)
    db.session.commit()
    return private(redirect(url_for("public.pass_page", token=attendee.pass_token, alerts="on",
                                    _anchor="alerts"), 303))


@bp.route("/a/<token>", methods=["GET", "POST"])
@reads_lang_arg
def alerts_stop(token: str):
    """The opt-out link of an alert: a page that asks, and its button stops the alerts (no data shown).

    It speaks the language the alerts were written in, not the browser's: the person reads the SMS in it.
    ``?lang=xx`` (this page's own switch, which keeps the code out of other URLs) speaks another."""
    subscription = alerts.by_optout_token(token)
    if subscription is None:
        abort(404)
    chosen = request.args.get("lang")
    speak(chosen if chosen in current_app.config["LANGUAGES"] else subscription.lang)
    stopped = request.method == "POST"
    if stopped:
        alerts.unsubscribe(subscription)
        db.session.commit()
    response = make_response(render_template("public/alerts_stop.html", token=token,
                                             stopped=stopped or not subscription.active))
    response.headers["X-Robots-Tag"] = "noindex"
    return private(response)
