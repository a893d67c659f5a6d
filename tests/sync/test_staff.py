"""Every pushed record names the staff member who made it (the envelope's ``by``), and the server keeps it."""
import pytest
from sqlalchemy import select

from caravan.models import Attendee, CheckIn, Interest, PendingRecord, PendingStatus, ServiceGiven, Tally
from tests.sync.conftest import statuses

MODELS = {"attendee": Attendee, "checkin": CheckIn, "service": ServiceGiven, "tally": Tally,
          "interest": Interest}


def _day(tablet, event, posting):
    person = tablet.attendee()
    return [person, tablet.checkin(event.id, person["id"], "register"),
            tablet.service(event.id, attendee_id=person["id"]), tablet.tally(event.id, count=2),
            tablet.interest(person["id"], posting.id, event.id)]


def test_each_kind_of_record_keeps_the_staff_member_who_made_it(tablet, build, db):
    event, posting = build.event(), build.posting()
    amina, dilnur = build.user("field"), build.user("office")
    tablet.by = str(amina.id)
    first = _day(tablet, event, posting)
    tablet.by = dilnur.id  # a number is taken as well as the string the tablet sends
    second = _day(tablet, event, posting)
    assert statuses(tablet.push(first + second)) == ["accepted"] * 10
    db.session.expire_all()
    for records, user in ((first, amina), (second, dilnur)):
        for record in records:
            assert db.session.get(MODELS[record["type"]], record["id"]).staff_id == user.id, record["type"]


def test_records_from_an_older_tablet_without_by_name_no_one(tablet, build, db):
    event, posting = build.event(), build.posting()
    records = _day(tablet, event, posting)
    assert all("by" not in r for r in records)
    records[3]["by"] = None  # sent as null: the same
    assert statuses(tablet.push(records)) == ["accepted"] * 5
    db.session.expire_all()
    assert [db.session.get(MODELS[r["type"]], r["id"]).staff_id for r in records] == [None] * 5


def test_a_by_that_names_no_user_is_rejected_and_kept(tablet, build, db):
    event = build.event()
    user = build.user("field")
    tablet.by = str(user.id + 1000)
    unknown = tablet.tally(event.id)
    tablet.by = str(user.id)
    known = tablet.tally(event.id)
    response = tablet.push([unknown, known])
    assert statuses(response) == ["rejected", "accepted"]
    assert response.json["results"][0]["reason"] == "unknown_staff:by"
    kept = db.session.scalar(select(PendingRecord))
    assert kept.record_id == unknown["id"] and kept.status == PendingStatus.rejected
    assert kept.reason == "unknown_staff:by" and kept.payload["by"] == unknown["by"]
    assert db.session.get(Tally, unknown["id"]) is None
    tablet.push([unknown])  # sent again: still one copy kept
    assert len(db.session.scalars(select(PendingRecord)).all()) == 1


@pytest.mark.parametrize("value, reason", [("abc", "bad_value:by"), ("", "bad_value:by"), ("-3", "bad_value:by"),
                                           (True, "wrong_type:by"), ({"id": 1}, "wrong_type:by"),
                                           ("0", "unknown_staff:by"), ("99999999999", "unknown_staff:by")])
def test_a_by_that_is_no_user_id_is_rejected_with_its_reason(tablet, build, db, value, reason):
    record = tablet.tally(build.event().id)
    record["by"] = value
    response = tablet.push([record])
    assert response.json["results"][0] == {"id": record["id"], "status": "rejected", "reason": reason}


def test_a_held_record_keeps_its_staff_member_when_its_parent_arrives(make_tablet, build, db):
    event, user = build.event(), build.user("field")
    first, second = make_tablet("A"), make_tablet("B")
    first.by = second.by = str(user.id)
    person = first.attendee()
    checkin = second.checkin(event.id, person["id"])
    assert statuses(second.push([checkin])) == ["held"]
    assert statuses(first.push([person])) == ["accepted"]
    db.session.expire_all()
    assert db.session.get(CheckIn, checkin["id"]).staff_id == user.id


def test_the_rejection_reason_reads_in_every_language(app):
    from flask_babel import force_locale

    from caravan.services.sync.reasons import describe
    with app.test_request_context():
        texts = set()
        for lang in ("zh", "ug", "en"):
            with force_locale(lang):
                texts.add(describe("unknown_staff:by"))
                texts.add(describe("sealed:data"))
        assert len(texts) == 6 and not any(t in ("unknown_staff:by", "sealed:data") for t in texts)


def test_the_tablet_gets_the_new_reasons_in_every_language(client):
    strings = client.get("/field/app/strings.json").json
    for lang in ("zh", "ug", "en"):
        assert {"unknown_staff", "sealed"} <= set(strings[lang]["reasons"]), lang
    assert len({strings[lang]["reasons"]["unknown_staff"] for lang in ("zh", "ug", "en")}) == 3


def test_the_careful_path_keeps_the_staff_member_too(tablet, build, db, monkeypatch):
    """A batch the database refuses in part is stored row by row (build_row): the rows still name staff."""
    from caravan.services.sync import validate
    event, user = build.event(), build.user("field")
    lenient = lambda data: {"event_id": data["event_id"], "kind": data["kind"], "count": data["count"]}  # noqa: E731
    monkeypatch.setitem(validate.VALIDATORS, "tally", lenient)  # lets count=0 reach the CHECK constraint
    tablet.by = str(user.id)
    person = tablet.attendee()
    records = [person, tablet.checkin(event.id, person["id"]), tablet.tally(event.id, count=0),
               tablet.tally(event.id, count=3)]
    assert statuses(tablet.push(records)) == ["accepted", "accepted", "rejected", "accepted"]
    db.session.expire_all()
    assert [db.session.get(MODELS[r["type"]], r["id"]).staff_id for r in records if r is not records[2]] == [
        user.id] * 3
