"""Merging two registrations of one person, and undoing it.

A merge keeps the older registration (by consent time) and moves to it everything that points at the
other: check-ins, services given and interests (with their referral steps). Where both had an open
interest in one posting, the further step stays open and the other is withdrawn (a step of its own), so
that one open interest per person and posting still holds. Empty contact fields of the kept record (phone,
village, skills, wishes) are filled from the other: the clerk merges to get one complete record, and the
name, group and consent stay those of the kept registration. The other record stays, marked merged into the
kept one: its pass leads to the kept person, and the tablets learn it through the pull.

The other's job-alerts subscription (services.alerts) moves to the kept record when that has none, so that the
kept pass shows the alerts on and they keep coming; when both have one, the kept record's stays (its choices
and consent) and the other's stays behind on the merged record, which gets no alerts (:attr:`Merge.moved`
notes ``alerts_both`` for the clerk's summary).

The :class:`~caravan.models.Merge` row names every row that moved, each interest it withdrew and each field
it filled, so an undo moves exactly those back, even days later; rows added since stay where they are.
An undo is refused, with the reason, when something since makes it impossible (see :func:`undo`).
Both are audited with ids and counts only.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from caravan.extensions import db
from caravan.models import (AlertSubscription, Area, Attendee, CheckIn, Event, Interest, Merge, ReferralStatus,
                            ReferralStep, ServiceGiven, User)
from caravan.models.base import utcnow
from caravan.services import alerts, audit, changes, training
from caravan.services.duplicates import ordered
from caravan.services.resident_office import in_scope
from caravan.services.scope import is_county_level, subtree, within

#: How far an interest's follow-up has gone: of two open interests in one posting, the further stays open.
PROGRESS = {ReferralStatus.interested: 0, ReferralStatus.referred: 1, ReferralStatus.interviewed: 2,
            ReferralStatus.hired: 3, ReferralStatus.enrolled: 1, ReferralStatus.completed: 2}


def _subject(interest: Interest) -> tuple[str | None, str | None]:
    """What an interest is in: (posting id, notice id), one of them None."""
    return interest.posting_id, interest.notice_id


def _closed(interest: Interest) -> ReferralStatus:
    """The status that closes ``interest``: a posting's is withdrawn, a training course's dropped."""
    return ReferralStatus.dropped if interest.notice_id is not None else ReferralStatus.withdrawn
#: Fields of the kept record that a merge fills when they are empty, with their empty value.
FILLED = {"phone": None, "village_id": None, "skills": "", "wishes": ""}
#: Why an undo is refused (the office words them).
REFUSALS = ("undone", "erased", "kept_merged", "moved_since", "interest_changed", "interest_reopened")


#: Where a merge's ``moved`` lists each kind of tablet record that points at a resident.
MOVED_KEYS = {"checkin": "checkins", "service": "services", "interest": "interests"}


class UndoRefused(Exception):
    """The merge cannot be undone; ``code`` (one of :data:`REFUSALS`) says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def merge(a: Attendee, b: Attendee, by: User) -> Merge:
    """Merge two living registrations of one person: the older is kept (see the module docstring).
    The caller has checked that both are in the user's area."""
    kept, gone = ordered(a, b)
    moved: dict = {"checkins": [], "services": [], "interests": [], "closed": [], "filled": []}
    for model, key in ((CheckIn, "checkins"), (ServiceGiven, "services")):
        for row in db.session.scalars(select(model).where(model.attendee_id == gone.id).order_by(model.id)):
            row.attendee_id = kept.id
            moved[key].append(row.id)
    kept_open = {_subject(i): i for i in db.session.scalars(
        select(Interest).where(Interest.attendee_id == kept.id, Interest.is_open()))}
    now = utcnow()
    for interest in db.session.scalars(select(Interest).where(Interest.attendee_id == gone.id)
                                       .order_by(Interest.id)):
        other = kept_open.get(_subject(interest)) if interest.status != _closed(interest) else None
        if other is not None:
            closed = interest if PROGRESS[other.status] >= PROGRESS[interest.status] else other
            moved["closed"].append(_withdraw(closed, by, now))
            db.session.flush()  # withdrawn before the other moves in: the unique index of open interests
        interest.attendee_id = kept.id
        moved["interests"].append(interest.id)
    for name, empty in FILLED.items():
        if getattr(kept, name) in (None, "") and getattr(gone, name) not in (None, ""):
            setattr(kept, name, getattr(gone, name))
            moved["filled"].append(name)
    moved["alerts"], moved["alerts_both"] = _move_alerts(kept, gone)
    gone.merged_into_id = kept.id
    row = Merge(kept_id=kept.id, merged_id=gone.id, user_id=by.id, at=now, moved=moved)
    db.session.add(row)
    db.session.flush()
    # Tablets that hold either learn it: the merged record goes as merged, the kept one as it is now.
    changes.announce(db.session(), "attendee", [kept.id])
    audit.record("resident.merge", user=by, entity=kept, merged=gone.id, merge=row.id,
                 checkins=len(moved["checkins"]), services=len(moved["services"]),
                 interests=len(moved["interests"]), closed=[c["id"] for c in moved["closed"]],
                 filled=moved["filled"], alerts=len(moved["alerts"]), alerts_both=moved["alerts_both"])
    return row


