"""The demo county's training courses: sessions of each published training notice, in the townships, some
over, some under way or to come, in the languages the county teaches in.

Idempotent: each session has a stable id derived from its course and number; a session already stored
is left as it is (an office user of the demo may have changed it).
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from collections import Counter

from sqlalchemy import func, select

from caravan.demo.loader import demo_id
from caravan.extensions import db
from caravan.models import (Area, InstructionLanguage, Interest, Notice, NoticeKind, PublishStatus, ReferralStatus,
                            TrainingSession)

#: Where sessions are held: (township code, place in Chinese, in Uyghur, in English).
PLACES = (("KT-01", "阔克塔勒镇职业技能培训中心", "كۆكتال بازىرى كەسپىي ماھارەت تەربىيەلەش مەركىزى",
           "Koktal Town Vocational Skills Training Centre"),
          ("KT-02", "阿纳尔巴格乡文化站", "ئانارباغ يېزىلىق مەدەنىيەت پونكىتى", "Anarbagh Township Cultural Station"),
          ("KT-03", "英艾日克镇党群服务中心", "يېڭىئېرىق بازىرى ئاممىۋى مۇلازىمەت مەركىزى",
           "Yengieriq Town Community Service Centre"),
          ("KT-04", "阿克亚尔乡便民服务中心", "ئاقيار يېزىلىق خەلققە قولايلىق مۇلازىمەت مەركىزى",
           "Aqyar Township Citizen Service Centre"))
#: Each course's sessions: (days from today to its first day, days it lasts). One is over, one is under way
#: or close, one is to come.
SCHEDULE = ((-40, 10), (-3, 14), (21, 10))
LANGUAGES = (InstructionLanguage.bilingual, InstructionLanguage.ug, InstructionLanguage.zh)


def add_sessions(seed: str, today: date) -> int:
    """Add the sessions of every published training course that lack them; returns how many were added."""
    areas = {a.code: a for a in db.session.scalars(select(Area).where(Area.code.in_([p[0] for p in PLACES])))}
    courses = db.session.scalars(select(Notice).where(Notice.kind == NoticeKind.training,
                                                      Notice.status == PublishStatus.published)
                                 .order_by(Notice.id))
    added = 0
    for course in courses:
        rng = random.Random(f"{seed}:{course.id}:sessions")
        for n, (offset, days) in enumerate(SCHEDULE):
            session_id = demo_id("training-session", f"{course.id}:{n}")
            if db.session.get(TrainingSession, session_id) is not None:
                continue
            code, place_zh, place_ug, place_en = rng.choice(PLACES)
            language = LANGUAGES[(n + rng.randrange(len(LANGUAGES))) % len(LANGUAGES)]
            start = today + timedelta(days=offset + rng.randint(0, 4))
            db.session.add(TrainingSession(id=session_id, notice=course, area=areas.get(code), starts_on=start,
                                           ends_on=start + timedelta(days=days - 1), place_zh=place_zh,
                                           place_ug=place_ug, place_en=place_en,
                                           seats=rng.choice((20, 25, 30, 40)), language=language))
            added += 1
    db.session.flush()
    return added


class Placement:
    """Where the demo's follow-up enrols residents: the first session of their course that has not ended on
    the day of the step and has a seat left (counting those enrolled before); None when every one is full."""

    def __init__(self):
        self._sessions: dict[str, list[TrainingSession]] = {}
        self._taken: Counter[str] = Counter()

    def session_id(self, notice_id: str, day: date) -> str | None:
        """The session to enrol in on ``day``, its seat taken."""
        if notice_id not in self._sessions:
            self._sessions[notice_id] = list(db.session.scalars(select(TrainingSession).where(
                TrainingSession.notice_id == notice_id).order_by(TrainingSession.starts_on, TrainingSession.id)))
            self._taken.update(dict(db.session.execute(
                select(Interest.session_id, func.count()).where(Interest.notice_id == notice_id,
                                                                Interest.status == ReferralStatus.enrolled,
                                                                Interest.session_id.is_not(None))
                .group_by(Interest.session_id)).all()))
        for session in self._sessions[notice_id]:
            if session.ends_on >= day and self._taken[session.id] < session.seats:
                self._taken[session.id] += 1
                return session.id
        return None
