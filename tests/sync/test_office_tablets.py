"""The office's tablet pages: list, enrollment code with QR, revocation, problems and imports."""
import base64
import io
import json
import re
from datetime import datetime, timezone

import zxingcpp
from PIL import Image
from sqlalchemy import select

from caravan.models import AuditEntry, Device, NoticeTranslation, PostingTranslation, Tally
from caravan.models.base import utcnow
from tests.sync.conftest import API


def test_the_list_shows_tablets_with_their_problem_counts_escaped(login_as, make_tablet, build):
    tablet = make_tablet("<b>Tab</b>")
    event = build.event()
    tablet.push([tablet.tally(event.id, count=0), tablet.checkin(event.id, "0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f")])
    login_as("office")
    page = tablet.client.get("/office/tablets/").get_data(as_text=True)
    assert "&lt;b&gt;Tab&lt;/b&gt;" in page and "<b>Tab</b>" not in page
    assert re.search(r'<td class="num has-problems"[^>]*>1</td>\s*<td class="num"[^>]*>0</td>\s*'
                     r'<td class="num has-problems"[^>]*>1</td>', page)
    assert 'href="/office/tablets/"' in page  # the office nav links here


def test_office_dates_are_written_year_first_in_every_language(login_as, make_tablet, db):
    tablet = make_tablet()
    tablet.device.last_sync_at = datetime(2026, 12, 3, 8, 15, tzinfo=timezone.utc)
    db.session.commit()
    login_as("office")
    for lang in ("en", "zh", "ug"):
        page = tablet.client.get("/office/tablets/", headers={"Accept-Language": lang}).get_data(as_text=True)
        assert re.search(r">2026-12-03 \d\d:15<", page), lang
        assert "12/3/26" not in page and "2026/12/3" not in page


def test_a_new_code_is_shown_as_text_and_as_a_qr_that_enrolls(client, login_as, build, db):
    township = build.area()
    login_as("office")
    response = client.post("/office/tablets/codes", data={"area": township.id})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    text = re.search(r'<p class="enroll-code" dir="ltr">([A-Z0-9-]+)</p>', page).group(1)
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', page).group(1))
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [d.text for d in decoded] == [text.replace("-", "")]
    enrolled = client.post(f"{API}/enroll", json={"code": decoded[0].text, "name": "Tablet 9"})
    assert enrolled.status_code == 200 and enrolled.json["area"]["id"] == township.id


def test_a_field_user_cannot_make_codes_and_office_only_for_its_own_areas(client, login_as, build):
    north, south = build.area(), build.area()
    login_as("office", area=north)
    assert client.post("/office/tablets/codes", data={"area": south.id}).status_code == 400
    assert client.post("/office/tablets/codes", data={"area": north.id}).status_code == 200


def test_revoking_asks_first_then_stops_sync_and_is_audited(login_as, make_tablet, build, db):
    tablet = make_tablet()
    event = build.event()
    login_as("office")
    client = tablet.client
    client.get("/lang/en")
    confirm = client.get(f"/office/tablets/{tablet.device.id}/revoke").get_data(as_text=True)
    assert 'method="post"' in confirm and db.session.get(Device, tablet.device.id).revoked_at is None
    # The question says what revoking does to the residents' data on the tablet, and how to come back.
    assert "wipes the residents" in confirm and "re-enroll it" in confirm
    response = client.post(f"/office/tablets/{tablet.device.id}/revoke")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Device, tablet.device.id).revoked
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "device.revoke")).entity_id == tablet.device.id
    assert tablet.push([tablet.tally(event.id)]).status_code == 403


