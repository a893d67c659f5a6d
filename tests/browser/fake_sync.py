"""A stand-in for the sync API that follows the contract in DESIGN.md, for tests of the tablet's own
behaviour (outbox, retries, lost answers, 401, 413) without the server's implementation.

It is installed with Playwright's ``context.route`` on ``/api/sync/v1/*`` and holds records by id, like
the server: a repeated record is ``duplicate``, a changed one ``conflict``, a check-in of an unknown
attendee ``held`` until the attendee arrives.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta

from playwright.sync_api import Route

TOKEN = "device-token-for-tests"
PASS_TOKENS = ["A" * 31 + "B", "C" * 31 + "D"]  # residents registered elsewhere, already on the server


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def pack(now: datetime | None = None) -> list[dict]:
    """The changes a tablet of the demo area pulls: areas, employers, one event today, postings, notices,
    two known attendees."""
    now = now or datetime.now(UTC)
    county, village1, village2 = (str(uuid.uuid5(uuid.NAMESPACE_URL, f"area{i}")) for i in range(3))
    emp1, emp2 = (str(uuid.uuid5(uuid.NAMESPACE_URL, f"emp{i}")) for i in range(2))
    posts = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"post{i}")) for i in range(3)]
    notes = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"note{i}")) for i in range(2)]
    event = str(uuid.uuid5(uuid.NAMESPACE_URL, "event"))
    name = lambda zh, ug, en: {"zh": zh, "ug": ug, "en": en}  # noqa: E731
    def texts(zh, ug, en, place=("", "", "")):
        return {"zh": {"title": zh, "description": f"{zh}：包吃住，月休四天。", "requirements": "", "work_place": place[0]},
                "ug": {"title": ug, "description": "", "requirements": "", "work_place": place[1]},
                "en": {"title": en, "description": f"{en}: meals and housing provided.", "requirements": "",
                       "work_place": place[2]}}
    changes = [
        {"type": "area", "id": county, "data": {"code": "T", "level": "county", "parent_id": None,
                                                "name": name("测试县", "سىناق ناھىيىسى", "Test County")}},
        {"type": "area", "id": village1, "data": {"code": "T-01", "level": "village", "parent_id": county,
                                                  "name": name("阿克村", "ئاق كەنت", "Ak Village")}},
        {"type": "area", "id": village2, "data": {"code": "T-02", "level": "village", "parent_id": county,
                                                  "name": name("托格拉克村", "توغراق كەنت", "Toghraq Village")}},
        {"type": "employer", "id": emp1, "data": {"name": name("丝路纺织有限公司", "يىپەك يولى توقۇمىچىلىق شىركىتى",
                                                                 "Silk Road Textiles"), "sector": "manufacturing"}},
        {"type": "employer", "id": emp2, "data": {"name": name("绿洲果业合作社", "بوستان مېۋە كوپراتىپى",
                                                                 "Oasis Fruit Cooperative"), "sector": "agriculture"}},
    ]
    specs = [
        (posts[0], emp1, "manufacturing", 20, 3500, 4500, "month", village1, True, True, False,
         texts("缝纫工", "تىككۈچى", "Sewing machine operator", ("县城工业园", "ناھىيە سانائەت باغچىسى", "County industrial park"))),
        (posts[1], emp2, "agriculture", 30, 150, 180, "day", village2, False, True, True,
         texts("红枣采摘工", "قىزىل چىلان تەرگۈچى", "Jujube picker")),
        (posts[2], emp1, "logistics", 4, 5000, None, "month", village1, True, False, True,
         texts("仓库叉车司机", "ئامبار ياك ماشىنىسى شوپۇرى", "Forklift driver")),
    ]
    for pid, emp, sector, openings, wmin, wmax, unit, area, housing, meals, transport, tx in specs:
        changes.append({"type": "posting", "id": pid, "data": {
            "code": "J" + pid[:5].upper(), "employer_id": emp, "sector": sector, "openings": openings,
            "wage_min": wmin, "wage_max": wmax, "wage_unit": unit, "area_id": area, "housing": housing,
            "meals": meals, "transport": transport, "valid_until": None, "status": "published", "texts": tx,
            "url": f"http://127.0.0.1:5000/j/J{pid[:5].upper()}"}})
    changes += [
        {"type": "notice", "id": notes[0], "data": {"code": "N1", "kind": "training", "valid_until": None,
                                                    "status": "published", "url": "http://127.0.0.1:5000/n/N1",
                                                    "texts": {"zh": {"title": "电工培训班", "body": ""},
                                                              "ug": {"title": "ئېلېكتر ئىشچىلىرى كۇرسى", "body": ""},
                                                              "en": {"title": "Electrician course", "body": ""}}}},
        {"type": "notice", "id": notes[1], "data": {"code": "N2", "kind": "policy", "valid_until": None,
                                                    "status": "published", "url": "http://127.0.0.1:5000/n/N2",
                                                    "texts": {"zh": {"title": "创业担保贷款", "body": ""},
                                                              "ug": {"title": "كارخانا قۇرۇش قەرزى", "body": ""},
                                                              "en": {"title": "Start-up loans", "body": ""}}}},
        {"type": "event", "id": event, "data": {
            "code": "E12345", "kind": "bazaar", "area_id": village1,
            "place": name("阿克村巴扎", "ئاق كەنت بازىرى", "Ak Village bazaar"),
            "starts_at": (now - timedelta(hours=1)).isoformat(), "ends_at": (now + timedelta(hours=6)).isoformat(),
            "status": "planned", "posting_ids": posts, "notice_ids": notes, "url": "http://127.0.0.1:5000/e/E12345"}},
        {"type": "event", "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "past")), "data": {   # not offered any more
            "code": "E23456", "kind": "village", "area_id": village2,
            "place": name("上周的活动", "ئۆتكەن ھەپتە", "Last week"),
            "starts_at": (now - timedelta(days=7)).isoformat(), "ends_at": (now - timedelta(days=7, hours=-4)).isoformat(),
            "status": "planned", "posting_ids": posts, "notice_ids": [], "url": "http://127.0.0.1:5000/e/E23456"}},
    ]
    for i, token in enumerate(PASS_TOKENS):
        changes.append({"type": "attendee", "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"att{i}")), "data": {
            "name": ["阿依古丽", "买买提"][i], "village_id": village1, "group": "rural_worker", "pass_hash": sha(token)}})
    return changes


class FakeSync:
    """The contract's server side, in memory. ``fail`` holds statuses to answer the next pushes with."""

    def __init__(self):
        self.records: dict[str, dict] = {}
        self.held: dict[str, dict] = {}
        self.known_attendees = {c["id"] for c in pack() if c["type"] == "attendee"}
        self.pushes: list[list[str]] = []
        self.fail: list = []          # e.g. [500] or ["lose"] (commit, then lose the answer) or [401]
        self.changes = pack()
        self.max_batch = None         # answer 413 to larger batches
        self.offline = False          # routed requests bypass context.set_offline: fail them here too

    def set_offline(self, context, offline: bool) -> None:
        """Cut (or restore) the network of ``context``, the stand-in API included."""
        self.offline = offline
        context.set_offline(offline)

    def install(self, context) -> None:
        context.route("**/api/sync/v1/**", self.handle)

    def _json(self, route: Route, status: int, body) -> None:
        route.fulfill(status=status, content_type="application/json", body=json.dumps(body))

    def handle(self, route: Route) -> None:
        request = route.request
        if self.offline:
            return route.abort("internetdisconnected")
        path = request.url.split("/api/sync/v1/", 1)[1]
        if path.startswith("enroll"):
            data = json.loads(request.post_data or "{}")
            if data.get("code") != "ENROLL1":
                return self._json(route, 400, {"error": "invalid", "message": "unknown code"})
            return self._json(route, 200, {"token": TOKEN, "device": {"id": "dev-1", "name": data.get("name"),
                                                                       "area": "T"}})
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return self._json(route, 401, {"error": "unauthorized"})
        if path.startswith("pull"):
            cursor = int(path.split("cursor=")[1]) if "cursor=" in path else 0
            page = self.changes[cursor:cursor + 5]
            return self._json(route, 200, {"changes": page, "cursor": cursor + len(page),
                                           "more": cursor + len(page) < len(self.changes)})
        if path.startswith("push"):
            records = json.loads(request.post_data)["records"]
            if self.max_batch and len(records) > self.max_batch:
                return self._json(route, 413, {"error": "too_large"})
            what = self.fail.pop(0) if self.fail else None
            if what is not None:
                if what == "lose":
                    self.apply(records)
                    return route.abort("connectionreset")
                if what == "portal":
                    return route.fulfill(status=200, content_type="text/html", body="<html>Welcome to WiFi</html>")
                return self._json(route, what, {"error": "failure"})
            return self._json(route, 200, self.apply(records))
        return self._json(route, 404, {"error": "not_found"})

    def apply(self, records: list[dict]) -> dict:
        self.pushes.append([r["id"] for r in records])
        results = []
        for r in records:
            results.append({"id": r["id"], "status": self._one(r)})
        for hid, r in list(self.held.items()):
            if r["data"]["attendee_id"] in self.known_attendees:
                self.records[hid] = self.held.pop(hid)
        ids = sorted(self.records)
        return {"results": results, "receipt": {"device_records": len(ids),
                                                "digest": sha("\n".join(ids))}}

    def _one(self, r: dict) -> str:
        old = self.records.get(r["id"])
        if old is not None:
            return "duplicate" if old == r else "conflict"
        if r["type"] == "attendee":
            self.known_attendees.add(r["id"])
        attendee = r["data"].get("attendee_id")
        if attendee and attendee not in self.known_attendees:
            self.held[r["id"]] = r
            return "held"
        self.records[r["id"]] = r
        return "accepted"

    def of_type(self, kind: str) -> list[dict]:
        return [r for r in self.records.values() if r["type"] == kind]
