"""The demo's job fairs get their employers: those whose postings the fair shows, at numbered booths in the
main hall (A1, A2, ...) or the graduates' zone (G1, ...), all confirmed but the last, who was invited and has
no booth yet. At a fair that has begun, each confirmed employer arrived in the first hour."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from caravan.demo.loader import demo_id
from caravan.extensions import db
from caravan.models import AttendeeGroup, Event, FairParticipant, ParticipantStatus, Sector
from caravan.models.base import utcnow

#: Employers of these sectors stand in the graduates' zone.
GRADUATE_SECTORS = {Sector.education, Sector.health, Sector.services}


def add_participants(event: Event) -> int:
    """Give the job fair ``event`` its employers unless it has some already; how many were added."""
    if db.session.scalar(select(FairParticipant.id).where(FairParticipant.event_id == event.id).limit(1)):
        return 0
    employers = sorted({p.employer for p in event.postings}, key=lambda e: e.id)
    started = event.starts_at <= utcnow()
    booths = {"A": 0, "G": 0}
    for i, employer in enumerate(employers):
        invited = i == len(employers) - 1 and len(employers) > 1
        graduate = employer.sector in GRADUATE_SECTORS
        row = "G" if graduate else "A"
        if not invited:
            booths[row] += 1
        db.session.add(FairParticipant(
            id=demo_id("fair_participants", f"{event.id}:{employer.id}"), event_id=event.id, employer=employer,
            status=ParticipantStatus.invited if invited else ParticipantStatus.confirmed,
            booth=None if invited else f"{row}{booths[row]}", zone=AttendeeGroup.graduate if graduate else None,
            arrived_at=event.starts_at - timedelta(minutes=20) + timedelta(minutes=7 * i)
            if started and not invited else None))
    db.session.flush()
    return len(employers)
