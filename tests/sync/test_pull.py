"""Pulling: pages of the change feed, scoped to the tablet's area, in the shared shapes."""
import hashlib
from zoneinfo import ZoneInfo

from caravan.models import CheckIn, CheckInMethod, EventStatus, Notice, NoticeKind, NoticeTranslation, PublishStatus
from caravan.models.base import utcnow


def pull_all(tablet, limit=None):
    """Every change from cursor 0, page by page; returns the changes and the pages' sizes."""
    cursor, changes, sizes = 0, [], []
    while True:
        params = {"cursor": cursor, **({"limit": limit} if limit else {})}
        response = tablet.pull(**params)
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.json
        changes += body["changes"]
        sizes.append(len(body["changes"]))
        assert body["cursor"] >= cursor
        cursor = body["cursor"]
        if not body["more"]:
            return changes, sizes, cursor


def test_paging_with_limit_cursor_and_more(make_tablet, build):
    build.county()
    for _ in range(5):
        build.employer()
    tablet = make_tablet()
    changes, sizes, cursor = pull_all(tablet, limit=2)
    assert [c["type"] for c in changes] == ["area"] + ["employer"] * 5
    assert sizes == [2, 2, 2]
    assert tablet.pull(cursor=cursor).json == {"changes": [], "cursor": cursor, "more": False}
    build.employer(name_zh="新雇主")
    later = tablet.pull(cursor=cursor).json
    assert [c["data"]["name"]["zh"] for c in later["changes"]] == ["新雇主"]


def test_events_within_the_tablets_area_and_county_wide_entities(make_tablet, build):
    north, south = build.area(), build.area()
    village = build.area("village", parent=north)
    mine, in_village, theirs = build.event(area=north), build.event(area=village), build.event(area=south)
    county_event = build.event()
    posting = build.posting()
    tablet = make_tablet(area=north)
    changes, _, _ = pull_all(tablet)
    events = {c["id"] for c in changes if c["type"] == "event"}
    assert events == {mine.id, in_village.id}
    assert theirs.id not in events and county_event.id not in events
    assert {c["id"] for c in changes if c["type"] == "area"} == {build.county().id, north.id, south.id, village.id}
    assert posting.id in {c["id"] for c in changes if c["type"] == "posting"}


def test_shapes_of_the_data(make_tablet, build, db):
    posting = build.posting("缝纫工")
    event = build.event()
    event.postings.append(posting)
    db.session.commit()
    person = build.attendee(phone="139 1234 5678")
    tablet = make_tablet()
    changes = {c["id"]: c for c in pull_all(tablet)[0]}
    data = changes[event.id]["data"]
    assert set(data) == {"code", "kind", "area_id", "place", "starts_at", "ends_at", "status", "posting_ids",
                         "notice_ids", "url"}
    assert data["posting_ids"] == [posting.id] and data["url"].endswith(f"/e/{event.code}")
    assert data["starts_at"].endswith("+00:00") and set(data["place"]) == {"zh", "ug", "en"}
    pdata = changes[posting.id]["data"]
    assert pdata["texts"]["zh"]["title"] == "缝纫工" and pdata["url"].endswith(f"/j/{posting.code}")
    assert set(pdata) >= {"code", "employer_id", "sector", "openings", "wage_min", "wage_max", "wage_unit",
                          "area_id", "housing", "meals", "transport", "valid_until", "status"}
    adata = changes[person.id]["data"]
    assert adata == {"name": person.name, "village_id": None, "group": "rural_worker",
                     "pass_hash": hashlib.sha256(person.pass_token.encode()).hexdigest(),
                     "registered_on": person.consent_at.astimezone(ZoneInfo("Asia/Urumqi")).date().isoformat(),
                     "phone_tail": "78"}
    assert person.phone not in str(changes)
    assert person.pass_token not in str(changes)
    area = changes[build.county().id]["data"]
    assert area == {"code": "T", "level": "county", "parent_id": None,
                    "name": {"zh": "测试县", "ug": "سىناق ناھىيىسى", "en": "Test County"}}


