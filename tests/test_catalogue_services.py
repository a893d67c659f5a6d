"""The catalogue services: every check, the audit entries, and what each office user may see."""
from datetime import date, datetime, timedelta, timezone

import pytest
from flask_babel import refresh
from sqlalchemy import select

from caravan.models import AuditEntry, Change, EventStatus, PublishStatus, Sector, WageUnit
from caravan.services.catalogue import employers, events, notices, postings
from caravan.services.catalogue.fields import ValidationError
from caravan.services.catalogue.texts import local_today


def posting_raw(employer, area, /, **kw):
    raw = {"employer": employer.id, "sector": "manufacturing", "openings": "5", "wage_min": "3000",
           "wage_max": "4000", "wage_unit": "month", "area": area.code, "housing": "1", "meals": "",
           "transport": "", "valid_until": (local_today() + timedelta(days=30)).isoformat(),
           "title_zh": "缝纫工", "description_zh": "服装加工", "requirements_zh": "", "work_place_zh": "博斯坦村"}
    raw.update(kw)
    return raw


def errors_of(call):
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


@pytest.fixture(autouse=True)
def english(app):
    """Messages in English, as an office user who chose English reads them (outside a request: Chinese)."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        refresh()  # the test's app context may hold another language already
        yield


@pytest.fixture
def setting(build):
    county = build.county()
    town = build.area("township")
    employer = build.employer(area=town)
    return county, town, employer


def test_a_good_posting_is_cleaned_into_model_values(app, setting):
    county, town, employer = setting
    values = postings.clean(posting_raw(employer, town), county)
    assert values["employer"] is employer and values["area_id"] == town.id
    assert values["openings"] == 5 and (values["wage_min"], values["wage_max"]) == (3000, 4000)
    assert values["sector"] == Sector.manufacturing and values["wage_unit"] == WageUnit.month
    assert values["housing"] is True and values["meals"] is False
    assert values["texts"] == {"zh": {"title": "缝纫工", "description": "服装加工", "requirements": "",
                                      "work_place": "博斯坦村"}}


@pytest.mark.parametrize("changes, field, words", [
    ({"wage_min": "5000", "wage_max": "4000"}, "wage_max", "below the lowest"),
    ({"openings": "0"}, "openings", "from 1 to 10000"),
    ({"openings": "10001"}, "openings", "from 1 to 10000"),
    ({"openings": "lots"}, "openings", "whole number"),
    ({"openings": ""}, "openings", "fill this in"),
    ({"wage_min": "-5"}, "wage_min", "from 0"),
    ({"title_zh": ""}, "title_zh", "Chinese title"),
    ({"title_zh": "长" * 201}, "title_zh", "At most 200 characters (now 201)"),
    ({"description_ug": "چۈشەندۈرۈش"}, "title_ug", "title in this language"),
    ({"valid_until": "31.12.2026"}, "valid_until", "YYYY-MM-DD"),
    ({"housing": "maybe"}, "housing", "yes or no"),
    ({"sector": "mining"}, "sector", "Choose one of"),
    ({"area": ""}, "area", "fill this in"),
    ({"employer": ""}, "employer", "fill this in"),
    ({"employer": "no-such-id"}, "employer", "Choose an employer"),
])
def test_posting_problems_are_named_by_field(app, setting, changes, field, words):
    county, town, employer = setting
    errors = errors_of(lambda: postings.clean(posting_raw(employer, town, **changes), county))
    assert list(errors) == [field]
    assert words in " ".join(errors[field])


def test_every_problem_is_reported_at_once(app, setting):
    county, town, employer = setting
    raw = posting_raw(employer, town, openings="0", wage_min="9", wage_max="1", title_zh="")
    assert set(errors_of(lambda: postings.clean(raw, county))) == {"openings", "wage_max", "title_zh"}


def test_messages_speak_the_requested_language(app, setting):
    county, town, employer = setting
    with app.test_request_context(headers={"Accept-Language": "zh"}):
        refresh()
        errors = errors_of(lambda: postings.clean(posting_raw(employer, town, openings="0"), county))
    assert errors["openings"] == ["请填写 1 到 10000 之间的数。"]
    with app.test_request_context(headers={"Accept-Language": "ug"}):
        refresh()
        errors = errors_of(lambda: postings.clean(posting_raw(employer, town, openings="0"), county))
    assert errors["openings"] == ["ئەڭ ئاز 1، ئەڭ كۆپ 10000 بولغان سان يېزىڭ."]


def test_a_township_user_cannot_use_another_townships_area_or_employer(app, build, setting):
    county, town, employer = setting
    other = build.area("township")
    assert "area" in errors_of(lambda: postings.clean(posting_raw(employer, town), other))
    assert "employer" in errors_of(lambda: postings.clean(posting_raw(employer, other), other))
    # An employer based at county level may be used by every township.
    county_firm = build.employer(area=county)
    assert postings.clean(posting_raw(county_firm, other), other)["employer"] is county_firm


def test_create_assigns_a_code_and_audits_without_values(app, db, build, setting):
    county, town, employer = setting
    user = build.user("office")
    raw = posting_raw(employer, town, title_ug="تىكىمچى", title_en="Sewing worker")
    posting = postings.create(postings.clean(raw, county), by=user)
    db.session.commit()
    assert len(posting.code) == 6 and posting.status == PublishStatus.draft
    assert {t.lang for t in posting.translations} == {"zh", "ug", "en"}
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "posting.create"))
    assert entry.user_id == user.id and entry.entity_id == posting.id
    assert entry.detail == {"code": posting.code, "status": "draft", "languages": ["en", "ug", "zh"]}
    # The tablets hear of it through the change feed, which the service does not write itself.
    assert db.session.scalar(select(Change).where(Change.entity_id == posting.id)) is not None


def test_update_audits_the_changed_field_names(app, db, build, setting):
    county, town, employer = setting
    posting = postings.create(postings.clean(posting_raw(employer, town), county))
    changed = postings.update(posting, postings.clean(posting_raw(employer, town, openings="7", title_en="Sewer"),
                                                      county))
    assert changed == ["openings", "title_en"]
    assert postings.update(posting, postings.clean(posting_raw(employer, town, openings="7", title_en="Sewer"),
                                                   county)) == []
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "posting.update")).all()
    assert [e.detail for e in entries] == [{"changed": ["openings", "title_en"]}]


def test_removing_a_translation_removes_it(app, setting):
    county, town, employer = setting
    posting = postings.create(postings.clean(posting_raw(employer, town, title_en="Sewer"), county))
    changed = postings.update(posting, postings.clean(posting_raw(employer, town), county))
    assert "title_en" in changed and [t.lang for t in posting.translations] == ["zh"]
    assert postings.missing_languages(posting) == ["ug", "en"]


def test_publish_close_and_draft(app, db, build, setting):
    county, town, employer = setting
    posting = postings.create(postings.clean(posting_raw(employer, town), county))
    assert postings.set_status(posting, PublishStatus.published) is True
    assert postings.set_status(posting, PublishStatus.published) is False
    assert postings.set_status(posting, PublishStatus.closed) is True
    assert postings.set_status(posting, PublishStatus.draft) is True
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == posting.id)
                                 .order_by(AuditEntry.id)).all()
    assert actions == ["posting.create", "posting.publish", "posting.close", "posting.draft"]


def test_an_expired_posting_cannot_be_published_or_kept_published(app, setting):
    county, town, employer = setting
    yesterday = (local_today() - timedelta(days=1)).isoformat()
    posting = postings.create(postings.clean(posting_raw(employer, town, valid_until=yesterday), county))
    assert "valid_until" in errors_of(lambda: postings.set_status(posting, PublishStatus.published))
    assert posting.status == PublishStatus.draft
    posting.valid_until = local_today()  # the last day still counts
    postings.set_status(posting, PublishStatus.published)
    assert "valid_until" in errors_of(lambda: postings.update(
        posting, postings.clean(posting_raw(employer, town, valid_until=yesterday), county)))
    assert "valid_until" in errors_of(lambda: postings.create(
        postings.clean(posting_raw(employer, town, valid_until=yesterday), county), status=PublishStatus.published))


def test_search_filters_and_scope(app, build, setting):
    county, town, employer = setting
    other = build.area("township")
    village = build.area("village", parent=town)
    a = build.posting(title="缝纫工", employer=employer, area=village, status="draft")
    b = build.posting(title="司机", employer=employer, area=other)

    def codes(scope, **kw):
        return {p.code for p in postings.search(scope, **kw).items}

    assert codes(county) == {a.code, b.code}
    assert codes(town) == {a.code}  # a village of the town, not the other township
    assert codes(county, area=town.code) == {a.code}
    assert codes(county, text="司") == {b.code}
    assert codes(county, text=a.code.lower()) == {a.code}
    assert codes(county, text=employer.name_zh) == {a.code, b.code}
    assert codes(county, status="draft") == {a.code}
    assert codes(county, sector="health") == set()
    assert codes(county, employer=employer.id, status="published") == {b.code}
    assert postings.get(b.id, town) is None and postings.get(a.id, town) is a


def test_employer_checks_and_audit(app, db, build, setting):
    county, town, employer = setting
    user = build.user("office", area=town)
    raw = {"name_zh": employer.name_zh, "sector": "retail", "area": town.code, "contact_phone": "call me"}
    assert set(errors_of(lambda: employers.clean(raw, town))) == {"name_zh", "contact_phone"}
    assert "area" in errors_of(lambda: employers.clean({"name_zh": "新雇主", "area": ""}, town))
    values = employers.clean({"name_zh": "新雇主", "name_en": "New firm", "area": town.code,
                              "contact_phone": "139 0000 1234"}, town)
    new = employers.create(values, by=user)
    assert employers.update(new, employers.clean({"name_zh": "新雇主", "area": town.code, "sector": "retail"},
                                                 town, current=new), by=user) == \
        ["name_en", "sector", "contact_phone"]
    details = db.session.scalars(select(AuditEntry.detail).where(AuditEntry.entity_id == new.id)
                                 .order_by(AuditEntry.id)).all()
    assert details[1] == {"changed": ["name_en", "sector", "contact_phone"]}
    assert employers.editable(new, town) and not employers.editable(new, build.area("township"))


def test_notice_checks_and_status(app, db):
    assert set(errors_of(lambda: notices.clean({"kind": "", "title_zh": ""}))) == {"kind", "title_zh"}
    notice = notices.create(notices.clean({"kind": "policy", "title_zh": "创业担保贷款", "body_zh": "说明"}))
    assert notice.status == PublishStatus.draft and len(notice.code) == 6
    notice.valid_until = date(2000, 1, 1)
    assert "valid_until" in errors_of(lambda: notices.set_status(notice, PublishStatus.published))
    notice.valid_until = None
    assert notices.set_status(notice, PublishStatus.published)
    assert notices.update(notice, notices.clean({"kind": "policy", "title_zh": "创业担保贷款", "body_zh": "新说明",
                                                 "title_en": "Start-up loans"})) == ["body_zh", "title_en"]


def test_event_times_are_local_and_stored_in_utc(app, db, build, setting):
    county, town, employer = setting
    posting = build.posting(employer=employer, area=town)
    notice = build.notice()
    raw = {"kind": "bazaar", "area": town.code, "place_zh": "巴扎", "starts_at": "2027-05-03T10:00",
           "ends_at": "2027-05-03T18:30"}
    event = events.create(events.clean(raw, county, [posting.id], [notice.id]))
    db.session.commit()
    # Asia/Urumqi is UTC+6 all year.
    assert event.starts_at == datetime(2027, 5, 3, 4, 0, tzinfo=timezone.utc)
    assert event.ends_at == datetime(2027, 5, 3, 12, 30, tzinfo=timezone.utc)
    assert events.form_values(event)["starts_at"] == "2027-05-03T10:00"
    assert [p.id for p in event.postings] == [posting.id] and [n.id for n in event.notices] == [notice.id]
    changed = events.update(event, events.clean(dict(raw, place_en="Bazaar"), county, [], [notice.id]))
    assert changed == ["place_en", "postings"]
    assert events.cancel(event) and not events.cancel(event)
    assert event.status == EventStatus.cancelled


@pytest.mark.parametrize("changes, field", [
    ({"ends_at": "2027-05-03T09:00"}, "ends_at"),
    ({"ends_at": "2027-05-20T09:00"}, "ends_at"),
    ({"starts_at": "tomorrow"}, "starts_at"),
    ({"kind": "party"}, "kind"),
    ({"place_zh": ""}, "place_zh"),
])
def test_event_problems(app, setting, changes, field):
    county, town, employer = setting
    raw = {"kind": "bazaar", "area": town.code, "place_zh": "巴扎", "starts_at": "2027-05-03T10:00",
           "ends_at": "2027-05-03T18:30", **changes}
    assert list(errors_of(lambda: events.clean(raw, county, [], []))) == [field]


def test_an_event_cannot_show_closed_or_foreign_postings(app, build, setting):
    county, town, employer = setting
    closed = build.posting(employer=employer, area=town, status="closed")
    foreign = build.posting(employer=employer, area=build.area("township"))
    raw = {"kind": "bazaar", "area": town.code, "place_zh": "巴扎", "starts_at": "2027-05-03T10:00",
           "ends_at": "2027-05-03T18:30"}
    for posting in (closed, foreign):
        assert "postings" in errors_of(lambda: events.clean(raw, town, [posting.id], []))