def _move_alerts(kept: Attendee, gone: Attendee) -> tuple[list[int], bool]:
    """Move ``gone``'s alert subscription to ``kept`` if ``kept`` has none: the ids moved (for the undo), and
    whether both had one (then nothing moves)."""
    theirs = alerts.subscription_of(gone)
    if theirs is None:
        return [], False
    if alerts.subscription_of(kept) is not None:
        return [], True
    theirs.attendee_id = kept.id
    db.session.flush()
    return [theirs.id], False


def adopt_late(rows: list[tuple[str, str, str]]) -> None:
    """Note rows that a tablet synced after a merge for the merged registration, and that the push stored
    on the kept one: ``(record type, row id, the attendee id the tablet gave)``. Each is listed in every merge
    in force from that registration to the kept one, as if that merge had moved it, so that undoing the
    merges moves it back to where the tablet put it."""
    for kind, row_id, attendee_id in rows:
        seen: set[str] = set()
        while attendee_id not in seen:
            seen.add(attendee_id)
            row = db.session.scalar(select(Merge).where(Merge.merged_id == attendee_id, Merge.undone_at.is_(None)))
            if row is None:
                break
            key = MOVED_KEYS[kind]
            # A new dict: the JSON column sees an assignment, not a change inside its value.
            row.moved = {**row.moved, key: [*row.moved.get(key, []), row_id]}
            attendee_id = row.kept_id
    db.session.flush()


def _withdraw(interest: Interest, by: User, now: datetime) -> dict:
    """Withdraw ``interest`` for a merge; returns what an undo needs to reopen it."""
    before = {"id": interest.id, "status": interest.status.value,
              "status_at": interest.status_at.isoformat() if interest.status_at else None}
    step = ReferralStep(interest_id=interest.id, status=_closed(interest), at=now, user_id=by.id)
    db.session.add(step)
    interest.status, interest.status_at = _closed(interest), now
    training.announce_figures([interest.notice_id])  # a course's interest count is on its public page
    db.session.flush()
    return before | {"step_id": step.id}


def active_merge(merged_id: str, scope: Area) -> Merge | None:
    """The merge in force of the record ``merged_id``, if the user of ``scope`` may undo it: the kept
    record is in their area, and so is the merged one once back (by its village, or a check-in that would
    move back to it at an event of their area). None otherwise, as for an unknown id."""
    if len(merged_id) > 36:
        return None
    row = db.session.scalar(select(Merge).where(Merge.merged_id == merged_id, Merge.undone_at.is_(None)))
    if row is None or db.session.scalar(select(Attendee.id).where(Attendee.id == row.kept_id,
                                                                  in_scope(scope))) is None:
        return None
    gone = row.merged
    if is_county_level(scope) or db.session.scalar(
            select(Attendee.id).where(Attendee.id == gone.id, within(Attendee.village_id, scope))):
        return row
    ids = row.moved.get("checkins", [])
    at_own_event = ids and db.session.scalar(
        select(CheckIn.id).join(Event, Event.id == CheckIn.event_id)
        .where(CheckIn.id.in_(ids), Event.area_id.in_(subtree(scope))).limit(1))
    return row if at_own_event else None


