"""The office's residents: search, scope, the record page, correcting, erasing, registering, the pass card
and the exports."""
from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from caravan.models import (Attendee, AuditEntry, CheckIn, CheckInMethod, ConsentChannel, Device, Interest,
                            ReferralStatus, ReferralStep, ServiceGiven, ServiceKind)
from caravan.models.base import new_uuid, utcnow
from caravan.services import resident_office


@pytest.fixture
def town(build):
    """A township with two villages."""
    township = build.area("township", name_zh="乡甲", name_ug="يېزا ئا", name_en="Town A")
    return {"township": township, "v1": build.area("village", parent=township, name_zh="村一"),
            "v2": build.area("village", parent=township, name_zh="村二")}


def _names(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_search_by_partial_name_in_every_script(client, login_as, build, town):
    build.attendee(name="阿依古丽·买买提", village=town["v1"])
    build.attendee(name="ئايگۈل مەمەت", village=town["v1"])
    build.attendee(name="Aygul Memet", village=town["v2"])
    build.attendee(name="王小明", village=town["v2"])
    login_as("office")
    for q, found, not_found in (("古丽", "阿依古丽", "王小明"), ("ئايگ", "ئايگۈل", "阿依古丽"),
                                ("aygul", "Aygul Memet", "ئايگۈل"), ("MEMET", "Aygul Memet", "王小明")):
        page = _names(client.get("/office/residents/", query_string={"q": q}))
        assert found in page and not_found not in page, q
    # A % or _ typed is a letter, not a wildcard.
    assert "0 residents found" in _names(client.get("/office/residents/?q=%25",
                                                    headers={"Accept-Language": "en"}))


def test_search_by_phone_village_group_and_period(client, login_as, build, town, db):
    old = build.attendee(name="甲老", phone="138 0013-8000", village=town["v1"])
    old.consent_at = utcnow() - timedelta(days=40)
    build.attendee(name="乙新", phone="+86 139 0000 1111", village=town["v2"], group="graduate")
    db.session.commit()
    login_as("office")
    page = _names(client.get("/office/residents/?phone=00138"))
    assert "甲老" in page and "乙新" not in page
    page = _names(client.get("/office/residents/?phone=0000-11"))
    assert "乙新" in page and "甲老" not in page
    page = _names(client.get(f"/office/residents/?village={town['v2'].code}"))
    assert "乙新" in page and "甲老" not in page
    page = _names(client.get(f"/office/residents/?village={town['township'].code}"))
    assert "乙新" in page and "甲老" in page
    page = _names(client.get("/office/residents/?group=graduate"))
    assert "乙新" in page and "甲老" not in page
    since = (utcnow() - timedelta(days=10)).date().isoformat()
    page = _names(client.get(f"/office/residents/?since={since}"))
    assert "乙新" in page and "甲老" not in page
    page = _names(client.get(f"/office/residents/?until={since}"))
    assert "甲老" in page and "乙新" not in page


def test_a_bad_date_is_a_message_on_the_page_and_keeps_the_other_filters(client, login_as, build, town):
    build.attendee(name="甲", village=town["v1"])
    login_as("office")
    page = _names(client.get("/office/residents/?since=2026-13-40&q=甲", headers={"Accept-Language": "en"}))
    assert "Please write the date as YYYY-MM-DD." in page
    assert 'value="2026-13-40"' in page and 'value="甲"' in page


def test_htmx_gets_the_list_only_and_the_page_works_without_it(client, login_as, build, town):
    build.attendee(name="甲", village=town["v1"])
    login_as("office")
    fragment = _names(client.get("/office/residents/?q=甲", headers={"HX-Request": "true"}))
    assert fragment.lstrip().startswith("<section") and "<html" not in fragment
    full = client.get("/office/residents/?q=甲")
    assert "<html" in full.get_data(as_text=True) and "HX-Request" in full.headers["Vary"]


def test_scope_village_checkins_and_no_village(client, login_as, build, town, db):
    other = build.area("township")
    stranger = build.attendee(name="外乡人", village=build.area("village", parent=other))
    visitor = build.attendee(name="来访者", village=build.area("village", parent=other))
    build.attendee(name="无村", village=None)
    event = build.event(area=town["township"])
    db.session.add(CheckIn(id=new_uuid(), event_id=event.id, attendee_id=visitor.id, method=CheckInMethod.scan))
    db.session.commit()
    login_as("office", area=town["township"])
    page = _names(client.get("/office/residents/"))
    assert "来访者" in page and "外乡人" not in page and "无村" not in page
    assert client.get(f"/office/residents/{stranger.id}").status_code == 404
    assert client.get(f"/office/residents/{visitor.id}").status_code == 200
    client.post("/signout")
    login_as("office")  # the area above: the county sees every township's residents
    page = _names(client.get("/office/residents/"))
    assert "无村" in page and "外乡人" in page and "来访者" in page
    assert client.get(f"/office/residents/{stranger.id}").status_code == 200


def test_the_count_stops_at_its_cap_and_every_page_still_follows_in_order(client, login_as, build, town, db,
                                                                          monkeypatch):
    """Past the cap the list says "more than", its pager still leads to every match in the same order, a
    page past the cap counts up to itself, and a resident reached only by a check-in is listed in turn."""
    monkeypatch.setattr(resident_office, "PER_PAGE", 2)
    monkeypatch.setattr(resident_office, "COUNT_CAP", 4)
    elsewhere = build.area("village", parent=build.area("township"))
    event = build.event(area=town["township"])
    start = utcnow()
    names = [f"居民{i}" for i in range(7)]
    for i, name in enumerate(names):  # newest first: 居民0 .. 居民6; 居民2 and 居民5 only by a check-in
        person = build.attendee(name=name, village=elsewhere if i in (2, 5) else town["v1"],
                                consent_at=start - timedelta(days=i))
        if i in (2, 5):
            db.session.add(CheckIn(id=new_uuid(), event_id=event.id, attendee_id=person.id,
                                   method=CheckInMethod.scan))
    build.attendee(name="外人", village=elsewhere)
    db.session.commit()
    login_as("office", area=town["township"])
    en = {"Accept-Language": "en"}
    seen = []
    for page, count, pager, has_next in [(1, "More than 4 residents found", "Page 1 of more than 2", True),
                                         (2, "More than 4 residents found", "Page 2 of more than 2", True),
                                         (3, "More than 6 residents found", "Page 3 of more than 3", True),
                                         (4, "7 residents found", "Page 4 of 4", False)]:
        html = _names(client.get(f"/office/residents/?page={page}", headers=en))
        assert count in html and pager in html, page
        assert ("page=%d" % (page + 1) in html) is has_next
        seen += re.findall(r"居民\d", html)
    assert seen == names and "外人" not in "".join(seen)
    html = _names(client.get("/office/residents/?page=5", headers=en))
    assert "No residents match." in html and "7 residents found" in html


def test_erased_and_merged_are_not_listed_and_a_merged_one_redirects(client, login_as, build, town, db):
    keep = build.attendee(name="留下", village=town["v1"])
    gone = build.attendee(name="合并了", village=town["v1"], merged_into=keep)
    build.attendee(name="", village=town["v1"], erased_at=utcnow())
    erased = db.session.scalar(select(Attendee).where(Attendee.erased_at.is_not(None)))
    login_as("office")
    page = _names(client.get("/office/residents/", headers={"Accept-Language": "en"}))
    assert "留下" in page and "合并了" not in page and "1 resident found" in page
    response = client.get(f"/office/residents/{gone.id}")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/office/residents/{keep.id}")
    assert client.get(f"/office/residents/{erased.id}").status_code == 404


def test_record_page_shows_registration_checkins_services_interests_and_staff(client, login_as, build, town, db):
    clerk = build.user("field", display_name="艾力·录入")
    stepper = build.user("office", display_name="Office Nur")
    device = Device(name="Tablet-Seven", area=town["township"])
    db.session.add(device)
    db.session.flush()
    person = build.attendee(name="阿依古丽", village=town["v1"], device_id=device.id, staff_id=clerk.id)
    event = build.event(area=town["township"], place_zh="巴扎七号")
    posting = build.posting(title="缝纫工七")
    interest = Interest(id=new_uuid(), attendee_id=person.id, posting_id=posting.id, staff_id=clerk.id,
                        device_id=device.id, status=ReferralStatus.referred)
    db.session.add_all([
        CheckIn(id=new_uuid(), event_id=event.id, attendee_id=person.id, method=CheckInMethod.scan,
                device_id=device.id, staff_id=clerk.id),
        ServiceGiven(id=new_uuid(), event_id=event.id, attendee_id=person.id, kind=ServiceKind.policy_advice,
                     staff_id=clerk.id), interest])
    db.session.flush()
    db.session.add(ReferralStep(interest_id=interest.id, status=ReferralStatus.referred, user_id=stepper.id,
                                note="电话已通知"))
    db.session.commit()
    login_as("office")
    page = _names(client.get(f"/office/residents/{person.id}", headers={"Accept-Language": "en"}))
    for text in ("艾力·录入", "Tablet-Seven", "巴扎七号", "缝纫工七", "Office Nur", "电话已通知",
                 "Policy advice", "Pass scanned", "At a stall, on a tablet", "test"):
        assert text in page, text
    # Who registered the person: the staff member and the tablet.
    assert re.search(r"Registered by</dt><dd>[^/]*艾力·录入.*?Tablet-Seven.*?</dd>", page)



@pytest.mark.parametrize("channel, by", [(ConsentChannel.self, "the person, online"), (ConsentChannel.office, "—"),
                                         (ConsentChannel.tablet, "—")])
def test_record_page_says_who_registered_as_the_channel_does(client, login_as, build, town, db, channel, by):
    """Without a staff member or a tablet on record, "registered by" follows the channel: only a resident who
    registered on their own phone registered "online" (an office registration of the demo, or of an import,
    names no clerk, and was not made online)."""
    person = build.attendee(name="阿依古丽", village=town["v1"])
    person.consent_channel = channel
    db.session.commit()
    login_as("office")
    page = _names(client.get(f"/office/residents/{person.id}", headers={"Accept-Language": "en"}))
    assert re.search(r"Registered by</dt><dd>([^<]*)</dd>", page).group(1) == by

@pytest.fixture
def person(build, town):
    return build.attendee(name="阿依古丽", phone="13800138000", village=town["v1"], skills="缝纫")


def test_correct_refuses_bad_input_with_a_message_and_keeps_typed_values(client, login_as, person, town, db):
    login_as("office", area=town["township"])
    response = client.post(f"/office/residents/{person.id}/edit", headers={"Accept-Language": "en"},
                           data={"name": "新名字", "phone": "12ab", "village_id": town["v2"].id,
                                 "group": "graduate", "skills": "x" * 501, "wishes": "司机"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Please write the whole phone number" in page and "At most 500 characters." in page
    assert 'value="新名字"' in page and 'value="12ab"' in page and "司机" in page
    db.session.expire_all()
    assert db.session.get(Attendee, person.id).name == "阿依古丽"
    # A township's clerk cannot leave the village out (the person would leave the township's sight).
    response = client.post(f"/office/residents/{person.id}/edit", headers={"Accept-Language": "en"},
                           data={"name": "新名字", "group": "graduate", "village_id": ""})
    assert response.status_code == 422 and "Please choose a village of your area." in response.get_data(as_text=True)


def test_correct_saves_and_audits_the_field_names_only(client, login_as, person, town, db):
    user = login_as("office", area=town["township"])
    response = client.post(f"/office/residents/{person.id}/edit",
                           data={"name": " 阿依古丽·新 ", "phone": "13800138000", "village_id": town["v2"].id,
                                 "group": "rural_worker", "skills": "缝纫", "wishes": "厨师"})
    assert response.status_code == 303
    db.session.expire_all()
    fresh = db.session.get(Attendee, person.id)
    assert (fresh.name, fresh.village_id, fresh.wishes) == ("阿依古丽·新", town["v2"].id, "厨师")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.correct"))
    assert entry.user_id == user.id and entry.entity_id == person.id
    assert entry.detail == {"fields": ["name", "village_id", "wishes"]}
    assert "阿依古丽" not in str(entry.detail) and "厨师" not in str(entry.detail)


def test_erase_asks_first_then_anonymises_like_the_residents_own(client, login_as, person, db):
    token = person.pass_token
    login_as("office")
    assert "Erase for good" in _names(client.get(f"/office/residents/{person.id}/erase",
                                                 headers={"Accept-Language": "en"}))
    assert client.post(f"/office/residents/{person.id}/erase").status_code == 422
    db.session.expire_all()
    assert db.session.get(Attendee, person.id).erased_at is None
    response = client.post(f"/office/residents/{person.id}/erase", data={"confirm": "1"})
    assert response.status_code == 303
    db.session.expire_all()
    fresh = db.session.get(Attendee, person.id)
    assert fresh.erased_at and (fresh.name, fresh.phone, fresh.skills) == ("", None, "")
    assert client.get(f"/p/{token}").status_code == 404
    assert client.get(f"/office/residents/{person.id}").status_code == 404
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.erase"))
    assert entry.entity_id == person.id and entry.detail == {}


def test_office_registration_records_consent_channel_and_clerk(client, login_as, town, db):
    user = login_as("office", area=town["township"])
    form = {"name": "新来的", "phone": "", "village_id": town["v1"].id, "group": "other", "skills": "",
            "wishes": ""}
    response = client.post("/office/residents/new", data=form, headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert "The person must agree" in response.get_data(as_text=True)
    assert db.session.scalar(select(Attendee)) is None
    response = client.post("/office/residents/new", data=form | {"consent": "1"})
    assert response.status_code == 303
    attendee = db.session.scalar(select(Attendee))
    assert response.headers["Location"].endswith(f"/office/residents/{attendee.id}")
    assert attendee.consent_channel == ConsentChannel.office and attendee.staff_id == user.id
    assert attendee.consent_version == client.application.config["CONSENT_VERSION"]
    page = _names(client.get(f"/office/residents/{attendee.id}", headers={"Accept-Language": "en"}))
    assert "At the office" in page and "Print the pass card" in page
    response = client.post(f"/office/residents/{attendee.id}/pass", data={"lang": "ug"})
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"resident.register", "print.passes"} <= actions


def test_office_registration_refuses_a_village_of_another_area(client, login_as, build, town):
    elsewhere = build.area("village", parent=build.area("township"))
    login_as("office", area=town["township"])
    response = client.post("/office/residents/new", data={"name": "甲", "group": "other", "consent": "1",
                                                          "village_id": elsewhere.id})
    assert response.status_code == 422


def test_csv_export_has_the_users_language_bom_neutralised_cells_and_is_audited(client, login_as, build, town,
                                                                                 db):
    build.attendee(name="=HYPERLINK(\"http://x\")", village=town["v1"], phone="138 0000 0000")
    build.attendee(name="乙", village=town["v2"])
    build.attendee(name="丙", village=town["v2"], group="graduate")
    login_as("office")
    response = client.get(f"/office/residents/export.csv?village={town['v1'].code}",
                          headers={"Accept-Language": "ug"})
    assert response.status_code == 200 and response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data[3:].decode("utf-8"))))
    assert rows[0][:2] == ["ئىسىم-فامىلىسى", "تېلېفون"]
    assert len(rows) == 2 and rows[1][0] == "'=HYPERLINK(\"http://x\")"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.export"))
    assert entry.detail == {"format": "csv", "filters": ["village"], "count": 1}
    response = client.get("/office/residents/export.xlsx?group=rural_worker", headers={"Accept-Language": "en"})
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Full name", "Phone", "Village"] and len(values) == 3
    assert {values[1][0], values[2][0]} == {"乙", "'=HYPERLINK(\"http://x\")"}


def test_export_with_a_bad_date_goes_back_to_the_list(client, login_as):
    login_as("office")
    response = client.get("/office/residents/export.csv?since=yesterday")
    assert response.status_code == 303
