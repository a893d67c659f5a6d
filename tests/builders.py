"""Small factories for test data; each returns a committed model with sensible defaults.

They commit so that requests, which run in their own sessions, see the rows.
"""
from __future__ import annotations

import itertools
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event

from caravan.models import (Area, AreaLevel, Attendee, AttendeeGroup, ConsentChannel, Employer, Event, EventKind,
                            Notice, NoticeKind, NoticeTranslation, Posting, PostingTranslation, PublishStatus, Role,
                            User)
from caravan.models.base import utcnow
from caravan.models.survey import EmployerVisit, SurveyRound, VisitVacancy
from caravan.services.codes import new_code, new_pass_token


class Builder:
    def __init__(self, db, password: str):
        self.db = db
        self.password = password
        self._n = itertools.count(1)
        self._county = None

    def _add(self, obj):
        self.db.session.add(obj)
        self.db.session.commit()
        return obj

    def county(self) -> Area:
        """One county per test, made on first use."""
        if self._county is None:
            self._county = self._add(Area(code="T", level=AreaLevel.county, name_zh="测试县",
                                          name_ug="سىناق ناھىيىسى", name_en="Test County"))
        return self._county

    def area(self, level: str = "township", parent: Area | None = None, **kw) -> Area:
        n = next(self._n)
        parent = parent or self.county()
        kw.setdefault("name_zh", f"地区{n}")
        kw.setdefault("name_en", f"Area {n}")
        return self._add(Area(code=f"{parent.code}-{n:02d}", level=AreaLevel(level), parent=parent, **kw))

    def user(self, role: str, area: Area | None = None, **kw) -> User:
        n = next(self._n)
        user = User(username=kw.pop("username", f"{role}{n}"), role=Role(role), area=area or self.county(), **kw)
        user.set_password(self.password)
        return self._add(user)

    def employer(self, **kw) -> Employer:
        kw.setdefault("name_zh", f"雇主{next(self._n)}")
        return self._add(Employer(**kw))

    def posting(self, title: str = "缝纫工", status: str = "published", **kw) -> Posting:
        kw.setdefault("employer", self.employer())
        translations = kw.pop("translations", None) or [PostingTranslation(lang="zh", title=title)]
        return self._add(Posting(code=new_code(Posting), status=PublishStatus(status),
                                 translations=translations, **kw))

    def notice(self, title: str = "缝纫技能培训", status: str = "published", **kw) -> Notice:
        kw.setdefault("kind", NoticeKind.training)
        translations = kw.pop("translations", None) or [NoticeTranslation(lang="zh", title=title)]
        return self._add(Notice(code=new_code(Notice), status=PublishStatus(status), translations=translations, **kw))

    def event(self, area: Area | None = None, starts_in_hours: float = 2, hours: float = 6, **kw) -> Event:
        start = utcnow() + timedelta(hours=starts_in_hours)
        kw.setdefault("kind", EventKind.bazaar)
        kw.setdefault("place_zh", f"集市{next(self._n)}")
        return self._add(Event(code=new_code(Event), area=area or self.county(), starts_at=start,
                               ends_at=start + timedelta(hours=hours), **kw))

    def attendee(self, name: str = "阿依古丽", **kw) -> Attendee:
        kw.setdefault("group", AttendeeGroup.rural_worker)
        kw.setdefault("consent_at", utcnow())
        return self._add(Attendee(name=name, consent_version="test",
                                  consent_channel=ConsentChannel.tablet, pass_token=new_pass_token(), **kw))

    def survey_round(self, area: Area | None = None, **kw) -> SurveyRound:
        """A survey round of ``area`` (the county) running from a month ago to half a year ahead."""
        today = utcnow().date()
        kw.setdefault("name", f"用工调查{next(self._n)}")
        return self._add(SurveyRound(area=area or self.county(), starts_on=today - timedelta(days=30),
                                     ends_on=today + timedelta(days=180), **kw))

    def visit(self, survey_round: SurveyRound, employer: Employer, lines: int = 1, **kw) -> EmployerVisit:
        """A visit to ``employer`` in ``survey_round`` today, with ``lines`` vacancy lines."""
        kw.setdefault("staff_name", "阿依古丽")
        return self._add(EmployerVisit(round=survey_round, employer=employer, visited_on=utcnow().date(),
                                       vacancies=[VisitVacancy(position=n, occupation=f"工种{n}", count=n + 1)
                                                  for n in range(lines)], **kw))


@contextmanager
def counting(engine):
    """Collect the SQL statements sent to ``engine`` inside the block; yields a list that fills up (for
    query budgets)."""
    statements: list[str] = []

    def before(_conn, _cursor, statement, _parameters, _context, _executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)
