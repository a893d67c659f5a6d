"""The demo county's past season, its event of today, its township logins and the README's examples."""
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from caravan.demo import season, stops
from caravan.demo.loader import load_demo
from caravan.models import (Area, Attendee, Change, CheckIn, ConsentChannel, Device, Event, Interest, PendingRecord,
                            ReferralStatus, ReferralStep, ServiceGiven, Tally, TrainingSession, User)
from caravan.models.base import utcnow
from caravan.services import referrals

README = Path(__file__).resolve().parent.parent / "README.md"
ARABIC = re.compile("[\u0600-\u06ff]")


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def _counts(db) -> dict[str, int]:
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def _sign_in(client, username):
    client.post("/signout")
    return client.post("/signin", data={"username": username, "password": "demo-pass-3"})


def _township_logins_see_their_township(db, client):
    assert _sign_in(client, "office.kt02").headers["Location"] == "/office/"
    here, there = (db.session.scalar(select(Event.id).join(Event.area).where(Area.code == code, Event.id.in_(
        select(CheckIn.event_id))).order_by(Event.starts_at).limit(1)) for code in ("KT-02", "KT-03"))
    assert client.get(f"/office/events/{here}").status_code == 200
    assert client.get(f"/office/events/{there}").status_code == 404
    page = client.get("/office/referrals/?status=all").get_data(as_text=True)
    villages = {code for code, in db.session.execute(select(Area.code).where(Area.level == "village"))}
    shown = {code for code in villages if code in page}
    assert shown and all(code.startswith("KT-02-") for code in shown)



def _a_later_day_adds_only_its_own_days(app, db):
    """A run eight days later adds the stops of those days and that day's event, once."""
    later = utcnow() + timedelta(days=8)
    zone = ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])
    today, then = utcnow().astimezone(zone).date(), later.astimezone(zone).date()
    expected = [s for s in stops.season_stops(then, zone) if s.starts_at.date() >= today]
    events = db.session.scalar(select(func.count()).select_from(Event))
    added = season.load_season("demo-pass-3", now=later)
    assert added["events"] == len(expected) + 1 and "users" not in added
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Event)) == events + len(expected) + 1
    again = _counts(db)
    assert season.load_season("demo-pass-3", now=later) == {}
    assert _counts(db) == again
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 0


