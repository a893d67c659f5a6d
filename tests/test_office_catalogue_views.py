"""The office catalogue pages: htmx fragments and full pages, forms with errors, status changes, scope."""
import re

import pytest
from datetime import timedelta

from sqlalchemy import select

from caravan.models import AuditEntry, Event, Posting, PublishStatus
from caravan.services.catalogue.texts import local_today


def form_for(employer, area, **kw):
    data = {"employer": employer.id, "sector": "services", "openings": "3", "wage_min": "3000", "wage_max": "3600",
            "wage_unit": "month", "area": area.code, "meals": "1",
            "valid_until": (local_today() + timedelta(days=20)).isoformat(),
            "title_zh": "餐厅服务员", "title_ug": "ئاشخانا مۇلازىمەتچىسى", "title_en": "Waiter"}
    data.update(kw)
    return data


def test_list_is_a_full_page_or_an_htmx_fragment(client, login_as, build):
    login_as("office")
    build.posting(title="缝纫工")
    page = client.get("/office/postings/")
    assert page.status_code == 200 and "HX-Request" in page.headers["Vary"]
    html = page.get_data(as_text=True)
    assert "<html" in html and 'id="postings-results"' in html and "缝纫工" in html
    assert 'hx-get="/office/postings/"' in html
    fragment = client.get("/office/postings/?q=缝纫", headers={"HX-Request": "true"})
    assert "HX-Request" in fragment.headers["Vary"]
    text = fragment.get_data(as_text=True)
    assert "<html" not in text and text.lstrip().startswith('<section id="postings-results"') and "缝纫工" in text
    # A history restore asks for the whole page.
    restore = client.get("/office/postings/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.get_data(as_text=True)


def test_filters_work_as_a_plain_get_form(client, login_as, build):
    login_as("office")
    employer = build.employer()
    build.posting(title="缝纫工", employer=employer, status="draft")
    build.posting(title="司机", status="published")
    html = client.get(f"/office/postings/?q=&status=draft&sector=&employer={employer.id}&area=").get_data(as_text=True)
    assert "缝纫工" in html and "司机" not in html
    assert re.search(r'<option value="draft" selected>', html)
    html = client.get("/office/postings/?q=司机").get_data(as_text=True)
    assert "司机" in html and "缝纫工" not in html


def test_missing_translations_are_flagged(client, login_as, build):
    login_as("office", )
    client.get("/lang/en")
    build.posting(title="缝纫工")
    html = client.get("/office/postings/").get_data(as_text=True)
    assert "<bdi>ئۇيغۇرچە</bdi> missing" in html and "<bdi>English</bdi> missing" in html
    # The language's own name sits in text of another script: isolated, and the tag says a translation is missing.
    client.get("/lang/ug")
    html = client.get("/office/postings/").get_data(as_text=True)
    assert "<bdi>English</bdi> تەرجىمىسى يوق" in html
    client.get("/lang/zh")
    assert "缺<bdi>English</bdi>译文" in client.get("/office/postings/").get_data(as_text=True)


def test_create_with_errors_shows_them_in_the_users_language(client, login_as, build):
    user = login_as("office")
    client.get("/lang/ug")
    employer = build.employer(area=user.area)
    response = client.post("/office/postings/new", data=form_for(employer, user.area, openings="0", wage_min="5000",
                                                                 title_zh=""))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert html.count('class="error"') == 3
    assert 'id="f-openings"' in html and 'aria-invalid="true"' in html
    assert re.search(r'<p class="error" id="openings-error">[^<]*[\u0600-\u06ff]', html)
    assert 'value="ئاشخانا مۇلازىمەتچىسى"' in html  # what was typed stays
    assert client.application and not _postings()


def _postings():
    from caravan.extensions import db
    return db.session.scalars(select(Posting)).all()


def test_create_publish_close_and_back_to_draft(client, login_as, build, db):
    user = login_as("office")
    employer = build.employer(area=user.area)
    response = client.post("/office/postings/new", data=form_for(employer, user.area))
    assert response.status_code == 303
    posting = db.session.scalar(select(Posting))
    assert response.headers["Location"] == f"/office/postings/{posting.id}/edit"
    assert posting.status == PublishStatus.draft and posting.meals and not posting.housing
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert posting.code in page and 'form="posting-form" name="then" value="publish"' in page
    for action, status in [("publish", "published"), ("close", "closed"), ("draft", "draft")]:
        assert client.post(f"/office/postings/{posting.id}/{action}").status_code == 303
        db.session.expire_all()
        assert db.session.get(Posting, posting.id).status == PublishStatus(status)
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == posting.id)
                                 .order_by(AuditEntry.id)).all()
    assert actions == ["posting.create", "posting.publish", "posting.close", "posting.draft"]
    assert all(e.user_id == user.id for e in db.session.scalars(select(AuditEntry).where(
        AuditEntry.entity_id == posting.id)))


