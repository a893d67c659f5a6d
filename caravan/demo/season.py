"""A past season for the demo county, and an event going on today.

Six months of caravan stops (:mod:`caravan.demo.stops` says when and where); at each, check-ins of
returning and new residents, registrations, services, tallies and interests, followed up by the office as
referrals. Then an event in the demo township that is on now, with a few check-ins, where a new user can
enroll a tablet and check someone in.

Everything a tablet would send goes through the sync ingest (:func:`caravan.services.sync.ingest.record_batch`)
from demo tablets, named staff and all, so the rows, the change feed, the receipts and the pushed batches
are what a real season leaves. Residents who registered on their own phone or at the office are added as
those paths add them (no tablet), and the office's referral steps are written as
:func:`caravan.services.referrals.take_step` writes them, with the step's own time (no audit entry: the
audit log tells what people did in this database, not in a made-up past).

Idempotent and stable: each event's records come from a random generator seeded with the event's key
(its kind, area and local date) and get UUIDs derived from that key, and an event already in the database
is skipped whole. A run on a later day keeps the stops it made, adds those of the days since (the season
always ends yesterday) and a new event for that day: nothing is added twice. Returning residents are drawn
from the people registered at the stops generated before, in date order.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select, update

from caravan.demo import names
from caravan.demo.courses import Placement, add_sessions
from caravan.demo.fairs import add_participants
from caravan.demo.loader import demo_code, demo_id
from caravan.demo.stops import BAZAAR_WEEKDAY, TOWNSHIP, Stop, live_stop, season_stops
from caravan.extensions import db
from caravan.models import (Area, Attendee, AttendeeGroup, CheckIn, ConsentChannel, Device, Event, EventKind,
                            Interest, Notice, Posting, PublishStatus, ReferralStatus, ReferralStep, ServiceGiven,
                            Tally, User)
from caravan.models.base import utcnow
from caravan.services import devices, users
from caravan.services.codes import new_pass_token
from caravan.services.sync.ingest import MAX_BATCH, record_batch

#: Changing the seed changes every made-up person and figure of a fresh demo.
SEED = "caravan-demo-season-1"
#: Share of residents who write their name in Uyghur, by township (the county seat is more mixed).
UYGHUR_SHARE = {"KT-01": 0.7, "KT-02": 0.92, "KT-03": 0.85, "KT-04": 0.92}
#: The township logins: (user name, role, shown name).
TOWNSHIP_LOGINS = (("office.kt02", "office", "阿纳尔巴格乡劳动保障所（演示）"),
                   ("field.kt02", "field", "阿纳尔巴格乡外勤（演示）"))
#: Per kind of stop: check-ins (fewest, most), share of newcomers, groups' weights
#: (rural worker, graduate, other), chance that a visitor asks about a posting.
PROFILE = {
    EventKind.bazaar: ((35, 110), 0.45, (80, 6, 14), 0.12),
    EventKind.job_fair: ((150, 280), 0.5, (55, 25, 20), 0.3),
    EventKind.campus: ((60, 140), 0.8, (5, 85, 10), 0.15),
}
GROUPS = (AttendeeGroup.rural_worker, AttendeeGroup.graduate, AttendeeGroup.other)
#: How a follow-up goes on from each open step: chances to move on and to be withdrawn; else it stalls
#: (and is overdue once REFERRAL_OVERDUE_DAYS pass).
FUNNEL = {ReferralStatus.interested: (ReferralStatus.referred, 0.68, 0.25),
          ReferralStatus.referred: (ReferralStatus.interviewed, 0.6, 0.35),
          ReferralStatus.interviewed: (ReferralStatus.hired, 0.45, 0.52)}
#: The same for an interest in a training course: enrolled, then through it, or dropped.
COURSE_FUNNEL = {ReferralStatus.interested: (ReferralStatus.enrolled, 0.6, 0.2),
                 ReferralStatus.enrolled: (ReferralStatus.completed, 0.7, 0.2)}
#: Chance that a resident told about a training course says "interested" in it.
COURSE_ASKS = 0.3
_EPOCH = date(2020, 1, 1)
#: A record type's name in the summary.
PLURAL = {"attendee": "attendees", "checkin": "checkins", "service": "services", "tally": "tallies",
          "interest": "interests"}


def load_season(password: str, now: datetime | None = None) -> dict[str, int]:
    """Add the season and today's event where missing (after :func:`caravan.demo.loader.load_demo`);
    returns how many rows of each kind were added."""
    return _Season(now or utcnow(), password).run()


@dataclass
class _Person:
    id: str
    village: str  # area code
    name: str
    lang: str
    other: str | None
    phone: str | None


@dataclass
class _Made:
    """What one event's generation produced."""

    items: list[dict] = field(default_factory=list)       # tablet records, in time order
    residents: list[Attendee] = field(default_factory=list)  # registered online: own phone, office
    interests: list[tuple[str, datetime, str]] = field(default_factory=list)  # (id, made at, village code)


