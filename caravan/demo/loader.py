"""Loading the demo county of :mod:`caravan.demo.data` into the database.

Every demo row gets a UUID derived from its key, so a second run finds what the first one made and adds
nothing twice.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select

from caravan.demo import data
from caravan.extensions import db
from caravan.models import (Area, AreaLevel, Attendee, AttendeeGroup, ConsentChannel, Employer, Event,
                            EventKind, Notice, NoticeKind, NoticeTranslation, Posting, PostingTranslation,
                            PublishStatus, Role, Sector, User, WageUnit)
from caravan.models.base import utcnow
from caravan.services.codes import CODE_ALPHABET, CODE_LENGTH, new_code, new_pass_token

_NAMESPACE = uuid.UUID("5d0c8a4e-6f0b-4c55-9a43-5a1f6b2c7e10")
LANGS = ("zh", "ug", "en")


def demo_id(kind: str, key: str) -> str:
    """The stable UUID of a demo row."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


def demo_code(model, key: str) -> str:
    """The short code of a demo posting or event: derived from its key, so every demo database has the same
    codes (the README's examples name them); a new random one in the rare case it is taken."""
    number = uuid.UUID(demo_id("code", key)).int
    code = "".join(CODE_ALPHABET[number // len(CODE_ALPHABET) ** i % len(CODE_ALPHABET)] for i in range(CODE_LENGTH))
    return new_code(model) if db.session.scalar(select(model.id).where(model.code == code)) else code


def load_demo(password: str) -> dict[str, tuple[int, int]]:
    """Add whatever part of the demo county is missing; returns (added, total) per kind of row."""
    loader = _Loader()
    areas = loader.areas(data.COUNTY, None, AreaLevel.county)
    employers = loader.employers(areas)
    postings = loader.postings(employers, areas)
    notices = loader.notices()
    loader.events(areas, postings, notices)
    loader.attendees(areas)
    loader.users(areas[data.COUNTY["code"]], password)
    db.session.flush()
    models = {"areas": Area, "employers": Employer, "postings": Posting, "notices": Notice, "events": Event,
              "attendees": Attendee, "users": User}
    return {name: (loader.added.get(name, 0), db.session.scalar(select(func.count()).select_from(model)))
            for name, model in models.items()}


class _Loader:
    def __init__(self):
        self.added: dict[str, int] = {}
        self.today = date.today()
        self.zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])

    def _get_or_add(self, kind: str, model, key: str, build):
        row = db.session.get(model, demo_id(kind, key))
        if row is None:
            row = build()
            row.id = demo_id(kind, key)
            db.session.add(row)
            db.session.flush()
            self.added[kind] = self.added.get(kind, 0) + 1
        return row

    def areas(self, node: dict, parent: Area | None, level: AreaLevel) -> dict[str, Area]:
        area = self._get_or_add("areas", Area, node["code"], lambda: Area(
            code=node["code"], level=level, parent=parent,
            name_zh=node["zh"], name_ug=node["ug"], name_en=node["en"]))
        found = {node["code"]: area}
        below = AreaLevel.township if level == AreaLevel.county else AreaLevel.village
        for child in node.get("children", []):
            found.update(self.areas(child, area, below))
        return found

    def employers(self, areas) -> dict[str, Employer]:
        return {e["key"]: self._get_or_add("employers", Employer, e["key"], lambda e=e: Employer(
            name_zh=e["zh"], name_ug=e["ug"], name_en=e["en"], sector=Sector(e["sector"]),
            area=areas[e["area"]], contact_name=e["contact_name"], contact_phone=e["contact_phone"]))
            for e in data.EMPLOYERS}

    def postings(self, employers, areas) -> dict[str, Posting]:
        def build(p):
            return Posting(
                code=demo_code(Posting, p["key"]), employer=employers[p["employer"]], sector=Sector(p["sector"]),
                openings=p["openings"], wage_min=p["wage_min"], wage_max=p["wage_max"],
                wage_unit=WageUnit(p["wage_unit"]), area=areas[p["area"]], housing=p["housing"],
                meals=p["meals"], transport=p["transport"], status=PublishStatus(p["status"]),
                valid_until=self.today + timedelta(days=p["valid_days"]),
                translations=[PostingTranslation(lang=lang, **p["texts"][lang]) for lang in LANGS])
        return {p["key"]: self._get_or_add("postings", Posting, p["key"], lambda p=p: build(p))
                for p in data.POSTINGS}

    def notices(self) -> dict[str, Notice]:
        def build(n):
            return Notice(code=new_code(Notice), kind=NoticeKind(n["kind"]), status=PublishStatus.published,
                          valid_until=self.today + timedelta(days=n["valid_days"]),
                          translations=[NoticeTranslation(lang=lang, **n["texts"][lang]) for lang in LANGS])
        return {n["key"]: self._get_or_add("notices", Notice, n["key"], lambda n=n: build(n))
                for n in data.NOTICES}

    def _local(self, day_offset: int, hhmm: str) -> datetime:
        day = self.today + timedelta(days=day_offset)
        return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=self.zone)

    def events(self, areas, postings, notices) -> None:
        def build(e):
            return Event(
                code=demo_code(Event, e["key"]), kind=EventKind(e["kind"]), area=areas[e["area"]],
                place_zh=e["place"]["zh"], place_ug=e["place"]["ug"], place_en=e["place"]["en"],
                starts_at=self._local(e["day_offset"], e["start"]), ends_at=self._local(e["day_offset"], e["end"]),
                postings=[postings[k] for k in e["postings"]], notices=[notices[k] for k in e["notices"]])
        from caravan.demo.fairs import add_participants  # it uses this module's demo_id
        for e in data.EVENTS:
            event = self._get_or_add("events", Event, e["key"], lambda e=e: build(e))
            if event.kind == EventKind.job_fair:
                add_participants(event)

    def attendees(self, areas) -> None:
        version = current_app.config["CONSENT_VERSION"]
        for i, a in enumerate(data.ATTENDEES):
            self._get_or_add("attendees", Attendee, f"attendee{i}", lambda a=a: Attendee(
                name=a["name"], phone=a["phone"], village=areas[a["village"]], group=AttendeeGroup(a["group"]),
                skills=a["skills"], wishes=a["wishes"], consent_at=utcnow(), consent_version=version,
                consent_channel=ConsentChannel.office, pass_token=new_pass_token()))

    def users(self, county: Area, password: str) -> None:
        # The county's staff write their names in Chinese; these are placeholders for the demo logins.
        names = {Role.field: "外勤组（演示）", Role.office: "县局办公室（演示）", Role.admin: "系统管理员（演示）"}
        for role, display in names.items():
            user = db.session.scalar(select(User).where(User.username == role.value))
            if user is None:
                user = User(username=role.value, role=role, area=county, display_name=display)
                user.set_password(password)
                db.session.add(user)
                self.added["users"] = self.added.get("users", 0) + 1