def test_an_expired_posting_is_not_published_and_the_reason_is_shown(client, login_as, build, db):
    user = login_as("office")
    posting = build.posting(status="draft", area=user.area, valid_until=local_today() - timedelta(days=1))
    response = client.post(f"/office/postings/{posting.id}/publish", follow_redirects=True)
    assert "closing date has passed" in response.get_data(as_text=True) or \
        "截止日期已过" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Posting, posting.id).status == PublishStatus.draft


def test_edit_saves_and_audits_changes(client, login_as, build, db):
    user = login_as("office")
    employer = build.employer(area=user.area)
    client.post("/office/postings/new", data=form_for(employer, user.area))
    posting = db.session.scalar(select(Posting))
    response = client.post(f"/office/postings/{posting.id}/edit", data=form_for(employer, user.area, openings="9",
                                                                               title_en=""))
    assert response.status_code == 303
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "posting.update"))
    assert entry.detail == {"changed": ["openings", "title_en"]}


def test_other_areas_are_out_of_reach(client, login_as, build):
    town, other = build.area("township"), build.area("township")
    login_as("office", area=town)
    mine = build.posting(title="本镇岗位", area=town)
    theirs = build.posting(title="外镇岗位", area=other)
    html = client.get("/office/postings/").get_data(as_text=True)
    assert "本镇岗位" in html and "外镇岗位" not in html
    assert client.get(f"/office/postings/{theirs.id}/edit").status_code == 404
    assert client.post(f"/office/postings/{theirs.id}/close").status_code == 404
    assert client.get(f"/office/postings/{mine.id}/edit").status_code == 200
    event = build.event(area=other)
    assert client.get(f"/office/events/{event.id}/edit").status_code == 404


def test_employers_list_search_and_form(client, login_as, build, db):
    user = login_as("office")
    build.employer(name_zh="绿洲纺纱公司", contact_name="刘海峰")
    build.employer(name_zh="石榴花餐厅")
    fragment = client.get("/office/employers/?q=刘海", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "绿洲纺纱公司" in fragment and "石榴花餐厅" not in fragment and "<html" not in fragment
    response = client.post("/office/employers/new", data={"name_zh": "石榴花餐厅", "area": user.area.code})
    assert response.status_code == 422 and "exists already" in response.get_data(as_text=True) or \
        "已有" in response.get_data(as_text=True)
    response = client.post("/office/employers/new", data={"name_zh": "新雇主", "name_ug": "يېڭى", "sector": "retail",
                                                          "area": user.area.code, "contact_phone": "13900001234"})
    assert response.status_code == 303
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.action == "employer.create"))


def test_notice_form_and_publish(client, login_as, db):
    login_as("office")
    assert client.post("/office/notices/new", data={"kind": "training"}).status_code == 422
    response = client.post("/office/notices/new", data={"kind": "training", "title_zh": "电工培训", "body_zh": "免费"})
    assert response.status_code == 303
    notice_id = response.headers["Location"].split("/")[3]
    assert client.post(f"/office/notices/{notice_id}/publish").status_code == 303
    html = client.get("/office/notices/?status=published").get_data(as_text=True)
    assert "电工培训" in html


def test_event_form_converts_local_time_and_cancels(client, login_as, build, db):
    user = login_as("office")
    posting = build.posting(area=user.area)
    data = {"kind": "bazaar", "area": user.area.code, "place_zh": "周日巴扎", "starts_at": "2027-06-06T09:30",
            "ends_at": "2027-06-06T17:00", "postings": [posting.id]}
    bad = client.post("/office/events/new", data=dict(data, ends_at="2027-06-06T08:00"))
    assert bad.status_code == 422 and 'value="2027-06-06T08:00"' in bad.get_data(as_text=True)
    assert f'value="{posting.id}" checked' in bad.get_data(as_text=True)
    response = client.post("/office/events/new", data=data)
    assert response.status_code == 303
    event = db.session.scalar(select(Event))
    assert event.starts_at.hour == 3 and event.starts_at.minute == 30  # 09:30 in Urumqi is 03:30 UTC
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="2027-06-06T09:30"' in page
    assert "周日巴扎" in client.get("/office/events/").get_data(as_text=True)
    assert client.post(f"/office/events/{event.id}/cancel").status_code == 303
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.action == "event.cancel"))


