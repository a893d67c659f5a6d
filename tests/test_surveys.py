"""The employer demand survey: the visit rule, the office's round, coverage and visit pages, draft postings."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from caravan.models import AuditEntry, EmployerVisit, Posting, PublishStatus, SurveyRound, VisitVacancy
from caravan.services import surveys
from caravan.services.catalogue.fields import ValidationError
from caravan.services.catalogue.texts import local_today
from caravan.services.survey_coverage import AreaCoverage, coverage


@pytest.fixture
def world(build, db):
    """A county with two townships, a village in the first; four employers; a round of the county."""
    county = build.county()
    east, west = build.area("township", name_zh="东乡"), build.area("township", name_zh="西乡")
    village = build.area("village", parent=east, name_zh="东村")
    build.area("township", name_zh="北乡")  # no employers in the register yet
    employers = {"east": build.employer(name_zh="东乡轧花厂", area=east),
                 "village": build.employer(name_zh="东村合作社", area=village),
                 "west": build.employer(name_zh="西乡物流", area=west),
                 "county": build.employer(name_zh="县建筑公司", area=county)}
    today = local_today()
    survey_round = SurveyRound(name="2027上半年用工调查", area=county, starts_on=today - timedelta(days=30),
                               ends_on=today + timedelta(days=180))
    db.session.add(survey_round)
    db.session.commit()
    return {"county": county, "east": east, "west": west, "village": village, "round": survey_round,
            "employers": employers, "today": today}


def visit_data(employer, day, **extra):
    data = {"employer_id": employer.id, "visited_on": day.isoformat(), "staff_name": "阿依古丽",
            "contact_name": "王经理", "contact_phone": "0997-1234567", "planned_hires": 12,
            "vacancies": [{"occupation": "轧花工", "count": 8, "wage_min": 3500, "wage_max": 4500,
                           "wage_unit": "month", "requirements": "18至50岁"}]}
    data.update(extra)
    return data


def test_a_visit_is_checked_field_by_field(app, world):
    r, today = world["round"], world["today"]
    with pytest.raises(ValidationError) as caught:
        surveys.clean_visit({"employer_id": "nope", "visited_on": (today + timedelta(days=1)).isoformat(),
                             "staff_name": "x" * 101, "contact_phone": "call me", "planned_hires": "-1",
                             "vacancies": [{"occupation": "", "count": "0"},
                                           {"occupation": "司机", "count": 2, "wage_min": 5000, "wage_max": 4000,
                                            "wage_unit": "week"},
                                           {"occupation": "", "count": "", "requirements": ""}]}, r)
    errors = caught.value.errors
    assert set(errors) == {"employer_id", "visited_on", "staff_name", "contact_phone", "planned_hires",
                           "vacancies.0.occupation", "vacancies.0.count", "vacancies.1.wage_max",
                           "vacancies.1.wage_unit"}
    # A date before the round, and too many lines.
    with pytest.raises(ValidationError) as caught:
        surveys.clean_visit(visit_data(world["employers"]["east"], r.starts_on - timedelta(days=1),
                                       vacancies=[{"occupation": "工", "count": 1}] * 31), r)
    assert set(caught.value.errors) == {"visited_on", "vacancies"}
    # Numbers as the tablet sends them and strings as the form sends them are the same visit; an empty line
    # (the form's spare one) is dropped.
    values = surveys.clean_visit(visit_data(world["employers"]["east"], today,
                                            vacancies=[{"occupation": "轧花工", "count": "8"}, {}]), r)
    assert values["employer"] is world["employers"]["east"] and values["planned_hires"] == 12
    assert [(v["occupation"], v["count"], v["position"]) for v in values["vacancies"]] == [("轧花工", 8, 0)]


def test_the_tablet_is_served_the_vacancy_rules_and_messages_the_server_checks_by(client, world):
    """A vacancy line's bounds and the wage order reach the tablet from the rule itself, with the office's
    messages in every language, so that the tablet refuses a line the server would refuse."""
    strings = client.get("/field/app/strings.json").json
    rules = surveys.vacancy_rules()
    assert all(strings[lang]["visit_rules"] == rules for lang in ("zh", "ug", "en"))
    assert rules["numbers"]["count"] == {"min": 1, "max": surveys.MAX_COUNT}
    assert rules["ordered"] == [["wage_min", "wage_max"]]
    # Each bound is the server's: just outside it is refused, on it accepted.
    for field, bound in rules["numbers"].items():
        line = {"occupation": "工", "count": 1}
        for value, refused in ((bound["min"] - 1, True), (bound["min"], False), (bound["max"], False),
                               (bound["max"] + 1, True)):
            data = visit_data(world["employers"]["east"], world["today"], vacancies=[line | {field: value}])
            try:
                surveys.clean_visit(data, world["round"])
                assert not refused, (field, value)
            except ValidationError as error:
                assert refused and set(error.errors) == {f"vacancies.0.{field}"}, (field, value)
    with pytest.raises(ValidationError) as caught:
        surveys.clean_visit(visit_data(world["employers"]["east"], world["today"], vacancies=[
            {"occupation": "工", "count": 1, "wage_min": 5000, "wage_max": 3000}]), world["round"])
    assert caught.value.errors["vacancies.0.wage_max"] == [strings["zh"]["visit_wage_order"]]  # the same sentence
    assert strings["zh"]["visit_wage_order"] == "最高工资不能低于最低工资。"
    assert strings["zh"]["visit_range"] == "请填写 %(low)d 到 %(high)d 之间的数。"


def test_an_employer_outside_the_rounds_area_is_refused(app, world, db):
    east_round = SurveyRound(name="东乡调查", area=world["east"], starts_on=world["today"], ends_on=world["today"])
    db.session.add(east_round)
    db.session.flush()
    with pytest.raises(ValidationError) as caught:
        surveys.clean_visit(visit_data(world["employers"]["west"], world["today"]), east_round)
    assert set(caught.value.errors) == {"employer_id"}
    assert surveys.clean_visit(visit_data(world["employers"]["village"], world["today"]), east_round)


def test_coverage_percent_is_the_nearest_whole_percent_with_0_and_100_kept_for_none_and_all():
    shares = {(9, 6): 67, (11, 7): 64, (8, 1): 13, (3, 1): 33, (4, 2): 50, (300, 1): 1, (300, 299): 99,
              (5, 0): 0, (5, 5): 100, (0, 0): 0}
    assert {k: AreaCoverage(None, *k).percent for k in shares} == shares


def test_coverage_counts_employers_by_area_below_the_round(app, world, db):
    r, e = world["round"], world["employers"]
    for employer in (e["east"], e["village"]):
        surveys.record_visit(surveys.clean_visit(visit_data(employer, world["today"]), r), r)
    surveys.record_visit(surveys.clean_visit(visit_data(e["east"], world["today"]), r), r)  # a second visit
    db.session.commit()
    result = coverage(r)
    rows = {(row.area.name_zh if row.area else None): (row.employers, row.visited, row.percent) for row in result.rows}
    assert rows == {"测试县": (1, 0, 0), "东乡": (2, 2, 100), "西乡": (1, 0, 0), "北乡": (0, 0, 0)}
    assert (result.total.employers, result.total.visited, result.total.percent) == (4, 2, 50)
    assert [x.name_zh for x in result.not_visited] == ["县建筑公司", "西乡物流"]
    assert [x.name_zh for x in coverage(r, world["west"].code).not_visited] == ["西乡物流"]


def test_office_runs_a_round_and_turns_a_visit_into_published_postings(client, login_as, world, db):
    login_as("office", area=world["county"])
    today = world["today"]
    response = client.post("/office/surveys/new", data={"name": "", "area": world["county"].code,
                                                         "starts_on": today.isoformat(), "ends_on": "2000-01-01"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "此项必填。" in page and 'id="name-error"' in page and 'id="ends_on-error"' in page
    response = client.post("/office/surveys/new", data={"name": "全县用工调查", "area": world["county"].code,
                                                         "starts_on": (today - timedelta(days=3)).isoformat(),
                                                         "ends_on": (today + timedelta(days=90)).isoformat()})
    assert response.status_code == 303
    round_id = response.headers["Location"].rsplit("/", 1)[1]
    page = client.get(f"/office/surveys/{round_id}").get_data(as_text=True)
    assert "西乡物流" in page and "0%" in page
    url = f"/office/surveys/{round_id}/visits/new"
    employer = world["employers"]["west"]
    assert f'value="{employer.id}" selected' in client.get(f"{url}?employer={employer.id}").get_data(as_text=True)
    form = {"employer_id": employer.id, "visited_on": today.isoformat(), "staff_name": "阿依古丽",
            "contact_name": "李经理", "contact_phone": "13800000000", "planned_hires": "20",
            "training_needs": "叉车证", "vacancies.0.occupation": "叉车司机", "vacancies.0.count": "3",
            "vacancies.0.wage_min": "4000", "vacancies.0.wage_max": "5000", "vacancies.0.wage_unit": "month"}
    # "Add a line" and "Remove" send the form back as typed, one line more or less, and save nothing.
    page = client.post(url, data=form | {"action": "add"}).get_data(as_text=True)
    assert 'name="vacancies.1.occupation"' in page and 'value="叉车司机"' in page and 'value="叉车证"' not in page
    assert "叉车证</textarea>" in page
    page = client.post(url, data=form | {"vacancies.1.occupation": "装卸工", "remove": "0"}).get_data(as_text=True)
    assert 'name="vacancies.1.occupation"' not in page and 'value="装卸工"' in page and "叉车司机" not in page
    # A bad line: every value stays, the problem stands beside its field.
    response = client.post(url, data=form | {"vacancies.1.occupation": "装卸工", "vacancies.1.count": "abc",
                                             "action": "save"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="vacancies.1.count-error"' in page and 'value="abc"' in page and 'value="李经理"' in page
    assert db.session.scalar(select(func.count()).select_from(EmployerVisit)) == 0
    response = client.post(url, data=form | {"vacancies.1.occupation": "装卸工", "vacancies.1.count": "5",
                                             "action": "save"})
    assert response.status_code == 303
    visit_url = response.headers["Location"]
    page = client.get(visit_url).get_data(as_text=True)
    assert "叉车司机" in page and "装卸工" in page and "叉车证" in page
    page = client.get(f"/office/surveys/{round_id}").get_data(as_text=True)
    assert "25%" in page
    # Draft postings, one per line, linked back; a second press makes none.
    visit_id = visit_url.rsplit("/", 1)[1]
    assert client.post(f"/office/surveys/visits/{visit_id}/postings").status_code == 303
    assert client.post(f"/office/surveys/visits/{visit_id}/postings").status_code == 303
    made = list(db.session.scalars(select(Posting).order_by(Posting.openings)))
    assert [(p.text("zh").title, p.openings, p.status, p.employer_id, p.area_id, p.contact_name) for p in made] == [
        ("叉车司机", 3, PublishStatus.draft, employer.id, world["west"].id, "李经理"),
        ("装卸工", 5, PublishStatus.draft, employer.id, world["west"].id, "李经理")]
    assert made[0].wage_min == 4000 and made[0].wage_max == 5000
    lines = list(db.session.scalars(select(VisitVacancy).order_by(VisitVacancy.position)))
    assert [line.posting_id for line in lines] == [made[0].id, made[1].id]
    assert made[0].code in client.get(visit_url).get_data(as_text=True)
    assert f'href="{visit_url}"' in client.get(f"/office/postings/{made[0].id}/edit").get_data(as_text=True)
    # The office publishes a draft through the posting's own form.
    response = client.post(f"/office/postings/{made[0].id}/publish")
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Posting, made[0].id).status == PublishStatus.published
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"survey.round_create", "survey.visit", "posting.create"} <= actions


def test_not_visited_export_lists_what_the_page_lists(client, login_as, world):
    login_as("office", area=world["county"])
    r = world["round"]
    response = client.get(f"/office/surveys/{r.id}/not-visited.csv?area={world['west'].code}")
    assert response.status_code == 200
    text = response.get_data().decode("utf-8-sig")
    assert "西乡物流" in text and "东乡轧花厂" not in text
    assert client.get(f"/office/surveys/{r.id}/not-visited.xlsx").status_code == 200


def test_visit_errors_are_in_the_users_language(client, login_as, world):
    login_as("office", area=world["county"])
    client.get("/lang/ug")
    response = client.post(f"/office/surveys/{world['round'].id}/visits/new",
                           data={"employer_id": "nope", "staff_name": "", "visited_on": "", "action": "save"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Please fill this in." not in page and "Choose an employer" not in page
    assert "بۇ نۆۋەتلىك تەكشۈرۈش رايونىدىكى ئىش بەرگۈچىنى تاللاڭ." in page and 'dir="rtl"' in page


def test_the_demo_has_a_round_half_visited_and_adds_nothing_twice(app, db):
    from caravan.demo.loader import demo_id, load_demo
    from caravan.demo.survey import VISITS, load_survey
    load_demo("demo-pass-5")
    assert load_survey() == {"survey rounds": 2, "employer visits": len(VISITS)}
    db.session.commit()
    assert load_survey() == {}
    county_round = db.session.get(SurveyRound, demo_id("survey_rounds", "county"))
    result = coverage(county_round)
    assert result.total.visited == len(VISITS) and result.not_visited and 0 < result.total.percent < 100
    assert all(v.vacancies and v.visited_on >= county_round.starts_on for v in county_round.visits)


def test_two_presses_at_once_make_each_draft_posting_once(app, world, db, build):
    """The second request claims a line the first one took meanwhile: its posting is undone, no orphan."""
    r, employer = world["round"], world["employers"]["east"]
    visit = build.visit(r, employer, lines=2)
    db.session.commit()
    other = build.posting(employer=employer, area=world["east"], status="draft")
    db.session.commit()
    first_line = visit.vacancies[0]
    # The other request's claim, committed while this one still holds the line as it read it.
    with app.app_context():
        db.session.execute(update(VisitVacancy).where(VisitVacancy.id == first_line.id).values(posting_id=other.id))
        db.session.commit()
    assert first_line.posting_id is None  # this request's stale view
    made = surveys.create_draft_postings(visit)
    db.session.commit()
    assert [p.text("zh").title for p in made] == ["工种1"]
    assert db.session.scalar(select(func.count()).select_from(Posting)) == 2
    assert [line.posting_id for line in visit.vacancies] == [other.id, made[0].id]
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "posting.create")) == 1