def test_unpublished_cancelled_and_erased_come_as_deleted(make_tablet, build, db):
    draft = build.posting(status="draft")
    notice = Notice(code="N2345A", kind=NoticeKind.policy, status=PublishStatus.published,
                    translations=[NoticeTranslation(lang="zh", title="政策")])
    db.session.add(notice)
    event = build.event()
    person = build.attendee()
    tablet = make_tablet()
    _, _, cursor = pull_all(tablet)
    changes = {c["id"]: c for c in pull_all(tablet)[0]}
    assert changes[draft.id] == {"type": "posting", "id": draft.id, "data": None, "deleted": True}
    assert changes[notice.id]["data"]["texts"]["zh"]["title"] == "政策"
    event.status = EventStatus.cancelled
    person.erased_at = utcnow()
    person.name = "—"
    notice.status = PublishStatus.closed
    db.session.commit()
    later = tablet.pull(cursor=cursor).json["changes"]
    assert {(c["type"], c["id"]) for c in later if c.get("deleted")} == {
        ("event", event.id), ("attendee", person.id), ("notice", notice.id)}
    assert all(c["data"] is None for c in later)


def test_an_entity_changed_twice_in_a_page_comes_once(make_tablet, build, db):
    employer = build.employer()
    tablet = make_tablet()
    _, _, cursor = pull_all(tablet)
    employer.name_en = "One"
    db.session.commit()
    employer.name_en = "Two"
    db.session.commit()
    body = tablet.pull(cursor=cursor).json
    assert [c["data"]["name"]["en"] for c in body["changes"]] == ["Two"]


def test_bad_cursor_and_limit_are_400(tablet):
    for params in ({"cursor": "-1"}, {"cursor": "x"}, {"limit": "0"}, {"limit": "1001"}, {"cursor": "1e3"}):
        response = tablet.pull(**params)
        assert response.status_code == 400 and response.is_json, params


def test_huge_negative_and_not_quite_numeric_values_are_a_clear_400(tablet):
    largest = 2**63 - 1  # the feed's numbers are 64-bit
    bad = ["99999999999999999999999", str(largest + 1), "-0", "+5", " 5", "5 ", "1.0", "0x10", "1_000", "NaN",
           "\u0661\u0662", "\u00b2", "5\x00", "-9223372036854775808"]
    for name in ("cursor", "limit"):
        for value in bad + (["-1", "0", "1001", "abc"] if name == "limit" else []):
            response = tablet.pull(**{name: value})
            assert response.status_code == 400, (name, value, response.status_code)
            assert response.json["error"] == "bad_request" and "cursor" in response.json["message"], (name, value)
    for query, status in (("cursor=%ff", 400), ("limit=%00", 400), ("cursor=&limit=", 200)):  # empty: defaults
        response = tablet.client.get(f"/api/sync/v1/pull?{query}", headers=tablet.headers)
        assert response.status_code == status and response.is_json, query
    body = tablet.pull(cursor=str(largest)).json
    assert body == {"changes": [], "cursor": largest, "more": False}
    assert tablet.pull(limit="1000").status_code == 200 and tablet.pull(limit="1").status_code == 200


def test_an_event_moved_to_another_township_brings_its_checkins_and_residents_there(make_tablet, build, db):
    north, south = build.area(), build.area()
    event = build.event(area=north)
    resident = build.attendee(village=build.area("village", parent=north))
    checkin = CheckIn(event_id=event.id, attendee_id=resident.id, method=CheckInMethod.scan)
    db.session.add(checkin)
    db.session.commit()
    southern = make_tablet("South", area=south)
    _, _, cursor = pull_all(southern)
    event.area = south
    db.session.commit()
    arrived = {(c["type"], c["id"]) for c in southern.pull(cursor=cursor).json["changes"]}
    # The tablets now at the stop know who is checked in already, and who that is.
    assert arrived == {("event", event.id), ("checkin", checkin.id), ("attendee", resident.id)}


def test_pull_needs_a_valid_token(client):
    assert client.get("/api/sync/v1/pull").status_code == 401


def test_an_event_moved_to_another_township_leaves_the_old_townships_tablets(make_tablet, build, db):
    north, south = build.area(), build.area()
    event = build.event(area=north)
    northern, southern = make_tablet("North", area=north), make_tablet("South", area=south)
    _, _, north_cursor = pull_all(northern)
    _, _, south_cursor = pull_all(southern)
    event.area = south  # the office corrects where the stop takes place
    db.session.commit()
    later = northern.pull(cursor=north_cursor).json["changes"]
    assert [(c["type"], c["id"], c.get("deleted")) for c in later] == [("event", event.id, True)]
    arrived = southern.pull(cursor=south_cursor).json["changes"]
    assert [(c["type"], c["id"], c["data"]["area_id"]) for c in arrived] == [("event", event.id, south.id)]
    south_cursor = southern.pull(cursor=south_cursor).json["cursor"]
    event.area_id = north.id  # and back again, through the column this time
    db.session.commit()
    assert [(c["id"], c.get("deleted")) for c in southern.pull(cursor=south_cursor).json["changes"]] == [
        (event.id, True)]
