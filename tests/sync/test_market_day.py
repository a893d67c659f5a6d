"""A whole day through the API: enroll, pull, push in pieces (one answer lost), export the rest; the office
ends up with every record exactly once and the tablet's receipt agrees."""
import hashlib
import io
import json

from sqlalchemy import func, select

from caravan.models import Attendee, CheckIn, Interest, ServiceGiven, Tally
from caravan.services.sync.enroll import new_enrollment_code
from tests.sync.conftest import API, Tablet


def test_market_day(client, build, db, login_as):
    township = build.area()
    event, posting = build.event(area=township), build.posting()
    _, code = new_enrollment_code(township)
    db.session.commit()
    enrolled = client.post(f"{API}/enroll", json={"code": code, "name": "Stall 1"}).json
    tablet = Tablet(client, None, enrolled["token"])

    cursor, known = 0, {}
    while True:
        page = tablet.pull(cursor=cursor, limit=3).json
        known.update({(c["type"], c["id"]): c for c in page["changes"]})
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert ("event", event.id) in known and ("posting", posting.id) in known

    outbox = []
    for n in range(5):
        person = tablet.attendee(name=f"Resident {n}")
        outbox += [person, tablet.checkin(event.id, person["id"], "register")]
    outbox += [tablet.service(event.id, attendee_id=outbox[0]["id"], posting_id=posting.id),
               tablet.interest(outbox[0]["id"], posting.id, event.id), tablet.tally(event.id, count=4)]
    confirmed = set()

    tablet.push(outbox[:6])  # the answer is lost on the way back: nothing confirmed
    answer = tablet.push(outbox[:9]).json  # the retry, with more
    confirmed |= {r["id"] for r in answer["results"] if r["status"] in ("accepted", "duplicate")}
    assert [r["status"] for r in answer["results"]] == ["duplicate"] * 6 + ["accepted"] * 3

    login_as("office")  # the rest leaves the tablet as a file
    export = {"format": "caravan-outbox", "version": 1, "device_id": enrolled["device_id"],
              "exported_at": "2026-11-20T12:00:00Z", "records": [r for r in outbox if r["id"] not in confirmed]}
    page = client.post("/office/tablets/import", data={"file": (io.BytesIO(json.dumps(export).encode()), "o.json")})
    assert page.status_code == 200

    final = tablet.push(outbox).json  # the tablet learns what the server holds
    assert {r["status"] for r in final["results"]} == {"duplicate"}
    confirmed = {r["id"] for r in outbox}
    digest = hashlib.sha256("\n".join(sorted(confirmed)).encode()).hexdigest()
    assert final["receipt"] == {"device_records": len(outbox), "digest": digest}
    counts = [db.session.scalar(select(func.count()).select_from(m))
              for m in (Attendee, CheckIn, ServiceGiven, Interest, Tally)]
    assert counts == [5, 5, 1, 1, 1]
