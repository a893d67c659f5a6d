"""Office pages for duplicate registrations: the suggested pairs, a pair side by side with Merge and
"Not the same person", and the undo of a merge (from the kept record's page)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.models import Role
from caravan.office import bp
from caravan.office.common import list_response, page_number, scope, wants_fragment
from caravan.office.residents import channel_labels
from caravan.services import duplicates, merges, resident_office


def refusal_message(code: str) -> str:
    """Why a merge cannot be undone, in the reader's language."""
    return {
        "undone": _("This merge was undone already."),
        "erased": _("One of the two records was erased since, at the person's request: the merge cannot be undone."),
        "kept_merged": _("The kept record was merged into another since: undo that merge first."),
        "moved_since": _("Some of the moved visits, services or interests were moved on by a later merge: undo "
                         "that merge first."),
        "interest_changed": _("An interest this merge closed has taken another step since: the merge cannot be "
                              "undone."),
        "interest_reopened": _("The person has a new open interest in a posting whose interest this merge closed: "
                               "the merge cannot be undone."),
    }[code]


@bp.route("/residents/duplicates")
@role_required(Role.office)
def duplicates_list():
    """Suggested pairs of the user's area with their reasons (only one person's with ``of``); a fragment
    for htmx's pager."""
    person = None
    if request.args.get("of"):
        person = resident_office.get(request.args["of"], scope())
        if person is None:
            abort(404)
    results = duplicates.suggest(scope(), page=page_number(), person=person)
    args = {"of": person.id} if person else {}
    return list_response("office/duplicates.html", "office/_duplicates_table.html", results=results,
                         person=person, args=args)


def _pair(attendee_id: str, other_id: str):
    pair = duplicates.pair_within(attendee_id, other_id, scope())
    if pair is None:
        abort(404)
    return pair


@bp.route("/residents/<attendee_id>/duplicates/<other_id>")
@role_required(Role.office)
def duplicate_compare(attendee_id: str, other_id: str):
    """The two records side by side, the older (the one a merge keeps) first, with what each holds."""
    first, second = _pair(attendee_id, other_id)
    return _compare_page(first, second, error=None)


def _compare_page(first, second, error: str | None, status: int = 200):
    records = [resident_office.record(a) for a in (first, second)]
    return render_template("office/duplicate_compare.html", first=first, second=second, records=records,
                           reasons=[str(duplicates.REASONS[c]) for c in duplicates.reasons_for(first, second)],
                           dismissed=duplicates.is_dismissed(first, second), channels=channel_labels(),
                           error=error), status


@bp.route("/residents/<attendee_id>/duplicates/<other_id>/merge", methods=["POST"])
@role_required(Role.office)
def duplicate_merge(attendee_id: str, other_id: str):
    """Merge the pair once the clerk confirmed it: the older record is kept; then its page."""
    first, second = _pair(attendee_id, other_id)
    if request.form.get("confirm") != "1":
        return _compare_page(first, second, _("Tick the box to confirm that both records are this one person."),
                             422)
    row = merges.merge(first, second, by=current_user)
    db.session.commit()
    flash(_("Merged. Everything of the other registration is now on this record; the merge can be undone "
            "below."), "ok")
    if row.moved.get("alerts_both"):
        flash(_("Both registrations had job alerts: this record keeps its own choices; the other's alerts "
                "stay with the merged registration and are not sent."), "ok")
    return redirect(url_for("office.resident_show", attendee_id=row.kept_id), 303)


@bp.route("/residents/<attendee_id>/duplicates/<other_id>/dismiss", methods=["POST"])
@role_required(Role.office)
def duplicate_dismiss(attendee_id: str, other_id: str):
    """"Not the same person": the pair is not suggested again. From the list (htmx) the row goes away."""
    first, second = _pair(attendee_id, other_id)
    duplicates.dismiss(first, second, by=current_user)
    db.session.commit()
    if wants_fragment():
        return ""
    flash(_("Noted: these two are not suggested as duplicates again."), "ok")
    return redirect(url_for("office.duplicates_list"), 303)


@bp.route("/residents/<merged_id>/unmerge", methods=["POST"])
@role_required(Role.office)
def resident_unmerge(merged_id: str):
    """Undo the merge of the record ``merged_id`` (the merged one); refused with the reason when something
    since makes it impossible. Back to the kept record's page either way."""
    row = merges.active_merge(merged_id, scope())
    if row is None:
        abort(404)
    kept_id = row.kept_id
    try:
        merges.undo(row, by=current_user)
    except merges.UndoRefused as exc:
        db.session.rollback()
        flash(refusal_message(exc.code), "error")
        return redirect(url_for("office.resident_show", attendee_id=kept_id), 303)
    db.session.commit()
    flash(_("The merge was undone: the two registrations are separate again."), "ok")
    return redirect(url_for("office.resident_show", attendee_id=kept_id), 303)