def test_past_events_tab(client, login_as, build):
    user = login_as("office")
    build.event(area=user.area, place_zh="上周巴扎", starts_in_hours=-200)
    build.event(area=user.area, place_zh="明天巴扎", starts_in_hours=20)
    upcoming = client.get("/office/events/").get_data(as_text=True)
    past = client.get("/office/events/?when=past").get_data(as_text=True)
    assert "明天巴扎" in upcoming and "上周巴扎" not in upcoming
    assert "上周巴扎" in past and "明天巴扎" not in past


def test_the_events_list_says_which_event_is_on_and_which_is_over(client, login_as, build):
    """An event that has begun is not "planned" any more: the list says it is in progress, or over."""
    user = login_as("office")
    build.event(area=user.area, place_zh="正在巴扎", starts_in_hours=-1, hours=6)
    build.event(area=user.area, place_zh="明天巴扎", starts_in_hours=20)
    build.event(area=user.area, place_zh="上周巴扎", starts_in_hours=-200)
    page = (client.get("/office/events/").get_data(as_text=True)
            + client.get("/office/events/?when=past").get_data(as_text=True))
    rows = [row.split("</tr>")[0] for row in page.split("<tr")[1:] if "巴扎" in row]
    words = {"进行中": "In progress", "已结束": "Over", "计划中": "Planned"}  # the office's default language
    status = {place: [words[w] for w in words if w in row]
              for row in rows for place in ("正在巴扎", "明天巴扎", "上周巴扎") if place in row}
    assert status == {"正在巴扎": ["In progress"], "明天巴扎": ["Planned"], "上周巴扎": ["Over"]}


