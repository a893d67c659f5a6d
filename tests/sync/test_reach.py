"""A push may only touch what the tablet may see: events of its area, published postings and notices."""
from sqlalchemy import func, select

from caravan.models import CheckIn, Interest, PendingRecord, PendingStatus, PublishStatus, ServiceGiven, Tally
from tests.sync.conftest import statuses


def test_records_for_an_event_outside_the_tablet_s_area_are_rejected(make_tablet, build, db):
    north, south = build.area(), build.area()
    village = build.area("village", parent=north)
    tablet = make_tablet("North 1", area=north)
    person = build.attendee()
    posting = build.posting()
    here, below, there, county = build.event(north), build.event(village), build.event(south), build.event()
    records = [tablet.checkin(there.id, person.id), tablet.service(there.id, attendee_id=person.id),
               tablet.tally(there.id), tablet.interest(person.id, posting.id, there.id),
               tablet.tally(county.id),
               tablet.checkin(here.id, person.id), tablet.tally(below.id),
               tablet.interest(person.id, posting.id, here.id)]
    response = tablet.push(records)
    assert statuses(response) == ["rejected"] * 5 + ["accepted"] * 3
    assert {r.get("reason") for r in response.json["results"][:5]} == {"outside_area:event_id"}
    assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 1
    assert db.session.scalar(select(func.count()).select_from(Tally)) == 1
    kept = list(db.session.scalars(select(PendingRecord)))
    assert len(kept) == 5 and {k.status for k in kept} == {PendingStatus.rejected}


def test_records_for_postings_or_notices_that_are_not_published_are_rejected(tablet, build, db):
    event, person = build.event(), build.attendee()
    draft, closed, open_ = build.posting(status="draft"), build.posting(status="closed"), build.posting()
    hidden, shown = build.notice(status="draft"), build.notice()
    records = [tablet.interest(person.id, draft.id, event.id), tablet.interest(person.id, closed.id),
               tablet.service(event.id, posting_id=draft.id), tablet.service(event.id, notice_id=hidden.id),
               tablet.interest(person.id, open_.id, event.id),
               tablet.service(event.id, kind="training_info", notice_id=shown.id)]
    response = tablet.push(records)
    assert statuses(response) == ["rejected"] * 4 + ["accepted"] * 2
    assert [r.get("reason") for r in response.json["results"][:4]] == [
        "not_published:posting_id", "not_published:posting_id", "not_published:posting_id",
        "not_published:notice_id"]
    assert db.session.scalar(select(func.count()).select_from(Interest)) == 1
    assert db.session.scalar(select(func.count()).select_from(ServiceGiven)) == 1


def test_a_held_record_is_checked_for_reach_when_its_parent_arrives(make_tablet, build, db):
    north, south = build.area(), build.area()
    tablet, other = make_tablet("North 1", area=north), make_tablet("South 1", area=south)
    there = build.event(south)
    person = other.attendee()
    assert statuses(tablet.push([tablet.checkin(there.id, person["id"])])) == ["rejected"]
    posting = build.posting()
    interest = tablet.interest(person["id"], posting.id)
    assert statuses(tablet.push([interest])) == ["held"]
    posting.status = PublishStatus.closed  # closed by the office before the resident's record arrives
    db.session.commit()
    assert statuses(other.push([person])) == ["accepted"]
    held = db.session.scalar(select(PendingRecord).where(PendingRecord.record_id == interest["id"]))
    db.session.refresh(held)
    assert held.status == PendingStatus.rejected and held.reason == "not_published:posting_id"
    assert db.session.scalar(select(func.count()).select_from(Interest)) == 0


def test_the_office_reads_the_reasons_in_its_language(login_as, make_tablet, build):
    north, south = build.area(), build.area()
    tablet = make_tablet("North 1", area=north)
    tablet.push([tablet.tally(build.event(south).id),
                 tablet.service(build.event(north).id, posting_id=build.posting(status="draft").id)])
    login_as("office")
    for lang, texts in {"en": ["outside this tablet", "not published"],
                        "zh": ["不在本平板的地区", "未发布"]}.items():
        page = tablet.client.get("/office/tablets/problems", headers={"Accept-Language": lang}).get_data(as_text=True)
        for text in texts:
            assert text in page, (lang, text)


def test_the_tablet_gets_the_reasons_in_every_language(client):
    catalog = client.get("/field/app/strings.json").get_json()
    assert catalog["en"]["reasons"]["outside_area"] == "%(field)s names an event outside this tablet's area."
    assert "未发布" in catalog["zh"]["reasons"]["not_published"]
    assert catalog["ug"]["reasons"]["too_many_held"] not in ("", catalog["en"]["reasons"]["too_many_held"])


def test_a_held_record_is_judged_by_the_reach_of_the_tablet_that_made_it(make_tablet, build, db):
    north, south = build.area(), build.area()
    tablet, other = make_tablet("North 1", area=north), make_tablet("South 1", area=south)
    there = build.event(south)
    person = tablet.attendee()
    checkin = other.checkin(there.id, person["id"])
    assert statuses(other.push([checkin])) == ["held"]
    assert statuses(tablet.push([person])) == ["accepted"]  # North's push applies South's held check-in
    assert db.session.get(CheckIn, checkin["id"]) is not None
