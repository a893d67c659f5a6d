"""The office sees who made each record: "Staff at this event" on the event page, and the staff member of
each record on the tablets' problem list."""
import re

from caravan.models import User
from tests.sync.conftest import statuses


def _staff_table(page: str) -> dict[str, list[str]]:
    """The rows of the "Staff at this event" table: the name cell's text -> the counts."""
    section = page.split('id="event-staff"', 1)[1].split("</section>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]:
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def _market_day(make_tablet, build, db):
    township = build.area()
    event, other_event, posting = build.event(area=township), build.event(area=township), build.posting()
    amina = build.user("field", area=township, display_name="Amina")
    dilnur = build.user("field", area=township, username="dilnur")  # no display name: the username
    tablet, old = make_tablet("A", area=township), make_tablet("Old", area=township)
    tablet.by = str(amina.id)
    people = [tablet.attendee(), tablet.attendee()]
    records = [r for p in people for r in (p, tablet.checkin(event.id, p["id"], "register"))]
    records += [tablet.service(event.id, attendee_id=people[0]["id"]), tablet.service(event.id),
                tablet.interest(people[0]["id"], posting.id, event.id), tablet.tally(event.id, count=3),
                tablet.checkin(other_event.id, people[1]["id"])]  # another event: not counted here
    tablet.by = str(dilnur.id)
    records += [tablet.checkin(event.id, people[0]["id"]), tablet.tally(event.id, count=2),
                tablet.tally(event.id, kind="job_info", count=1)]
    assert set(statuses(tablet.push(records))) == {"accepted"}
    assert statuses(old.push([old.checkin(event.id, people[1]["id"], "manual"), old.tally(event.id)])) == [
        "accepted", "accepted"]
    db.session.commit()
    return township, event


def test_the_event_page_counts_each_staff_members_records(login_as, make_tablet, build, db, client):
    township, event = _market_day(make_tablet, build, db)
    login_as("office", area=township)
    page = client.get(f"/office/events/{event.id}/edit", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Staff at this event" in page
    #           check-ins, registrations, services, job interests, course interests, counted without registering
    assert _staff_table(page) == {"Amina": ["2", "2", "2", "1", "0", "3"],
                                  "dilnur": ["1", "0", "0", "0", "0", "3"],
                                  "not named (older tablet app)": ["1", "0", "0", "0", "0", "1"]}


def test_the_staff_table_reads_in_every_language(login_as, make_tablet, build, db, client):
    township, event = _market_day(make_tablet, build, db)
    login_as("office", area=township)
    headings = set()
    for lang in ("zh", "ug", "en"):
        page = client.get(f"/office/events/{event.id}/edit", headers={"Accept-Language": lang}).get_data(as_text=True)
        headings.add(re.search(r'id="event-staff">\s*<h2>(.*?)</h2>', page).group(1))
    assert len(headings) == 3


def test_an_event_without_records_says_so(login_as, build, client):
    event = build.event()
    login_as("office")
    page = client.get(f"/office/events/{event.id}/edit", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "No records from this event yet." in page


def test_a_sibling_areas_user_does_not_see_the_event_or_its_staff(login_as, make_tablet, build, db, client):
    township, event = _market_day(make_tablet, build, db)
    login_as("office", area=build.area())
    assert client.get(f"/office/events/{event.id}/edit").status_code == 404


def test_the_problem_list_names_the_staff_member_of_each_record(login_as, make_tablet, build, db, client):
    event = build.event()
    amina = build.user("field", display_name="Amina <b>")
    tablet = make_tablet()
    tablet.by = str(amina.id)
    held = tablet.checkin(event.id, "0b7ac5d8-3f43-4a55-9b3c-3f0f3b0f3b0f")
    tablet.by = "424242"
    unknown = tablet.tally(event.id)
    tablet.by = None
    bad = tablet.tally(event.id, count=0)
    assert statuses(tablet.push([held, unknown, bad])) == ["held", "rejected", "rejected"]
    assert db.session.get(User, 424242) is None
    login_as("office")
    page = client.get("/office/tablets/problems", headers={"Accept-Language": "en"}).get_data(as_text=True)
    rows = {re.sub(r"<[^>]+>", "", cells[6]).strip(): re.sub(r"<[^>]+>", "", cells[2]).strip()
            for cells in (re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
                          for row in re.findall(r'<tr class="status-[a-z]+">(.*?)</tr>', page, re.S))}
    assert rows == {held["id"][:8]: "Amina &lt;b&gt;", unknown["id"][:8]: "unknown 424242",
                    bad["id"][:8]: "not named"}
    assert "names a staff member this server does not know" in page
