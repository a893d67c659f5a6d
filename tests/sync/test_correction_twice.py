"""One refused registration corrected twice: on its tablet and at the office.

The same correction twice is one correction (the second is a duplicate). Two different corrections: the one
applied first stands, the other side is told so in words, and the other correction is kept, shown to the
office, which takes it over or keeps the stored one; the tablet keeps it as a problem until the office has
decided."""
from sqlalchemy import select

from caravan.models import Attendee, PendingRecord, PendingStatus
from tests.sync.conftest import API, statuses
from tests.sync.test_corrections import check, problem_row, refused_registration

EN = {"Accept-Language": "en"}


def office_form(**fields):
    return {"name": "Aygul Tursun", "phone": "", "village_id": "", "group": "rural_worker", "skills": "",
            "wishes": "", **fields}


def tablet_corrected(person, **fields):
    """The registration as the tablet sends it corrected: the same id, pass token and consent."""
    return {**person, "data": {**person["data"], "name": "Aygul Tursun", **fields}}


def open_conflicts(db, record_id):
    return list(db.session.scalars(select(PendingRecord).where(
        PendingRecord.record_id == record_id, PendingRecord.status == PendingStatus.conflict,
        PendingRecord.resolved_at.is_(None))))


def test_the_same_correction_at_the_office_then_on_the_tablet_is_a_duplicate(login_as, tablet, build, db):
    person, _checkin = refused_registration(tablet, build.event())
    url = f"/office/tablets/problems/{problem_row(db, person['id']).id}/correct"
    login_as("office")
    assert tablet.client.post(url, data=office_form(name=" Aygul Tursun ")).status_code == 302
    response = tablet.push([tablet_corrected(person)])
    assert statuses(response) == ["duplicate"]
    assert open_conflicts(db, person["id"]) == []


def test_a_different_correction_from_the_tablet_keeps_the_office_one_and_is_kept_for_the_office(
        login_as, tablet, build, db):
    person, _checkin = refused_registration(tablet, build.event())
    url = f"/office/tablets/problems/{problem_row(db, person['id']).id}/correct"
    login_as("office")
    assert tablet.client.post(url, data=office_form()).status_code == 302
    response = tablet.push([tablet_corrected(person, name="Aygul Tursunova", wishes="welding")])
    assert statuses(response) == ["conflict"]
    assert response.json["results"][0]["reason"] == "corrected_already:id"
    db.session.expire_all()
    assert db.session.get(Attendee, person["id"]).name == "Aygul Tursun"  # the first applied stands
    [kept] = open_conflicts(db, person["id"])
    assert kept.payload["data"]["name"] == "Aygul Tursunova"  # nothing lost
    # The tablet keeps it as a problem (its next check does not call it stored) until the office decides.
    assert check(tablet, [person["id"]]) == []
    listing = tablet.client.get("/office/tablets/problems", headers=EN).get_data(as_text=True)
    compare = f"/office/tablets/problems/{kept.id}/correct"
    assert f'href="{compare}"' in listing and "Aygul" not in listing
    page = tablet.client.get(compare, headers=EN).get_data(as_text=True)
    assert "Aygul Tursunova" in page and "<bdi>Aygul Tursun</bdi>" in page  # both versions shown
    # The office takes the tablet's version over (as it came, or edited).
    response = tablet.client.post(compare, data=office_form(name="Aygul Tursunova", wishes="welding"))
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Attendee, person["id"])
    assert (stored.name, stored.wishes, stored.pass_token) == ("Aygul Tursunova", "welding",
                                                               person["data"]["pass_token"])
    assert open_conflicts(db, person["id"]) == []
    assert check(tablet, [person["id"]]) == [person["id"]]  # settled: the tablet counts it as sent


def test_the_office_may_keep_the_stored_version(login_as, tablet, build, db):
    person, _checkin = refused_registration(tablet, build.event())
    url = f"/office/tablets/problems/{problem_row(db, person['id']).id}/correct"
    login_as("office")
    tablet.client.post(url, data=office_form())
    assert statuses(tablet.push([tablet_corrected(person, name="Aygul Tursunova")])) == ["conflict"]
    [kept] = open_conflicts(db, person["id"])
    response = tablet.client.post(f"/office/tablets/problems/{kept.id}/correct", data={"keep": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Attendee, person["id"]).name == "Aygul Tursun"
    assert open_conflicts(db, person["id"]) == []
    assert check(tablet, [person["id"]]) == [person["id"]]


def test_the_same_correction_on_the_tablet_then_at_the_office_is_a_success(login_as, tablet, build, db):
    """The clerk opened the form before the tablet's correction arrived, and saves the same fields."""
    person, _checkin = refused_registration(tablet, build.event())
    url = f"/office/tablets/problems/{problem_row(db, person['id']).id}/correct"
    login_as("office")
    assert tablet.client.get(url).status_code == 200
    assert statuses(tablet.push([tablet_corrected(person)])) == ["accepted"]
    response = tablet.client.post(url, data=office_form())
    assert response.status_code == 302 and "corrected=" in response.headers["Location"]
    assert open_conflicts(db, person["id"]) == []


def test_a_different_correction_at_the_office_after_the_tablet_one_is_told_clearly(login_as, tablet, build, db):
    person, _checkin = refused_registration(tablet, build.event())
    url = f"/office/tablets/problems/{problem_row(db, person['id']).id}/correct"
    login_as("office")
    assert statuses(tablet.push([tablet_corrected(person)])) == ["accepted"]
    response = tablet.client.post(url, data=office_form(name="Aygul Tursunova"), headers=EN)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "corrected on its tablet" in page and 'value="Aygul Tursunova"' in page  # what was typed stays
    assert f'href="/office/residents/{person["id"]}"' in page
    db.session.expire_all()
    assert db.session.get(Attendee, person["id"]).name == "Aygul Tursun"
    assert open_conflicts(db, person["id"]) == []