def test_problems_page_shows_no_personal_data(login_as, tablet, build):
    event = build.event()
    person = tablet.attendee(name="Secret Name", group="astronaut")
    tablet.push([person, tablet.checkin(event.id, "0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f"),
                 {"type": "<i>x</i>", "id": "<i>", "seq": 1, "at": "2026-11-20T00:00:00Z", "data": {}}])
    login_as("office")
    page = tablet.client.get("/office/tablets/problems", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Secret Name" not in page and person["data"]["pass_token"] not in page
    assert "Group has a value that is not allowed." in page
    assert "Waiting for Registration to arrive." in page
    assert "&lt;i&gt;x&lt;/i&gt;" in page and "<i>x</i>" not in page


def test_problems_name_the_record_type_the_field_and_what_it_refers_to(login_as, make_tablet, build):
    north, south = build.area(), build.area()
    tablet = make_tablet("North 1", area=north)
    posting = build.posting(status="draft", translations=[PostingTranslation(lang="zh", title="焊工"),
                                                          PostingTranslation(lang="ug", title="كەپشەرچى")])
    notice = build.notice(status="draft", translations=[NoticeTranslation(lang="zh", title="电工培训")])
    there = build.event(south, place_zh="南村广场", place_ug="جەنۇبىي مەيدان")
    person = tablet.attendee()
    tablet.push([person, tablet.interest(person["id"], posting.id), tablet.tally(there.id),
                 tablet.service(build.event(north).id, notice_id=notice.id),
                 tablet.interest(person["id"], "0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f"),  # no such posting
                 tablet.tally(build.event(north).id, count=5000)])
    login_as("office")
    expected = {
        "zh": ["岗位或培训意向", "访客计数", "岗位指向未发布的招聘信息或通知。", "岗位：焊工", "活动：南村广场",
               "通知：电工培训", "正在等待岗位到达。", "数量超出范围。"],
        "ug": ["خىزمەت ئورنى ياكى كۇرسقا قىزىقىش", "خىزمەت ئورنى ئېلان قىلىنمىغان", "خىزمەت ئورنى: كەپشەرچى",
               "پائالىيەت: جەنۇبىي مەيدان", "ئۇقتۇرۇش: 电工培训", "سانى دائىرىدىن"],
    }
    for lang, texts in expected.items():
        page = tablet.client.get("/office/tablets/problems", headers={"Accept-Language": lang}).get_data(as_text=True)
        page = re.sub(r"<[^>]+>", "", page)
        for text in texts:
            assert text in page, (lang, text)
        for raw in ("posting_id", "event_id", "notice_id", "interest", "tally", "count"):
            assert raw not in page, (lang, raw)


def outbox(tablet, records):
    body = {"format": "caravan-outbox", "version": 1, "device_id": tablet.device.id,
            "exported_at": "2026-11-21T09:00:00Z", "records": records}
    return {"file": (io.BytesIO(json.dumps(body).encode()), "outbox.json")}


def test_import_goes_through_the_same_ingest_even_for_a_revoked_tablet(login_as, tablet, build, db):
    event = build.event()
    records = [tablet.tally(event.id), tablet.tally(event.id, count=0)]
    tablet.push(records[:1])
    tablet.device.revoked_at = utcnow()
    db.session.commit()
    login_as("office")
    response = tablet.client.post("/office/tablets/import", data=outbox(tablet, records),
                                  headers={"Accept-Language": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "1 of 2 records from tablet Tablet 1 are now on the server." in page
    assert "already received" in page and "Count is out of range." in page
    assert [t.device_id for t in db.session.scalars(select(Tally))] == [tablet.device.id]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "sync.import")).detail["records"] == 2


def test_import_of_a_file_that_is_no_export_says_so(login_as, tablet):
    login_as("office")
    for content, message in [(b"{", "it is not JSON"), (b'{"records": []}', "export of unsent records"),
                             (json.dumps({"format": "caravan-outbox", "version": 1, "device_id": "x",
                                          "records": []}).encode(), "not enrolled here")]:
        response = tablet.client.post("/office/tablets/import", data={"file": (io.BytesIO(content), "f.json")},
                                      headers={"Accept-Language": "en"})
        assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_revoking_needs_the_csrf_token(app, login_as, make_tablet, db):
    tablet = make_tablet()
    login_as("office")
    app.config["WTF_CSRF_ENABLED"] = True
    response = tablet.client.post(f"/office/tablets/{tablet.device.id}/revoke")
    assert response.status_code == 400
    db.session.expire_all()
    assert not db.session.get(Device, tablet.device.id).revoked
