"""Job fairs: the employers taking part in a job-fair event (invited or confirmed, booth, zone), their
arrival on the day, the printed fair guide's content and the fair's results per employer.

The rules live here, for the office page, the CLI and (later) the tablet alike:
- only an event of kind job fair has participants;
- an employer takes part once per fair, and a booth is given to one employer per fair (compared without
  regard to case; an empty booth is "not yet allotted");
- the employer must be one the event's area may offer: based within it, county-wide, or based in an area
  above it (the rule by which postings pick employers, :func:`caravan.services.catalogue.employers.visible`);
- a zone is the part of the fair set aside for one resident group (e.g. graduates); none is the main hall.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from caravan.extensions import db
from caravan.models import (AttendeeGroup, Employer, Event, EventKind, FairParticipant, Interest, ParticipantStatus,
                            Posting, PublishStatus, ReferralStatus)
from caravan.models.base import utcnow
from caravan.services import audit
from caravan.services.catalogue import employers as employer_service
from caravan.services.catalogue.fields import Checker
from caravan.services.listings import is_open, local_today

BOOTH_LENGTH = 12


def is_fair(event: Event) -> bool:
    """Whether ``event`` is a job fair (only those have participants)."""
    return event.kind == EventKind.job_fair


def _booth_order(participant: FairParticipant):
    """Booths in natural order (A2 before A10), those without a booth last."""
    booth = participant.booth or ""
    digits = "".join(ch for ch in booth if ch.isdigit())
    return (booth == "", booth.rstrip("0123456789"), int(digits) if digits.isdigit() and len(digits) < 9 else 0,
            booth, participant.employer.name_zh)


def _zone_order(zone: AttendeeGroup | None) -> int:
    """The main hall (no zone) first, then the zones in the groups' order."""
    return 0 if zone is None else 1 + list(AttendeeGroup).index(zone)


def participants(event: Event) -> list[FairParticipant]:
    """The fair's employers, by zone (main hall first) and booth."""
    return sorted_participants(db.session.scalars(select(FairParticipant)
                                                  .where(FairParticipant.event_id == event.id)
                                                  .options(selectinload(FairParticipant.employer))))


def sorted_participants(rows) -> list[FairParticipant]:
    """``rows`` by zone (main hall first) and booth (their employers loaded)."""
    return sorted(rows, key=lambda p: (_zone_order(p.zone), _booth_order(p)))


def get(event: Event, participant_id: str) -> FairParticipant | None:
    """The participant ``participant_id`` of ``event`` (None for one of another fair, exactly as unknown)."""
    return db.session.scalar(select(FairParticipant).where(FairParticipant.id == participant_id,
                                                           FairParticipant.event_id == event.id))


def candidates(event: Event) -> list[Employer]:
    """The employers that may still be added to ``event``: visible from its area, not taking part yet."""
    taken = select(FairParticipant.employer_id).where(FairParticipant.event_id == event.id)
    return list(db.session.scalars(select(Employer).where(employer_service.visible(event.area),
                                                          Employer.id.not_in(taken))
                                   .order_by(func.lower(Employer.name_zh))))


def clean(raw, event: Event, current: FairParticipant | None = None) -> dict:
    """Check a participant's raw values (``employer`` id when adding; ``status``, ``booth``, ``zone``); the
    model values, or :class:`ValidationError` with every problem by field."""
    c = Checker(raw)
    if not is_fair(event):
        c.fail("employer", _("Only a job fair has participating employers."))
        c.check()
    values: dict = {}
    if current is None:
        employer_id = c.get("employer")
        employer = db.session.scalar(select(Employer).where(Employer.id == employer_id,
                                                            employer_service.visible(event.area))) \
            if employer_id else None
        if not employer_id:
            c.fail("employer", _("Please fill this in."))
        elif employer is None:
            c.fail("employer", _("Choose an employer that this event's area may offer."))
        elif db.session.scalar(select(FairParticipant.id).where(FairParticipant.event_id == event.id,
                                                                FairParticipant.employer_id == employer.id)):
            c.fail("employer", _("This employer takes part in the fair already."))
        values["employer_id"] = employer.id if employer else None
    values["status"] = c.choice("status", ParticipantStatus, default=ParticipantStatus.invited)
    booth = c.text("booth", BOOTH_LENGTH).upper()
    if booth:
        same = db.session.scalar(select(FairParticipant).where(FairParticipant.event_id == event.id,
                                                               func.upper(FairParticipant.booth) == booth))
        if same is not None and same is not current:
            c.fail("booth", _("Booth %(booth)s is given to another employer already.", booth=booth))
    values["booth"] = booth or None
    zone = c.get("zone")
    if zone and zone not in AttendeeGroup.__members__:
        c.fail("zone", _("Choose one of the listed values."))
    values["zone"] = AttendeeGroup(zone) if zone in AttendeeGroup.__members__ else None
    c.check()
    return values


