"""A tablet's employer visit: the survey's rule (the web form's), its reach, idempotence, the pull of rounds."""
from datetime import timedelta

from flask_babel import force_locale
from sqlalchemy import func, select

from caravan.models import EmployerVisit, PendingRecord, PendingStatus, SurveyRound, VisitVacancy
from caravan.services import surveys
from caravan.services.catalogue.texts import local_today
from caravan.services.sync.reasons import describe
from tests.sync.conftest import statuses


def visit(tablet, survey_round, employer, record_id=None, **extra):
    data = {"round_id": survey_round.id, "employer_id": employer.id, "visited_on": local_today().isoformat(),
            "staff_name": "阿依古丽", "contact_name": "王经理", "contact_phone": "0997-1234567",
            "planned_hires": 12, "training_needs": "电工培训",
            "vacancies": [{"occupation": "轧花工", "count": 8, "wage_min": 3500, "wage_max": 4500,
                           "wage_unit": "month", "requirements": "18至50岁"},
                          {"occupation": "司机", "count": 2}]}
    data.update(extra)
    return tablet.record("employer_visit", data, record_id=record_id)


def setup(build, db, make_tablet):
    east, west = build.area("township"), build.area("township")
    today = local_today()
    rounds = {}
    for name, area in (("east", east), ("west", west)):
        rounds[name] = SurveyRound(name=f"{name} round", area=area, starts_on=today - timedelta(days=10),
                                   ends_on=today + timedelta(days=10))
        db.session.add(rounds[name])
    employers = {"east": build.employer(area=east), "west": build.employer(area=west)}
    db.session.commit()
    return make_tablet("East 1", area=east), rounds, employers


def test_a_visit_is_stored_with_its_lines_once_and_a_changed_resend_is_a_conflict(make_tablet, build, db):
    tablet, rounds, employers = setup(build, db, make_tablet)
    record = visit(tablet, rounds["east"], employers["east"])
    assert statuses(tablet.push([record])) == ["accepted"]
    stored = db.session.get(EmployerVisit, record["id"])
    assert stored.device_id == tablet.device.id and stored.device_seq == record["seq"]
    assert stored.received_at is not None and stored.planned_hires == 12 and stored.training_needs == "电工培训"
    assert [(v.occupation, v.count, v.wage_min) for v in stored.vacancies] == [("轧花工", 8, 3500), ("司机", 2, None)]
    # The same record again: a duplicate, nothing added; the receipt counts it as the tablet's.
    response = tablet.push([record])
    assert statuses(response) == ["duplicate"] and response.json["receipt"]["device_records"] == 1
    assert db.session.scalar(select(func.count()).select_from(VisitVacancy)) == 2
    # The same id with another line: a conflict, kept for the office; the stored visit is unchanged.
    changed = dict(record, data={**record["data"], "vacancies": record["data"]["vacancies"][:1]})
    response = tablet.push([changed])
    assert statuses(response) == ["conflict"] and response.json["results"][0]["reason"] == "conflict:id"
    db.session.expire_all()
    assert len(db.session.get(EmployerVisit, record["id"]).vacancies) == 2
    kept = db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == record["id"]))
    assert kept.status == PendingStatus.conflict
    # The round's coverage counts the visit, and its lines become draft postings as a web form's do.
    assert surveys.visits_of(rounds["east"]) == [stored]
    assert len(surveys.create_draft_postings(stored)) == 2


def test_the_survey_rule_refuses_a_bad_line_with_a_stable_reason_in_words(make_tablet, build, db, app):
    tablet, rounds, employers = setup(build, db, make_tablet)
    bad_line = visit(tablet, rounds["east"], employers["east"],
                     vacancies=[{"occupation": "轧花工", "count": 8}, {"occupation": "司机", "count": 0}])
    no_staff = visit(tablet, rounds["east"], employers["east"], staff_name="  ")
    wages = visit(tablet, rounds["east"], employers["east"],
                  vacancies=[{"occupation": "司机", "count": 1, "wage_min": 5000, "wage_max": 4000}])
    late = visit(tablet, rounds["east"], employers["east"],
                 visited_on=(rounds["east"].starts_on - timedelta(days=1)).isoformat())
    shape = visit(tablet, rounds["east"], employers["east"], vacancies=[{"occupation": ["x"], "count": 1}])
    response = tablet.push([bad_line, no_staff, wages, late, shape])
    assert statuses(response) == ["rejected"] * 5
    assert [r["reason"] for r in response.json["results"]] == [
        "bad_value:vacancies.1.count", "missing:staff_name", "wage_below_min:vacancies.0.wage_max",
        "bad_value:visited_on", "wrong_type:vacancies.0.occupation"]
    assert db.session.scalar(select(func.count()).select_from(EmployerVisit)) == 0
    assert db.session.scalar(select(func.count()).select_from(PendingRecord)) == 5
    with app.test_request_context(), force_locale("en"):
        assert describe("bad_value:vacancies.1.count") == "Line 2: Count has a value that is not allowed."
    with app.test_request_context(), force_locale("ug"):
        assert describe("round_outside_area:round_id") == (
            "تەكشۈرۈش نۆۋىتى بۇ تاختا كومپيۇتېرنىڭ رايونىدىن سىرتتىكى تەكشۈرۈش نۆۋىتىنى كۆرسىتىدۇ.")
        assert describe("missing:vacancies.0.occupation").startswith("1-قۇر: ")


def test_a_visit_outside_the_tablet_s_area_is_refused(make_tablet, build, db):
    tablet, rounds, employers = setup(build, db, make_tablet)
    other_round = visit(tablet, rounds["west"], employers["west"])
    other_employer = visit(tablet, rounds["east"], employers["west"])
    unknown = visit(tablet, rounds["east"], employers["east"], round_id="00000000-0000-4000-8000-000000000000")
    response = tablet.push([other_round, other_employer, unknown])
    assert statuses(response) == ["rejected"] * 3
    assert [r["reason"] for r in response.json["results"]] == [
        "round_outside_area:round_id", "bad_value:employer_id", "unknown_round:round_id"]
    assert db.session.scalar(select(func.count()).select_from(EmployerVisit)) == 0


def test_a_tablet_pulls_the_rounds_of_its_area_and_the_employers_areas(make_tablet, build, db):
    tablet, rounds, employers = setup(build, db, make_tablet)
    changes = tablet.pull().json["changes"]
    pulled = {c["id"]: c["data"] for c in changes if c["type"] == "survey_round"}
    assert pulled == {rounds["east"].id: {"name": "east round", "area_id": rounds["east"].area_id,
                                          "starts_on": rounds["east"].starts_on.isoformat(),
                                          "ends_on": rounds["east"].ends_on.isoformat()}}
    areas = {c["id"]: c["data"]["area_id"] for c in changes if c["type"] == "employer"}
    assert areas[employers["east"].id] == employers["east"].area_id


def test_a_round_moved_to_another_area_leaves_the_tablets_of_the_first(make_tablet, build, db):
    tablet, rounds, _employers = setup(build, db, make_tablet)
    cursor = tablet.pull().json["cursor"]
    surveys.update_round(rounds["east"], {"area_id": rounds["west"].area_id})  # as the office's round form does
    db.session.commit()
    changes = tablet.pull(cursor=cursor).json["changes"]
    assert changes == [{"type": "survey_round", "id": rounds["east"].id, "data": None, "deleted": True}]