def test_the_season_is_real_has_an_event_on_now_keeps_to_townships_and_grows_by_day(app, db, client, tmp_path):
    # One demo for all of these: it is the slow part. Twice on one day: tests/test_cli.py.
    load_demo("demo-pass-3")
    added = season.load_season("demo-pass-3")
    db.session.commit()
    now = utcnow()
    events = list(db.session.scalars(select(Event).where(Event.id.in_(select(CheckIn.event_id)))))
    assert 50 <= added["events"] <= 80 and len(events) == added["events"]
    assert Counter(e.kind.value for e in events).keys() >= {"bazaar", "job_fair", "campus"}
    per_event = Counter(db.session.scalars(select(CheckIn.event_id)))
    assert all(10 <= n <= 400 for n in per_event.values())
    assert min(e.starts_at for e in events) >= now - timedelta(days=stops.SEASON_DAYS + 1)

    # Registrations: consent, channels and groups in plausible shares; names in their script; fake phones.
    people = list(db.session.scalars(select(Attendee).where(Attendee.id.in_(select(CheckIn.attendee_id)))))
    channels = Counter(p.consent_channel for p in people)
    groups = Counter(p.group.value for p in people)
    assert 0.6 <= channels[ConsentChannel.tablet] / len(people) <= 0.85
    assert 0.1 <= channels[ConsentChannel.self] / len(people) <= 0.3 and channels[ConsentChannel.office]
    assert 0.5 <= groups["rural_worker"] / len(people) <= 0.85 and 0.08 <= groups["graduate"] / len(people) <= 0.3
    assert all(p.consent_at and p.consent_version for p in people)
    assert 0.5 <= sum(bool(ARABIC.search(p.name)) for p in people) / len(people) <= 0.95
    assert all(p.phone.startswith("100") for p in people if p.phone)
    phones = Counter(p.phone for p in people if p.phone)
    same_phone = sum(1 for n in phones.values() if n > 1)
    same_name = sum(1 for n in Counter((p.name, p.village_id) for p in people).values() if n > 1)
    assert 0 < same_phone < 0.05 * len(people) and 0 < same_name < 0.05 * len(people)

    # Tablet records name their tablet and staff member; services of each kind; tallies.
    assert db.session.scalar(select(func.count()).select_from(CheckIn).where(
        (CheckIn.device_id.is_(None)) | (CheckIn.staff_id.is_(None)))) == 0
    assert set(db.session.scalars(select(ServiceGiven.kind).distinct())) == {"job_info", "training_info",
                                                                               "policy_advice"}
    assert db.session.scalar(select(func.sum(Tally.count))) > 1000
    # The change feed heard of every check-in, as it does from a real push.
    assert db.session.scalar(select(func.count()).select_from(Change).where(Change.entity_type == "checkin")) \
        == db.session.scalar(select(func.count()).select_from(CheckIn))

    # Referrals: every stage reached, steps in the order of the rule, status_at the last step's time.
    interests = list(db.session.scalars(select(Interest)))
    statuses = Counter(i.status for i in interests)
    assert all(statuses[s] for s in ReferralStatus)
    assert 0.05 <= statuses[ReferralStatus.hired] / len(interests) <= 0.3
    overdue = [i for i in interests if i.status in referrals.WAITING
               and i.status_at < now - timedelta(days=referrals.overdue_days())]
    assert 0.02 <= len(overdue) / len(interests) <= 0.2
    steps: dict[str, list[ReferralStep]] = {}
    for step in db.session.scalars(select(ReferralStep).order_by(ReferralStep.at, ReferralStep.id)):
        steps.setdefault(step.interest_id, []).append(step)
    for interest in interests:
        path = steps[interest.id]
        assert path[0].status == ReferralStatus.interested
        course = interest.notice_id is not None
        assert all(referrals.refusal(a.status, b.status, course) is None for a, b in zip(path, path[1:]))
        assert path[-1].status == interest.status and path[-1].at == interest.status_at <= now
    # Enrolled residents are in a session of their course (while one has seats), none beyond its seats.
    placed = [i for i in interests if i.notice_id and i.status == ReferralStatus.enrolled and i.session_id]
    assert placed and all(i.session.notice_id == i.notice_id for i in placed)
    assert all(n <= db.session.get(TrainingSession, s).seats for s, n in Counter(i.session_id for i in placed).items())

    # An event in the township is on now, with check-ins made before now, by its tablet.
    live = db.session.scalar(select(Event).join(Event.area).where(
        Area.code == stops.TOWNSHIP, Event.starts_at <= now, Event.ends_at > now + timedelta(hours=2)))
    assert live is not None
    checkins = list(db.session.scalars(select(CheckIn).where(CheckIn.event_id == live.id)))
    assert checkins and all(c.device_at <= now for c in checkins)
    tablet = db.session.get(Device, checkins[0].device_id)
    assert tablet.area.code == stops.TOWNSHIP
    assert {db.session.get(User, c.staff_id).username for c in checkins} <= {"field", "field.kt02"}

    # The README's flyer example names a demo event and prints.
    code = re.search(r"print flyers --code (\w+)", README.read_text()).group(1)
    listed = run(app, "print", "flyers", "--list")
    assert listed.exit_code == 0 and code in listed.output and "(Asia/Urumqi)" in listed.output
    printed = run(app, "print", "flyers", "--code", code, "-o", str(tmp_path / "flyer.pdf"))
    assert printed.exit_code == 0, printed.output
    assert (tmp_path / "flyer.pdf").read_bytes().startswith(b"%PDF")

    _township_logins_see_their_township(db, client)
    _a_later_day_adds_only_its_own_days(app, db)


def test_todays_event_is_on_whenever_the_demo_runs():
    zone = ZoneInfo("Asia/Urumqi")
    for hour, minute in ((0, 1), (9, 30), (12, 0), (18, 59), (23, 58)):
        now = datetime(2026, 12, 2, hour, minute, tzinfo=zone)
        stop = stops.live_stop(now)
        assert stop.starts_at <= now - timedelta(hours=1) and stop.ends_at >= now + timedelta(hours=3)
        assert stop.key == f"live:{stops.TOWNSHIP}:2026-12-02"