def add(event: Event, values: dict, by=None) -> FairParticipant:
    """Add an employer to the fair from cleaned ``values``; audited as ``fair.add``."""
    participant = FairParticipant(event_id=event.id, **values)
    db.session.add(participant)
    db.session.flush()
    audit.record("fair.add", user=by, entity=event, employer_id=participant.employer_id)
    return participant


def update(participant: FairParticipant, values: dict, by=None) -> list[str]:
    """Apply cleaned ``values`` (status, booth, zone); audit the names of the fields that changed."""
    changed = [name for name, value in values.items() if getattr(participant, name) != value]
    for name in changed:
        setattr(participant, name, values[name])
    if changed:
        db.session.flush()
        audit.record("fair.update", user=by, entity=participant.event, employer_id=participant.employer_id,
                     changed=changed)
    return changed


def remove(participant: FairParticipant, by=None) -> None:
    """Take an employer off the fair (its interests stay: they belong to the postings); audited."""
    event = participant.event
    db.session.delete(participant)
    db.session.flush()
    audit.record("fair.remove", user=by, entity=event, employer_id=participant.employer_id)


def mark_arrived(participant: FairParticipant, at: datetime | None = None, by=None) -> bool:
    """Note that the employer is at their booth (the first time counts); False if it was noted already."""
    if participant.arrived_at is not None:
        return False
    participant.arrived_at = at or utcnow()
    db.session.flush()
    audit.record("fair.arrive", user=by, entity=participant.event, employer_id=participant.employer_id)
    return True


def takes_part(event_id: str, employer_id: str) -> bool:
    """Whether the employer takes part in the fair ``event_id`` (a tablet's arrival record must name one)."""
    with db.session.no_autoflush:  # a push's rows go in together later
        return db.session.scalar(select(FairParticipant.id).where(FairParticipant.event_id == event_id,
                                                                  FairParticipant.employer_id == employer_id)
                                 ) is not None


def note_arrival(event_id: str, employer_id: str, at: datetime) -> None:
    """A tablet's arrival record: the employer arrived at ``at`` (the tablet's clock), unless an earlier
    arrival is known; a later record (another tablet, the office) changes nothing."""
    with db.session.no_autoflush:
        participant = db.session.scalar(select(FairParticipant).where(FairParticipant.event_id == event_id,
                                                                      FairParticipant.employer_id == employer_id))
    if participant is not None and (participant.arrived_at is None or at < participant.arrived_at):
        participant.arrived_at = at


def clear_arrival(participant: FairParticipant, by=None) -> bool:
    """Undo an arrival noted by mistake; False if none was noted."""
    if participant.arrived_at is None:
        return False
    participant.arrived_at = None
    db.session.flush()
    audit.record("fair.unarrive", user=by, entity=participant.event, employer_id=participant.employer_id)
    return True


def open_postings(employer_ids: list[str]) -> dict[str, list[Posting]]:
    """The open postings (published, not past their date) of each employer, by code: one statement."""
    if not employer_ids:
        return {}
    today = local_today()
    rows = db.session.scalars(select(Posting).where(Posting.employer_id.in_(employer_ids),
                                                    Posting.status == PublishStatus.published)
                              .options(selectinload(Posting.translations)).order_by(Posting.code))
    found: dict[str, list[Posting]] = {}
    for posting in rows:
        if is_open(posting, today):
            found.setdefault(posting.employer_id, []).append(posting)
    return found


def zones(rows: list[FairParticipant]) -> list[tuple[AttendeeGroup | None, list[FairParticipant]]]:
    """``rows`` (in :func:`participants` order) grouped by zone, the main hall first."""
    grouped: list[tuple[AttendeeGroup | None, list[FairParticipant]]] = []
    for row in rows:
        if not grouped or grouped[-1][0] != row.zone:
            grouped.append((row.zone, []))
        grouped[-1][1].append(row)
    return grouped


# --- Results ------------------------------------------------------------------------------------------------

#: The follow-up steps counted per employer, in the order of the referral queue.
FOLLOW_UP = (ReferralStatus.interested, ReferralStatus.referred, ReferralStatus.interviewed, ReferralStatus.hired,
             ReferralStatus.withdrawn)


@dataclass
class EmployerResult:
    """One participant's figures: interests recorded at this fair in its postings, by their status now."""

    participant: FairParticipant
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def interests(self) -> int:
        return sum(self.by_status.values())


def results(event: Event) -> list[EmployerResult]:
    """Per participating employer (booth order): the interests made at this fair in its postings, counted by
    their current follow-up status. Two statements."""
    rows = participants(event)
    counts = db.session.execute(
        select(Posting.employer_id, Interest.status, func.count())
        .join(Posting, Posting.id == Interest.posting_id)
        .where(Interest.event_id == event.id, Posting.employer_id.in_([r.employer_id for r in rows]))
        .group_by(Posting.employer_id, Interest.status)).all() if rows else []
    by_employer: dict[str, dict[str, int]] = {}
    for employer_id, status, n in counts:
        by_employer.setdefault(employer_id, {})[str(status)] = int(n)
    return [EmployerResult(r, {s.value: by_employer.get(r.employer_id, {}).get(s.value, 0) for s in FOLLOW_UP})
            for r in rows]