def test_audit_log_filters_and_pages(client, login_as, build, db):
    user = login_as("office")
    other = build.user("office", username="colleague")
    from caravan.services import audit
    for n in range(60):
        audit.record("posting.update", user=other, entity_type="postings", entity_id=f"p{n}", changed=["openings"])
    audit.record("event.cancel", user=user, entity_type="events", entity_id="e1")
    db.session.commit()
    page1 = client.get("/office/audit?action=posting.").get_data(as_text=True)
    assert page1.count('data-action="posting.update"') == 50 and "page=2" in page1
    page2 = client.get("/office/audit?action=posting.&page=2").get_data(as_text=True)
    assert page2.count('data-action="posting.update"') == 10
    mine = client.get(f"/office/audit?user={user.id}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'data-action="event.cancel"' in mine and 'data-action="posting.update"' not in mine
    assert "<html" not in mine
    today = local_today()
    cancel = 'data-action="event.cancel"'
    assert cancel in client.get(f"/office/audit?from={today}&to={today}").get_data(as_text=True)
    assert cancel not in client.get(
        f"/office/audit?to={today - timedelta(days=1)}").get_data(as_text=True)
    assert client.get("/office/audit?from=yesterday").status_code == 200


def test_an_audit_entry_links_to_the_record_it_names(client, login_as, build, db):
    """An entry names its record by a short id; it leads to the record's office page, which opens."""
    user = login_as("office")
    from caravan.services import audit
    posting, resident = build.posting(), build.attendee()
    audit.record("posting.update", user=user, entity_type="postings", entity_id=posting.id, changed=["openings"])
    audit.record("attendee.update", user=user, entity_type="attendees", entity_id=resident.id, changed=["phone"])
    audit.record("user.create", user=user, entity_type="users", entity_id=str(user.id))
    db.session.commit()
    page = client.get("/office/audit").get_data(as_text=True)
    links = re.findall(r'<a href="(/office/[^"]+)"><code[^>]*>', page)
    assert sorted(links) == sorted([f"/office/postings/{posting.id}/edit", f"/office/residents/{resident.id}"])
    assert all(client.get(link).status_code == 200 for link in links)


def _visible_text(html: str) -> str:
    """The words a reader sees: no tags, no attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]*>", " ", html)


@pytest.mark.parametrize("lang, words", [("en", ["Signed in", "Staff member", "Tablets", "Changed", "Name",
                                                 "Title (ئۇيغۇرچە)", "Published"]),
                                         ("zh", ["登录", "工作人员"]), ("ug", [])])
def test_the_audit_log_says_in_words_what_happened_not_in_codes(client, login_as, build, db, lang, words):
    user = login_as("office")
    from caravan.services import audit
    audit.record("signin.ok", user=user, entity=user)
    audit.record("user.update", user=user, entity=user, changed=["display_name"])
    audit.record("posting.update", user=user, entity_type="postings", entity_id="p1", changed=["title_ug"])
    audit.record("posting.publish", user=user, entity_type="postings", entity_id="p1", status=["draft", "published"])
    audit.record("device.revoke", user=user, entity_type="devices", entity_id="d1")
    audit.record("print.posters", user=user, count=2, per_page=1, languages=["en"])
    db.session.commit()
    client.get(f"/lang/{lang}")
    text = _visible_text(client.get("/office/audit").get_data(as_text=True))
    for word in words:
        assert word in text
    assert lang != "en" or re.search(r"Languages\s*:\s*English", text)
    # No action code, group code (``device.*``) or table name anywhere a reader looks.
    assert not re.findall(r"\b(?:signin|user|device|print)\.[a-z_*]*", text), lang
    assert not re.search(r"\b(users|devices|per_page|display_name|title_ug)\b", text), lang


def test_office_nav_links_every_catalogue_page(client, login_as):
    login_as("office")
    html = client.get("/office/postings/").get_data(as_text=True)
    nav = html[html.index('<nav class="nav"'):html.index("</nav>")]
    for path in ["/office/postings/", "/office/employers/", "/office/notices/", "/office/events/", "/office/audit"]:
        assert f'href="{path}"' in nav
    assert re.search(r'href="/office/postings/" aria-current="page"', nav)


def test_status_changes_need_the_csrf_token(client, login_as, build, db, app):
    user = login_as("office")
    posting = build.posting(status="draft", area=user.area)
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(f"/office/postings/{posting.id}/publish").status_code == 400
    db.session.expire_all()
    assert db.session.get(Posting, posting.id).status == PublishStatus.draft
    page = client.get(f"/office/postings/{posting.id}/edit").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(f"/office/postings/{posting.id}/publish", data={"csrf_token": token}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Posting, posting.id).status == PublishStatus.published


def test_a_township_office_sees_its_own_staffs_audit_entries_only(client, login_as, build, db):
    town, other = build.area("township"), build.area("township")
    colleague = build.user("office", area=town, username="colleague")
    stranger = build.user("office", area=other, username="stranger")
    from caravan.services import audit
    audit.record("posting.close", user=colleague, entity_type="postings", entity_id="mine")
    audit.record("posting.close", user=stranger, entity_type="postings", entity_id="theirs")
    audit.record("signin.fail")
    db.session.commit()
    login_as("office", area=town)
    html = client.get("/office/audit?action=posting.close").get_data(as_text=True)
    assert "colleague" in html and ">stranger<" not in html and "theirs" not in html
    assert 'data-action="signin.fail"' not in client.get("/office/audit").get_data(as_text=True)


def test_the_dashboard_shows_recent_changes_of_the_users_area_only(client, login_as, build, db):
    town, other = build.area("township"), build.area("township")
    from caravan.services import audit
    audit.record("posting.publish", user=build.user("office", area=town), entity_type="postings", entity_id="a")
    audit.record("event.cancel", user=build.user("office", area=other), entity_type="events", entity_id="b")
    db.session.commit()
    login_as("office", area=town)
    html = client.get("/office/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Posting published" in html and "Event cancelled" not in html


@pytest.mark.parametrize("path, current", [
    ("/office/tablets/problems", "/office/tablets/"),
    ("/office/tablets/import", "/office/tablets/"),
    ("/office/tablets/", "/office/tablets/"),
    ("/office/residents/duplicates", "/office/residents/"),
    ("/office/", "/office/"),
])
def test_office_nav_marks_the_section_of_every_page_under_it(client, login_as, path, current):
    """A page is in the section whose address its path lies under, whatever its endpoint is called; the
    overview (/office/, under which everything lies) only on itself."""
    login_as("office")
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    nav = html[html.index('<nav class="nav"'):html.index("</nav>")]
    assert re.findall(r'href="([^"]+)" aria-current="page"', nav) == [current]
