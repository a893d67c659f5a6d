"""A refused registration sent again corrected, and a tablet learning which of its problems the server holds."""
import io
import json
import uuid

from sqlalchemy import select

from caravan.models import Attendee, CheckIn, PendingRecord, ServiceGiven
from caravan.services.sync.receipt import digest
from tests.sync.conftest import API, statuses


def test_a_corrected_registration_is_applied_and_what_was_held_behind_it_follows(tablet, build, db):
    event = build.event()
    person = tablet.attendee(name="x" * 101)
    checkin = tablet.checkin(event.id, person["id"], method="register")
    service = tablet.service(event.id, attendee_id=person["id"])
    response = tablet.push([person, checkin, service])
    assert statuses(response) == ["rejected", "held", "held"]
    assert response.json["results"][0]["reason"] == "too_long:name"

    corrected = {**person, "data": {**person["data"], "name": "阿依古丽"}}
    response = tablet.push([corrected, checkin, service])
    assert statuses(response) == ["accepted", "accepted", "accepted"]
    stored = db.session.get(Attendee, person["id"])
    assert stored.name == "阿依古丽" and stored.pass_token == person["data"]["pass_token"]
    assert db.session.get(CheckIn, checkin["id"]) is not None
    assert db.session.get(ServiceGiven, service["id"]) is not None
    assert all(row.resolved_at is not None for row in db.session.scalars(select(PendingRecord)))
    ids = [person["id"], checkin["id"], service["id"]]
    assert response.json["receipt"] == {"device_records": 3, "digest": digest(ids)}


def test_held_records_follow_a_corrected_registration_even_when_not_sent_again(tablet, build, db):
    """The tablet sends the corrected registration alone (its children were sent before and are held)."""
    event = build.event()
    person = tablet.attendee(name="bad\x07name")
    checkin = tablet.checkin(event.id, person["id"], method="register")
    assert statuses(tablet.push([person, checkin])) == ["rejected", "held"]
    corrected = {**person, "data": {**person["data"], "name": "Aygul"}}
    assert statuses(tablet.push([corrected])) == ["accepted"]
    assert db.session.get(CheckIn, checkin["id"]).attendee_id == person["id"]
    # Sent again later, the held check-in is told it was applied.
    assert statuses(tablet.push([checkin])) == ["accepted"]