class _Season:
    def __init__(self, now: datetime, password: str):
        self.now = now
        self.password = password
        self.zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
        self.version = current_app.config["CONSENT_VERSION"]
        self.added: Counter = Counter()
        self.areas = {a.code: a for a in db.session.scalars(select(Area))}
        published = list(db.session.scalars(select(Posting).where(Posting.status == PublishStatus.published)
                                            .order_by(Posting.code)))
        self.postings = sorted(published, key=lambda p: p.id)  # stable order, whatever the random codes
        self.notices = sorted(db.session.scalars(select(Notice)), key=lambda n: n.id)
        self.pool: dict[str, list[_Person]] = {code: [] for code in BAZAAR_WEEKDAY}
        # Open interests, (resident, posting): a resident has one per posting, also those made by people
        # trying the demo; and residents erased since an earlier run, who come to no stop.
        self.asked: set[tuple[str, str]] = {(a, p or n) for a, p, n in db.session.execute(
            select(Interest.attendee_id, Interest.posting_id, Interest.notice_id).where(Interest.is_open()))}
        self.erased = set(db.session.scalars(select(Attendee.id).where(Attendee.erased_at.is_not(None))))
        self.named: set[tuple[str, str]] = set()  # (name, village) of every person made

    # -- staff and tablets --------------------------------------------------------------------------------
    def staff(self) -> None:
        for username, role, display in TOWNSHIP_LOGINS:
            if db.session.scalar(select(User.id).where(User.username == username)) is None:
                users.create_user(username, self.password, role, TOWNSHIP, display)
                self.added["users"] += 1
        by_name = {u.username: u for u in db.session.scalars(select(User))}
        self.field = {"KT": by_name["field"], TOWNSHIP: by_name["field.kt02"]}
        self.office = {"KT": by_name["office"], TOWNSHIP: by_name["office.kt02"]}

    def tablets(self) -> None:
        self.devices: dict[str, Device] = {}
        for code in ("KT", *BAZAAR_WEEKDAY):
            name = f"演示平板 {code}"
            device = db.session.scalar(select(Device).where(Device.name == name))
            if device is None:
                device, _token = devices.create_device(name, code)  # the token is not needed: nobody syncs
                self.added["devices"] += 1
            self.devices[code] = device

    # -- the run ------------------------------------------------------------------------------------------
    def run(self) -> dict[str, int]:
        self.staff()
        self.tablets()
        now_local = self.now.astimezone(self.zone)
        sessions = add_sessions(SEED, now_local.date())
        if sessions:
            self.added["training sessions"] += sessions
        stops = [*season_stops(now_local.date(), self.zone), live_stop(now_local)]
        present = set(db.session.scalars(select(Event.id).where(Event.id.in_([s.id for s in stops]))))
        pushes: list[tuple[Device, list[dict]]] = []
        interests: list[tuple[str, datetime, str]] = []
        new_events = []
        for stop in stops:
            made = self.generate(stop)  # also for stops already stored: they fill the pool alike
            if stop.id in present:
                continue
            new_events.append(self.add_event(stop))
            db.session.add_all(made.residents)
            self.added["attendees"] += len(made.residents)
            pushes.append((self.devices["KT" if stop.kind != EventKind.bazaar else stop.area], made.items))
            interests += made.interests
        db.session.flush()
        # Stop by stop, in date order: a resident registered on one tablet comes back to another's stall.
        for device, items in pushes:
            for start in range(0, len(items), MAX_BATCH):
                results = record_batch(device, items[start:start + MAX_BATCH])
                refused = [r for r in results if r.status != "accepted"]
                if refused:  # a mistake of this generator: fail loudly rather than leave half a season
                    raise RuntimeError(f"demo season: {refused[0].type} {refused[0].status} {refused[0].reason}")
            self.added.update(PLURAL[item["type"]] for item in items)
        self.received_as_made([e.id for e in new_events])
        self.follow_up(interests)
        db.session.flush()
        return dict(self.added)

    def add_event(self, stop: Stop) -> Event:
        notices = random.Random(f"{SEED}:{stop.key}:notices").sample(self.notices, min(4, len(self.notices)))
        event = Event(id=stop.id, code=demo_code(Event, stop.key), kind=stop.kind, area=self.areas[stop.area],
                      place_zh=stop.place["zh"], place_ug=stop.place["ug"], place_en=stop.place["en"],
                      starts_at=stop.starts_at.astimezone(timezone.utc),
                      ends_at=stop.ends_at.astimezone(timezone.utc),
                      postings=self.shown(stop), notices=sorted(notices, key=lambda n: n.id))
        db.session.add(event)
        if stop.kind == EventKind.job_fair:
            add_participants(event)
        self.added["events"] += 1
        return event

    def shown(self, stop: Stop) -> list[Posting]:
        """The published postings the stop shows: a bazaar's from its township and the county seat."""
        near = [p for p in self.postings if stop.kind != EventKind.bazaar or p.area is None
                or p.area.code.startswith((stop.area, "KT-01")) or p.area.code == "KT"]
        rng = random.Random(f"{SEED}:{stop.key}:postings")
        return sorted(rng.sample(near, min(len(near), 14 if stop.kind == EventKind.job_fair else 8)),
                      key=lambda p: p.id)

    # -- one stop's records --------------------------------------------------------------------------------
    def generate(self, stop: Stop) -> _Made:
        """The records of ``stop``: newcomers from a generator of the stop's own, so they are the same on
        every run; returning residents from the pool of those registered before."""
        rng = random.Random(f"{SEED}:{stop.key}")
        pick = random.Random(f"{SEED}:{stop.key}:returning")
        # Interest in courses draws from a generator of its own: the stop's other records stay as they were.
        enrols = random.Random(f"{SEED}:{stop.key}:courses")
        (least, most), new_share, weights, asks = PROFILE[stop.kind]
        if stop.live:
            least, most, new_share = 12, 24, 0.35
        harvest = 1.3 if stop.kind == EventKind.bazaar and stop.starts_at.month in (9, 10) else 1.0
        count = round(rng.randint(least, most) * harvest)
        newcomers = round(count * new_share)
        township = stop.area if stop.kind == EventKind.bazaar else None
        known = [p for p in (self.pool[township] if township else
                             [p for people in self.pool.values() for p in people]) if p.id not in self.erased]
        returning = pick.sample(known, min(count - newcomers, len(known)))
        start = stop.starts_at.astimezone(timezone.utc)
        until = self.now - timedelta(minutes=2) if stop.live else stop.ends_at.astimezone(timezone.utc)
        span = (until - start).total_seconds()
        staff = [self.field["KT"]] + ([self.field[TOWNSHIP]] * 2 if stop.area == TOWNSHIP else [])
        made = _Made()
        seq = first_seq = (stop.starts_at.date() - _EPOCH).days * 10000 + {
            EventKind.bazaar: 0, EventKind.job_fair: 4000, EventKind.campus: 7000}[stop.kind]
        postings = self.shown(stop)
        visits: list[tuple[datetime, _Person, bool]] = []
        for i in range(newcomers):
            person, channel = self.newcomer(stop, rng, pick, i)
            at = start + timedelta(seconds=rng.random() * span)
            if channel != ConsentChannel.tablet:
                made.residents.append(self.online_resident(person, channel, at, rng))
            visits.append((at, person, channel == ConsentChannel.tablet))
        for person in returning:
            visits.append((start + timedelta(seconds=pick.random() * span), person, False))
        visits.sort(key=lambda v: (v[0], v[1].id))

        def item(kind: str, key: str, at: datetime, by: User, payload: dict) -> None:
            nonlocal seq
            seq += 1
            made.items.append({"type": kind, "id": demo_id(f"season-{kind}", f"{stop.key}:{key}"), "seq": seq,
                               "at": at.isoformat(), "by": str(by.id), "data": payload})

        for n, (at, person, registers) in enumerate(visits):
            by = staff[n % len(staff)]
            if registers:
                skills, wishes = names.about(rng, person.lang)
                made.items.append({
                    "type": "attendee", "id": person.id, "seq": seq + 1, "at": at.isoformat(), "by": str(by.id),
                    "data": {"name": person.name, "phone": person.phone, "village_id": self.areas[person.village].id,
                             "group": self._group(rng, weights).value, "skills": skills, "wishes": wishes,
                             "consent_at": at.isoformat(), "consent_version": self.version,
                             "pass_token": new_pass_token()}})
                seq += 1
            method = "register" if registers else ("scan" if rng.random() < 0.85 else "manual")
            item("checkin", f"c{n}", at, by, {"event_id": stop.id, "attendee_id": person.id, "method": method})
            later = min(at + timedelta(minutes=rng.randint(1, 12)), until)  # today's: nothing after now
            if rng.random() < 0.6 and postings:
                item("service", f"j{n}", later, by, {"event_id": stop.id, "attendee_id": person.id,
                                                      "kind": "job_info", "posting_id": rng.choice(postings).id})
            for kind, share, notice_kind in (("training_info", 0.25, "training"), ("policy_advice", 0.2, "policy")):
                if rng.random() < share:
                    notice = rng.choice([x for x in self.notices if x.kind.value == notice_kind])
                    item("service", f"{kind[0]}{n}", later, by,
                         {"event_id": stop.id, "attendee_id": person.id, "kind": kind, "notice_id": notice.id})
                    if (notice_kind == "training" and notice.status == PublishStatus.published
                            and enrols.random() < COURSE_ASKS and (person.id, notice.id) not in self.asked):
                        self.asked.add((person.id, notice.id))
                        item("interest", f"n{n}:{notice.id}", later, by,
                             {"attendee_id": person.id, "notice_id": notice.id, "event_id": stop.id})
                        made.interests.append((made.items[-1]["id"], later, person.village))
            if rng.random() < asks and postings:
                for posting in rng.sample(postings, 2 if rng.random() < 0.2 else 1):
                    if (person.id, posting.id) in self.asked:
                        continue
                    self.asked.add((person.id, posting.id))
                    item("interest", f"i{n}:{posting.id}", later, by,
                         {"attendee_id": person.id, "posting_id": posting.id, "event_id": stop.id})
                    made.interests.append((made.items[-1]["id"], later, person.village))
        # People served without registering: visitors counted, some of them told about jobs, courses, policy.
        visitors = round(count * rng.uniform(0.3, 0.8))
        for kind, total in (("visitor", visitors), ("job_info", visitors // 2), ("training_info", visitors // 10),
                            ("policy_advice", visitors // 7)):
            tap = 0
            while total > 0:
                number = min(total, rng.randint(1, 6))
                total -= number
                tap += 1
                item("tally", f"{kind}{tap}", start + timedelta(seconds=rng.random() * span),
                     staff[tap % len(staff)], {"event_id": stop.id, "kind": kind, "count": number})
        # The order a tablet sends them, as made, numbered by the tablet's counter in that order.
        made.items.sort(key=lambda x: (datetime.fromisoformat(x["at"]), x["seq"]))
        for number, x in enumerate(made.items, start=first_seq):
            x["seq"] = number
        return made

    def newcomer(self, stop: Stop, rng: random.Random, pick: random.Random, i: int) -> tuple[_Person, ConsentChannel]:
        """A person registering at ``stop``: mostly at the stall, some on their own phone or earlier at the
        office; a few are already registered (the same phone, or the same name in the same village)."""
        person_id = demo_id("season-attendee", f"{stop.key}:{i}")
        villages = [c for c in self.areas if c.startswith(f"{stop.area}-")] if stop.kind == EventKind.bazaar \
            else [c for c in self.areas if c.count("-") == 2]
        township = stop.area if stop.kind == EventKind.bazaar else None
        village = rng.choice(sorted(villages))
        for _ in range(8):  # two people of one name in one village happen, but rarely: not by chance here
            who = names.person(rng, UYGHUR_SHARE.get(stop.area, 0.75))
            if (who["name"], village) not in self.named:
                break
        phone = names.fake_phone(person_id) if rng.random() < 0.88 else None
        roll = rng.random()
        channel = (ConsentChannel.tablet if roll < 0.75 else ConsentChannel.self if roll < 0.95
                   else ConsentChannel.office)
        twin = rng.random() < 0.03
        known = self.pool[township] if township else self.pool["KT-01"]
        if twin and known:
            first = pick.choice(known)
            if first.phone and pick.random() < 0.6:  # the same phone, the name spelt the other way
                who = {"name": first.other or first.name, "lang": "zh" if first.other else first.lang,
                       "other": first.name if first.other else None}
                phone, village = first.phone, first.village
            else:  # the same name in the same village, no phone or a new one
                who = {"name": first.name, "lang": first.lang, "other": first.other}
                village = first.village
        person = _Person(person_id, village, who["name"], who["lang"], who["other"], phone)
        self.named.add((person.name, village))
        self.pool[village[:5]].append(person)
        return person, channel

    def online_resident(self, person: _Person, channel: ConsentChannel, at: datetime, rng: random.Random) -> Attendee:
        """A resident who registered on their phone at the stall (just before the scan) or at the office."""
        when = at - (timedelta(minutes=rng.randint(2, 10)) if channel == ConsentChannel.self
                     else timedelta(days=rng.randint(2, 30)))
        skills, wishes = names.about(rng, person.lang)
        return Attendee(id=person.id, name=person.name, phone=person.phone, village=self.areas[person.village],
                        group=self._group(rng, (70, 15, 15)), skills=skills, wishes=wishes, consent_at=when,
                        consent_version=self.version, consent_channel=channel, pass_token=new_pass_token(),
                        created_at=when, updated_at=when)

    @staticmethod
    def _group(rng: random.Random, weights) -> AttendeeGroup:
        return rng.choices(GROUPS, weights=weights)[0]

    # -- after the pushes ----------------------------------------------------------------------------------
    def received_as_made(self, event_ids: list[str]) -> None:
        """The tablets of a past season synced as they went: their records arrived when they were made, not
        when this command ran (the office's figures by arrival would otherwise all fall on today)."""
        for model in (CheckIn, ServiceGiven, Tally, Interest):
            table = model.__table__
            for start in range(0, len(event_ids), 200):
                db.session.execute(update(table).where(table.c.event_id.in_(event_ids[start:start + 200]))
                                   .values(received_at=table.c.device_at))
        table = Attendee.__table__
        db.session.execute(update(table).where(table.c.id.in_(
            select(CheckIn.attendee_id).where(CheckIn.event_id.in_(event_ids), CheckIn.method == "register")))
            .values(created_at=table.c.device_at, updated_at=table.c.device_at))

    def follow_up(self, interests: list[tuple[str, datetime, str]]) -> None:
        """The office's steps on each new interest, one at a time as the referral rule allows, days apart;
        a step that would fall after now has not happened yet."""
        rows = {}
        ids = [i for i, _at, _village in interests]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows.update({r.id: r for r in db.session.scalars(select(Interest).where(Interest.id.in_(chunk)))})
        placement = Placement()
        for interest_id, at, village in interests:
            rng = random.Random(f"{SEED}:{interest_id}")
            row = rows[interest_id]
            by = self.office[TOWNSHIP if village.startswith(TOWNSHIP) else "KT"]
            status = ReferralStatus.interested
            funnel = COURSE_FUNNEL if row.notice_id else FUNNEL
            closed = ReferralStatus.dropped if row.notice_id else ReferralStatus.withdrawn
            while status in funnel:
                onward, moves, withdraws = funnel[status]
                roll = rng.random()
                if roll >= moves + withdraws:
                    break  # stalls here: nobody followed it up
                at = at + timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 8))
                if at >= self.now:
                    break
                status = onward if roll < moves else closed
                db.session.add(ReferralStep(interest_id=interest_id, status=status, at=at, user_id=by.id, note=""))
                row.status, row.status_at = status, at
                if status == ReferralStatus.enrolled and row.notice_id:
                    row.session_id = placement.session_id(row.notice_id, at.astimezone(self.zone).date())
                self.added["referral steps"] += 1
