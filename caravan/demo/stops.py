"""When and where the demo season's caravan stops are: a calendar that depends on the date alone.

Every township's weekly bazaar is visited every other week (about two stops a week over the four
townships), the county seat holds a job fair on the second Friday of each month and a campus day in term
time; and an event in :data:`TOWNSHIP` is on whenever the demo is loaded. Each stop's key names its kind,
area and local date, so runs on different days agree on the stops they share.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from caravan.demo import data
from caravan.demo.loader import demo_id
from caravan.models import EventKind

SEASON_DAYS = 182
#: The township with its own demo logins, and where today's event is held.
TOWNSHIP = "KT-02"
#: Each township's bazaar day (Monday 0); the caravan comes every other week.
BAZAAR_WEEKDAY = {"KT-01": 6, "KT-02": 3, "KT-03": 1, "KT-04": 5}


@dataclass
class Stop:
    """One event of the season: what it is, where, when."""

    key: str
    kind: EventKind
    area: str
    starts_at: datetime
    ends_at: datetime
    place: dict
    live: bool = False  # today's event: records only until now

    @property
    def id(self) -> str:
        return demo_id("events", self.key)


def season_stops(today: date, zone: ZoneInfo) -> list[Stop]:
    """The season's events from :data:`SEASON_DAYS` before ``today`` to yesterday, in date order; which
    days hold a stop depends on the date alone, so every run agrees on the days they share."""
    fair, campus = _place("job_fair_01"), _place("campus_01")

    def at(day, hour, minute=0):
        return datetime.combine(day, time(hour, minute), zone)

    stops = []
    for back in range(SEASON_DAYS, 0, -1):
        day = today - timedelta(days=back)
        week = day.toordinal() // 7
        for i, (township, weekday) in enumerate(BAZAAR_WEEKDAY.items()):
            if day.weekday() == weekday and (week + i) % 2 == 0:
                stops.append(Stop(f"season:bazaar:{township}:{day}", EventKind.bazaar, township, at(day, 10, 30),
                                  at(day, 18, 30), _bazaar_place(township)))
        if day.weekday() == 4 and 8 <= day.day <= 14:  # the second Friday of the month
            stops.append(Stop(f"season:job_fair:{day}", EventKind.job_fair, "KT-01", at(day, 10), at(day, 16), fair))
        if day.weekday() == 2 and 15 <= day.day <= 21 and day.month in (3, 4, 5, 9, 10, 11, 12):
            stops.append(Stop(f"season:campus:{day}", EventKind.campus, "KT-01", at(day, 14), at(day, 17, 30),
                              campus))
    return stops


def live_stop(now_local: datetime) -> Stop:
    """Today's event in :data:`TOWNSHIP`: from 10:00 (or an hour before now: run just after midnight, it
    began the evening before) until 19:00 (or three hours after now), so it is on, with an hour of
    check-ins behind it. Its key holds the date: one such event per day the demo is run."""
    today, zone = now_local.date(), now_local.tzinfo
    now_local = now_local.replace(second=0, microsecond=0)
    start = min(datetime.combine(today, time(10), zone), now_local - timedelta(hours=1))
    end = max(datetime.combine(today, time(19), zone), now_local + timedelta(hours=3))
    return Stop(f"live:{TOWNSHIP}:{today}", EventKind.bazaar, TOWNSHIP, start, end, _bazaar_place(TOWNSHIP),
                live=True)


def _place(key: str) -> dict:
    return next(e["place"] for e in data.EVENTS if e["key"] == key)


def _bazaar_place(code: str) -> dict:
    """Where the township's bazaar is: as the static demo names it, else after the township."""
    for e in data.EVENTS:
        if e["kind"] == "bazaar" and e["area"] == code:
            return e["place"]
    township = next(t for t in data.COUNTY["children"] if t["code"] == code)
    return {"zh": f"{township['zh']}巴扎", "ug": f"{township['ug']} بازىرى", "en": f"{township['en']} bazaar"}
