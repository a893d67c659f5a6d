"""Office pages for referral follow-up: the queue of open interests (htmx filters), steps one by one or in
bulk, and the queue as CSV or XLSX."""
from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import to_user_timezone
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.labels import REFERRAL_STATUSES
from caravan.models import ReferralStatus, Role
from caravan.office import bp
from caravan.office.common import list_response, page_number, scope
from caravan.services import exports, referrals, training
from caravan.services.catalogue import employers
from caravan.services.catalogue.fields import ValidationError
from caravan.services.scope import areas_within

FILTERS = ("status", "posting", "employer", "area", "age", "overdue", "course", "kind")


def _filters(source, prefix: str = "") -> tuple[referrals.Filters, dict[str, str]]:
    """The queue's filters from ``source`` (query arguments, or a posted form where they carry ``prefix``:
    a step's own ``status`` is not the queue's), and as strings for links."""
    raw = {name: (source.get(prefix + name) or "").strip()[:200] for name in FILTERS}
    age = raw["age"]
    if age and not (age.isascii() and age.isdigit() and len(age) <= 5):
        abort(400)
    raw["overdue"] = "1" if raw["overdue"] else ""
    return referrals.Filters(status=raw["status"], posting=raw["posting"], employer=raw["employer"],
                             area=raw["area"], course=raw["course"], kind=raw["kind"], age=int(age) if age else None,
                             overdue=bool(raw["overdue"])), {k: v for k, v in raw.items() if v}


def _queue(filters: referrals.Filters, args: dict, status: int = 200, **extra):
    page = page_number() if request.method == "GET" else 1
    results = referrals.search(scope(), filters, page=page)
    # The sessions each course on this page may enrol into, for the step form's session select.
    courses = {row.interest.notice_id for row in results.items if ReferralStatus.enrolled in row.next_steps}
    context = dict(results=results, filters=args, next_steps=referrals.NEXT,
                   session_choices=training.enrolment_choices(courses) if courses else {},
                   overdue_days=referrals.overdue_days(), row_contact=referrals.contact_of, kept=extra.pop("kept", {}), **extra)
    if status != 200:
        response = make_response(render_template("office/referrals.html", **context, **_choices()), status)
        response.vary.add("HX-Request")
        return response
    return list_response("office/referrals.html", "office/_referrals_table.html", **context, **_choices())


def _choices() -> dict:
    return {"postings": referrals.postings_in_queue(scope()), "courses": referrals.courses_in_queue(scope()),
            "employers": employers.choices(scope()),
            "areas": areas_within(scope())}


@bp.route("/referrals/")
@role_required(Role.office)
def referrals_queue():
    """The follow-up queue of the user's area: open interests, oldest latest step first; a fragment for htmx."""
    filters, args = _filters(request.args)
    return _queue(filters, args)


def _step(ids: list[str]):
    filters, args = _filters(request.form, "f_")
    try:
        status, rows = referrals.take_step(scope(), ids, request.form, by=current_user)
    except referrals.NotInScope:
        db.session.rollback()
        abort(404)
    except ValidationError as exc:
        db.session.rollback()
        kept = {"ids": set(ids), "note": request.form.get("note", ""), "status": request.form.get("status", ""),
                "row": request.form.get("row", ""), "session": request.form.get("session", "")}
        if kept["row"] and ids == [kept["row"]]:
            # One row's step: its problems beside its fields, in its open form (the page at the POST, as every
            # office form answers bad input); the marked field's autofocus brings the browser back to the row.
            return _queue(filters, args, status=422, kept=dict(kept, errors=exc.errors))
        message = " ".join(m for ms in exc.errors.values() for m in ms)
        return _queue(filters, args, status=422, alert=message, kept=kept)
    db.session.commit()
    flash(ngettext("%(num)d referral moved to “%(status)s”.", "%(num)d referrals moved to “%(status)s”.",
                   len(rows), status=REFERRAL_STATUSES[status]), "ok")
    return redirect(url_for("office.referrals_queue", **args), 303)


@bp.route("/referrals/<interest_id>/step", methods=["POST"])
@role_required(Role.office)
def referral_step(interest_id: str):
    """One interest's next step, with a note; back to the queue with its filters."""
    return _step([interest_id])


@bp.route("/referrals/steps", methods=["POST"])
@role_required(Role.office)
def referral_steps():
    """The same step for every ticked interest, all or none; an id outside the user's area is 404."""
    ids = [i.strip() for i in request.form.getlist("ids") if i.strip()]
    if not ids:
        filters, args = _filters(request.form, "f_")
        return _queue(filters, args, status=422, alert=_("Tick the referrals to move first."),
                      kept={"note": request.form.get("note", ""), "status": request.form.get("status", "")})
    if len(ids) > referrals.MAX_BULK:
        abort(400)
    return _step(ids)


@bp.route("/referrals/export.csv", defaults={"fmt": "csv"})
@bp.route("/referrals/export.xlsx", defaults={"fmt": "xlsx"})
@role_required(Role.office)
def referrals_export(fmt: str):
    """The filtered queue as a file, in the user's language; audited (filters and row count, no names)."""
    filters, _args = _filters(request.args)
    rows = referrals.export_rows(scope(), filters)
    referrals.record_export(current_user, filters, fmt, len(rows))
    db.session.commit()
    header = [_("Status"), _("Overdue"), _("Latest step"), _("Days since"), _("Full name"), _("Phone"), _("Village"),
              _("Code"), _("Posting or course"), _("Employer"), _("Employer's contact"), _("Contact phone"),
              _("Latest note"), _("Session"), _("Place")]
    return exports.download(_("Referrals"), fmt, header, (_export_row(r) for r in rows), title=_("Referrals"))


def _export_row(row: referrals.Row) -> list:
    locale = str(get_locale())
    i = row.interest
    subject = i.posting or i.notice
    text = subject.text(locale)
    if i.posting is not None:
        contact_name, contact_phone = referrals.contact_of(i.posting)
        employer = i.posting.employer.name_in(locale)
    else:  # a training course: the office itself enrols; no employer to call
        contact_name = contact_phone = employer = ""
    s = i.session  # the session a course interest is enrolled in (dates as ISO days: one sortable text)
    return [str(REFERRAL_STATUSES[i.status]), _("yes") if row.overdue else "",
            to_user_timezone(row.last_at).replace(tzinfo=None), row.days,
            i.attendee.name, i.attendee.phone or "", i.attendee.village.name_in(locale) if i.attendee.village else "",
            subject.code, text.title if text else "", employer, contact_name, contact_phone, row.note,
            f"{s.starts_on.isoformat()} – {s.ends_on.isoformat()}" if s else "", s.place_in(locale) if s else ""]