def check(tablet, ids, records=()):
    """Push ``records`` and ask about ``ids``; returns the answer's ``stored``."""
    response = tablet.client.post(f"{API}/push", json={"records": list(records), "check": ids},
                                  headers=tablet.headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json["stored"]


def test_the_push_answer_names_the_problem_ids_the_server_now_holds(tablet, make_tablet, build):
    event = build.event()
    person = tablet.attendee(name="")
    assert statuses(tablet.push([person])) == ["rejected"]
    stranger = str(uuid.uuid4())
    assert check(tablet, [person["id"], stranger]) == []
    corrected = {**person, "data": {**person["data"], "name": "Aygul"}}
    assert tablet.push([corrected]).status_code == 200
    assert check(tablet, [person["id"].upper(), stranger]) == [person["id"]]
    # Only this tablet's records: another tablet asking about the id learns nothing.
    other = make_tablet("Tablet 2")
    assert check(other, [person["id"]]) == []
    tally = tablet.tally(event.id)
    assert check(tablet, [tally["id"]], records=[tally]) == [tally["id"]]


def test_a_push_without_check_answers_as_before(tablet, build):
    response = tablet.push([tablet.tally(build.event().id)])
    assert "stored" not in response.json


def test_check_must_be_a_short_list_of_uuids(tablet):
    for bad in ("x", ["not-a-uuid"], [str(uuid.uuid4())] * 501, {"id": 1}):
        response = tablet.client.post(f"{API}/push", json={"records": [], "check": bad}, headers=tablet.headers)
        assert response.status_code == 400 and response.json["error"] == "bad_request"


def test_records_imported_by_the_office_stop_being_problems_at_the_next_sync(app, login_as, tablet, make_tablet,
                                                                              build, db):
    """Export, office import, tablet sync: what the import applied, the tablet learns is on the server.

    Today the outbox's records are answered duplicate, but records the tablet keeps as problems were never
    asked about again: records set aside for too many held (whose reason says to import the export) stayed
    problems on the tablet for ever, although the import had stored them."""
    app.config["SYNC_MAX_HELD_PER_DEVICE"] = 1
    event = build.event()
    other = make_tablet("Tablet 2")
    people = [other.attendee(name=f"P{i}") for i in range(2)]
    checkins = [tablet.checkin(event.id, p["id"]) for p in people]
    tally = tablet.tally(event.id)
    assert statuses(tablet.push(checkins)) == ["held", "rejected"]  # the tablet keeps the second as a problem
    assert statuses(other.push(people)) == ["accepted", "accepted"]  # the first check-in follows its person
    # The tablet exports its unsent records (its outbox: the tally; its problems: the second check-in).
    body = {"format": "caravan-outbox", "version": 1, "device_id": tablet.device.id,
            "exported_at": "2026-11-21T09:00:00Z", "records": [tally, checkins[1]]}
    login_as("office")
    response = tablet.client.post("/office/tablets/import", headers={"Accept-Language": "en"},
                                  data={"file": (io.BytesIO(json.dumps(body).encode()), "outbox.json")})
    assert response.status_code == 200
    assert db.session.get(CheckIn, checkins[1]["id"]) is not None
    # The tablet's next sync: the outbox's tally is a duplicate, and the problem is named as stored.
    response = tablet.client.post(f"{API}/push", json={"records": [tally], "check": [checkins[1]["id"]]},
                                  headers=tablet.headers)
    assert statuses(response) == ["duplicate"]
    assert response.json["stored"] == [checkins[1]["id"]]
    assert response.json["receipt"] == {"device_records": 3,
                                        "digest": digest([c["id"] for c in checkins] + [tally["id"]])}


# --- at the office ----------------------------------------------------------------------------------------

def refused_registration(tablet, event, name="Aygul\x07"):
    """A registration refused for its name, and its check-in held behind it; returns both records."""
    person = tablet.attendee(name=name)
    checkin = tablet.checkin(event.id, person["id"], method="register")
    assert statuses(tablet.push([person, checkin])) == ["rejected", "held"]
    return person, checkin


def problem_row(db, record_id):
    return db.session.scalars(select(PendingRecord).where(PendingRecord.record_id == record_id)
                              .order_by(PendingRecord.id)).first()


def test_the_office_corrects_a_refused_registration_and_what_was_held_follows(login_as, tablet, build, db):
    from caravan.models import AuditEntry
    event = build.event()
    village = build.area("village", parent=build.area("township"))
    person, checkin = refused_registration(tablet, event)
    row = problem_row(db, person["id"])
    login_as("office")
    client = tablet.client
    listing = client.get("/office/tablets/problems", headers={"Accept-Language": "en"}).get_data(as_text=True)
    url = f"/office/tablets/problems/{row.id}/correct"
    assert f'href="{url}"' in listing and "Aygul" not in listing  # the list still shows no personal data
    page = client.get(url, headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "Full name contains control characters." in page.get_data(as_text=True)

    form = {"name": "x" * 101, "phone": "", "village_id": village.id, "group": "graduate", "skills": "",
            "wishes": "welding"}
    response = client.post(url, data=form, headers={"Accept-Language": "en"})
    assert response.status_code == 422 and "At most 100 characters." in response.get_data(as_text=True)
    assert db.session.get(Attendee, person["id"]) is None

    response = client.post(url, data={**form, "name": "  Aygul Tursun "}, headers={"Accept-Language": "en"})
    assert response.status_code == 302 and "corrected=" in response.headers["Location"]
    db.session.expire_all()
    stored = db.session.get(Attendee, person["id"])
    assert (stored.name, stored.village_id, stored.group.value, stored.wishes, stored.pass_token) == (
        "Aygul Tursun", village.id, "graduate", "welding", person["data"]["pass_token"])
    assert db.session.get(CheckIn, checkin["id"]) is not None
    assert all(r.resolved_at is not None for r in db.session.scalars(select(PendingRecord)))
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "sync.correct"))
    assert entry.device_id is None and entry.entity_id == tablet.device.id
    assert "Aygul" not in str(entry.detail) and entry.detail["fields"] == ["group", "name", "village_id", "wishes"]
    # Corrected once: no second correction; and the tablet learns at its next sync that the server holds it.
    assert client.get(url).status_code == 404
    assert check(tablet, [person["id"]]) == [person["id"]]
    assert statuses(tablet.push([checkin])) == ["accepted"]


def test_only_refusals_that_the_fields_cause_can_be_corrected_at_the_office(login_as, tablet, build, db):
    event = build.event()
    person, checkin = refused_registration(tablet, event)
    taken = tablet.attendee(name="Other")
    taken["data"]["pass_token"] = person["data"]["pass_token"]
    corrected = {**person, "data": {**person["data"], "name": "Aygul"}}
    assert statuses(tablet.push([corrected, taken])) == ["accepted", "rejected"]
    login_as("office")
    for record_id in (person["id"], checkin["id"], taken["id"]):  # resolved, held, pass taken
        assert tablet.client.get(f"/office/tablets/problems/{problem_row(db, record_id).id}/correct").status_code == 404


def test_the_office_chooses_only_villages_of_its_area(login_as, tablet, build, db):
    event = build.event()
    own, other = build.area("township"), build.area("township")
    far = build.area("village", parent=other)
    person, _checkin = refused_registration(tablet, event)
    tablet.device.area = own
    db.session.commit()
    login_as("office", area=own)
    url = f"/office/tablets/problems/{problem_row(db, person['id']).id}/correct"
    response = tablet.client.post(url, data={"name": "Aygul", "group": "other", "village_id": far.id})
    assert response.status_code == 422
    assert db.session.get(Attendee, person["id"]) is None


def test_check_and_stored_are_described_in_the_openapi_document(client):
    from caravan.services.sync import ingest
    push = client.get(f"{API}/openapi.json").json["paths"]["/push"]["post"]
    request = push["requestBody"]["content"]["application/json"]["schema"]["properties"]
    answer = push["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert request["check"]["maxItems"] == ingest.MAX_BATCH and request["check"]["items"]["format"] == "uuid"
    assert answer["stored"]["items"]["format"] == "uuid"