def merged_into(kept: Attendee) -> list[Merge]:
    """The merges in force that kept ``kept``, oldest first, with the merged records (for its page)."""
    return list(db.session.scalars(select(Merge).where(Merge.kept_id == kept.id, Merge.undone_at.is_(None))
                                   .order_by(Merge.at)))


def undo(row: Merge, by: User) -> None:
    """Undo the merge ``row``: move back exactly the rows it moved, reopen what it withdrew, empty what it
    filled (where the kept record still holds the merged one's value), and make the merged record living.

    Raises :class:`UndoRefused` (nothing is changed) when it was undone already, either record was erased
    since, the kept record was merged into a third since, a moved row no longer belongs to the kept record
    (a later merge moved it on), a withdrawn interest has taken another step since, or the person has a
    new open interest in a posting whose withdrawn interest the undo would reopen.
    """
    kept, gone = row.kept, row.merged
    moved = row.moved
    if row.undone_at is not None:
        raise UndoRefused("undone")
    if kept.erased_at is not None or gone.erased_at is not None:
        raise UndoRefused("erased")
    if kept.merged_into_id is not None:
        raise UndoRefused("kept_merged")
    rows = {}
    for model, key in ((CheckIn, "checkins"), (ServiceGiven, "services"), (Interest, "interests")):
        ids = moved.get(key, [])
        rows[key] = list(db.session.scalars(select(model).where(model.id.in_(ids), model.attendee_id == kept.id))) \
            if ids else []
        if len(rows[key]) != len(ids):
            raise UndoRefused("moved_since")
    coming_back = {i.id for i in rows["interests"]}
    reopen = []
    for closed in moved.get("closed", []):
        interest = db.session.get(Interest, closed["id"])
        if interest is None or interest.status != _closed(interest):
            raise UndoRefused("interest_changed")
        owner = gone.id if interest.id in coming_back else kept.id
        others = db.session.execute(select(Interest.id, Interest.attendee_id).where(
            Interest.posting_id == interest.posting_id if interest.posting_id else Interest.notice_id == interest.notice_id,
            Interest.is_open(), Interest.id != interest.id,
            Interest.attendee_id.in_([kept.id, gone.id])))
        # Whose each other open interest is once the undo is done: a clash refuses the reopening.
        if any((gone.id if other.id in coming_back else other.attendee_id) == owner for other in others):
            raise UndoRefused("interest_reopened")
        reopen.append((interest, closed))
    for key in ("checkins", "services", "interests"):
        for moved_row in rows[key]:
            moved_row.attendee_id = gone.id
    db.session.flush()  # moved back before an interest reopens beside them
    for interest, closed in reopen:
        interest.status = ReferralStatus(closed["status"])
        interest.status_at = datetime.fromisoformat(closed["status_at"]) if closed["status_at"] else None
        step = db.session.get(ReferralStep, closed.get("step_id") or 0)
        if step is not None and step.interest_id == interest.id:
            interest.steps.remove(step)
    training.announce_figures(interest.notice_id for interest, _closed_before in reopen)
    for name in moved.get("filled", []):
        if getattr(kept, name) == getattr(gone, name):
            setattr(kept, name, FILLED[name])
    subscriptions = list(db.session.scalars(select(AlertSubscription).where(
        AlertSubscription.id.in_(moved.get("alerts", [])), AlertSubscription.attendee_id == kept.id)))
    for subscription in subscriptions:  # back to the record it came from, with its choices as they are now
        subscription.attendee_id = gone.id
    gone.merged_into_id = None
    row.undone_at, row.undone_by_id = utcnow(), by.id
    db.session.flush()
    changes.announce(db.session(), "attendee", [kept.id, gone.id])
    audit.record("resident.unmerge", user=by, entity=kept, merged=gone.id, merge=row.id,
                 checkins=len(rows["checkins"]), services=len(rows["services"]),
                 interests=len(rows["interests"]), reopened=[i.id for i, _c in reopen], alerts=len(subscriptions))
