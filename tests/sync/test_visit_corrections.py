"""A refused employer visit is corrected like a refused registration: sent again corrected by its tablet
(the same id), or corrected at the office from the records with problems; the tablet then counts it as sent."""
import re
from datetime import timedelta

from sqlalchemy import select

from caravan.models import EmployerVisit, PendingRecord
from caravan.services.catalogue.texts import local_today
from caravan.services.sync import reasons
from tests.sync.conftest import statuses
from tests.sync.test_corrections import check
from tests.sync.test_employer_visit import setup, visit

EN = {"Accept-Language": "en"}


def refused_visit(tablet, rounds, employers):
    """A visit dated before its round: refused as bad_value:visited_on."""
    record = visit(tablet, rounds["east"], employers["east"],
                   visited_on=(rounds["east"].starts_on - timedelta(days=3)).isoformat())
    response = tablet.push([record])
    assert statuses(response) == ["rejected"] and response.json["results"][0]["reason"] == "bad_value:visited_on"
    return record


def problem_of(db, record_id):
    return db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == record_id))


def test_which_refused_visits_a_correction_mends():
    for reason in ("bad_value:visited_on", "missing:staff_name", "bad_value:vacancies.1.count", "too_long:notes",
                   "bad_value:employer_id"):
        assert reasons.correctable("employer_visit", "rejected", reason), reason
    for reason in ("unknown_round:round_id", "round_outside_area:round_id", "unknown_staff:by", "conflict:id"):
        assert not reasons.correctable("employer_visit", "rejected", reason), reason
    assert not reasons.correctable("employer_visit", "conflict", "bad_value:visited_on")


def test_the_tablet_sends_a_refused_visit_again_corrected(make_tablet, build, db):
    tablet, rounds, employers = setup(build, db, make_tablet)
    record = refused_visit(tablet, rounds, employers)
    corrected = {**record, "data": {**record["data"], "visited_on": local_today().isoformat()}}
    assert statuses(tablet.push([corrected])) == ["accepted"]
    assert db.session.get(EmployerVisit, record["id"]).device_id == tablet.device.id
    assert problem_of(db, record["id"]).resolved_at is not None


def test_the_office_corrects_a_refused_visit(login_as, make_tablet, build, db):
    from caravan.models import AuditEntry
    tablet, rounds, employers = setup(build, db, make_tablet)
    record = refused_visit(tablet, rounds, employers)
    row = problem_of(db, record["id"])
    login_as("office", area=rounds["east"].area)
    client = tablet.client
    listing = client.get("/office/tablets/problems", headers=EN).get_data(as_text=True)
    url = f"/office/tablets/problems/{row.id}/correct"
    assert f'href="{url}"' in listing
    page = client.get(url, headers=EN)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Correct a refused employer visit" in text
    assert "Date of the visit has a value that is not allowed." in text
    assert 'value="王经理"' in text and 'value="轧花工"' in text and 'value="司机"' in text  # as the tablet sent it
    form = {"employer_id": employers["east"].id, "visited_on": record["data"]["visited_on"], "staff_name": "阿依古丽",
            "contact_name": "王经理", "contact_phone": "0997-1234567", "planned_hires": "12", "plans": "",
            "training_needs": "电工培训", "notes": "", "vacancies.0.occupation": "轧花工", "vacancies.0.count": "8", "vacancies.0.wage_min": "3500",
            "vacancies.0.wage_max": "4500", "vacancies.0.requirements": "18至50岁",
            "vacancies.0.wage_unit": "month", "vacancies.1.occupation": "司机", "vacancies.1.count": "2",
            "vacancies.1.wage_unit": "month", "action": "save"}
    response = client.post(url, data=form, headers=EN)  # still outside the round: the form says so, keeps all
    assert response.status_code == 422 and 'value="司机"' in response.get_data(as_text=True)
    assert db.session.get(EmployerVisit, record["id"]) is None
    response = client.post(url, data={**form, "visited_on": local_today().isoformat()}, headers=EN)
    assert response.status_code == 302 and "corrected=" in response.headers["Location"]
    db.session.expire_all()
    stored = db.session.get(EmployerVisit, record["id"])
    assert stored.device_id == tablet.device.id and stored.visited_on == local_today()
    assert [(v.occupation, v.count) for v in stored.vacancies] == [("轧花工", 8), ("司机", 2)]
    assert problem_of(db, record["id"]).resolved_at is not None
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "sync.correct"))
    assert entry.detail["record_type"] == "employer_visit" and entry.detail["fields"] == ["visited_on"]
    assert client.get(url).status_code == 404  # corrected once
    assert check(tablet, [record["id"]]) == [record["id"]]  # the tablet learns it is on the server


def test_a_visit_refused_for_its_round_is_not_corrected_at_the_office(login_as, make_tablet, build, db):
    tablet, rounds, employers = setup(build, db, make_tablet)
    record = visit(tablet, rounds["west"], employers["west"])
    assert statuses(tablet.push([record])) == ["rejected"]
    login_as("office")
    assert tablet.client.get(f"/office/tablets/problems/{problem_of(db, record['id']).id}/correct").status_code == 404


def test_a_top_wage_below_the_lowest_has_its_own_reason_and_the_correction_form_marks_it(login_as, make_tablet,
                                                                                          build, db):
    """Not "the value is not allowed": the reason says what is wrong, in each language, on the problems page
    and in the tablet's strings; the office's correction form opens with the field marked."""
    from caravan.field.strings import catalog
    tablet, rounds, employers = setup(build, db, make_tablet)
    record = visit(tablet, rounds["east"], employers["east"],
                   vacancies=[{"occupation": "轧花工", "count": 8, "wage_min": 4500, "wage_max": 3500}])
    response = tablet.push([record])
    assert statuses(response) == ["rejected"]
    assert response.json["results"][0]["reason"] == "wage_below_min:vacancies.0.wage_max"
    assert reasons.correctable("employer_visit", "rejected", "wage_below_min:vacancies.0.wage_max")
    login_as("office", area=rounds["east"].area)
    client = tablet.client
    sentences = {"zh": "第 1 行：最高工资不能低于最低工资。",
                 "ug": "1-قۇر: ئەڭ يۇقىرى ئىش ھەققى ئەڭ تۆۋەن ئىش ھەققىدىن كەم بولماسلىقى كېرەك.",
                 "en": "Line 1: Highest wage must not be below the lowest wage."}
    templates = {"zh": "%(field)s不能低于最低工资。", "ug": "%(field)s ئەڭ تۆۋەن ئىش ھەققىدىن كەم بولماسلىقى كېرەك.",
                 "en": "%(field)s must not be below the lowest wage."}
    with client.application.test_request_context():
        strings = catalog()
    for lang, sentence in sentences.items():
        listing = client.get("/office/tablets/problems", headers={"Accept-Language": lang}).get_data(as_text=True)
        assert sentence in listing, lang
        # The tablet turns the code into a sentence from its strings file, the field put in its place.
        assert strings[lang]["reasons"]["wage_below_min"] == templates[lang]
    row = problem_of(db, record["id"])
    page = client.get(f"/office/tablets/problems/{row.id}/correct", headers={"Accept-Language": "zh"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    field = re.search(r'<input id="f-vacancies\.0\.wage_max"[^>]*>', text).group(0)
    assert 'aria-invalid="true"' in field and 'value="3500"' in field
    assert '<p class="error" id="vacancies.0.wage_max-error">第 1 行：最高工资不能低于最低工资。</p>' in text
    assert "aria-invalid" not in re.search(r'<input id="f-vacancies\.0\.wage_min"[^>]*>', text).group(0)
