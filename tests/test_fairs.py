"""Job fairs: the participants' rules, the office page, the fair guide and the fair's results per employer."""
from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta

import pytest

from caravan.models import (AttendeeGroup, AuditEntry, EventKind, FairParticipant, Interest, ParticipantStatus,
                            ReferralStatus)
from caravan.models.base import utcnow
from caravan.services import fairs
from caravan.services.catalogue.fields import ValidationError


def _fair(build, **kw):
    kw.setdefault("place_zh", "县招聘会")
    return build.event(kind=EventKind.job_fair, **kw)


def _add(event, employer, **raw):
    return fairs.add(event, fairs.clean({"employer": employer.id, **raw}, event))


def test_only_a_job_fair_takes_employers(build, db):
    bazaar = build.event()
    with pytest.raises(ValidationError) as exc:
        fairs.clean({"employer": build.employer().id}, bazaar)
    assert "employer" in exc.value.errors


def test_a_booth_is_one_employers_per_fair_whatever_its_case(build, db):
    fair, other_fair = _fair(build), _fair(build)
    first = _add(fair, build.employer(), booth="a1")
    assert first.booth == "A1"
    with pytest.raises(ValidationError) as exc:
        fairs.clean({"employer": build.employer().id, "booth": " A1 "}, fair)
    assert list(exc.value.errors) == ["booth"]
    _add(other_fair, build.employer(), booth="A1")  # another fair may use the same number
    # Changing the employer's own row keeps its booth; no booth at all is allowed for several.
    assert fairs.clean({"status": "confirmed", "booth": "A1"}, fair, current=first)["booth"] == "A1"
    _add(fair, build.employer())
    _add(fair, build.employer())
    assert [p.booth for p in fairs.participants(fair)] == ["A1", None, None]


def test_an_employer_takes_part_once_and_must_be_one_the_fairs_area_may_offer(build, db):
    township, sibling = build.area("township"), build.area("township")
    fair = _fair(build, area=township)
    local, county_wide, above = (build.employer(area=township), build.employer(area=None),
                                 build.employer(area=build.county()))
    for employer in (local, county_wide, above):
        _add(fair, employer)
    with pytest.raises(ValidationError) as exc:
        fairs.clean({"employer": local.id}, fair)
    assert "employer" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        fairs.clean({"employer": build.employer(area=sibling).id}, fair)
    assert "employer" in exc.value.errors
    assert build.employer(area=sibling) not in fairs.candidates(fair)


def test_bad_status_and_zone_are_refused_by_field(build, db):
    with pytest.raises(ValidationError) as exc:
        fairs.clean({"employer": build.employer().id, "status": "maybe", "zone": "vip"}, _fair(build))
    assert set(exc.value.errors) == {"status", "zone"}


def test_participants_come_by_zone_then_booth_in_natural_order(build, db):
    fair = _fair(build)
    for booth, zone in (("A10", ""), ("G1", "graduate"), ("A2", ""), ("B1", "")):
        _add(fair, build.employer(), booth=booth, zone=zone)
    rows = fairs.participants(fair)
    assert [p.booth for p in rows] == ["A2", "A10", "B1", "G1"]
    assert [(zone, len(members)) for zone, members in fairs.zones(rows)] == [(None, 3), (AttendeeGroup.graduate, 1)]


def test_the_office_adds_changes_and_removes_employers(client, login_as, build, db):
    fair = _fair(build)
    employer, second = build.employer(name_zh="纺纱厂"), build.employer(name_zh="物流公司")
    db.session.commit()
    login_as("office")
    page = client.get(f"/office/events/{fair.id}/fair")
    assert page.status_code == 200 and "纺纱厂" in page.get_data(as_text=True)
    response = client.post(f"/office/events/{fair.id}/fair/add",
                           data={"employer": employer.id, "status": "confirmed", "booth": "A1", "zone": ""})
    assert response.status_code == 303
    # A taken booth: 422, the problem beside the field, the typed values kept.
    response = client.post(f"/office/events/{fair.id}/fair/add",
                           data={"employer": second.id, "status": "invited", "booth": "a1", "zone": "graduate"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "A1" in body and 'value="a1"' in body
    assert f'<option value="{second.id}" selected>' in body and '<option value="graduate" selected>' in body
    # htmx: the participants' fragment comes back, with the new row.
    response = client.post(f"/office/events/{fair.id}/fair/add", headers={"HX-Request": "true"},
                           data={"employer": second.id, "status": "invited", "booth": "G1", "zone": "graduate"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith("<section id=\"fair-participants\"")
    assert "物流公司" in body and "<html" not in body
    row = db.session.scalar(db.select(FairParticipant).where(FairParticipant.employer_id == second.id))
    url = f"/office/events/{fair.id}/fair/{row.id}"
    assert client.post(url, data={"action": "save", "status": "confirmed", "booth": "G2", "zone": "graduate"}
                       ).status_code == 303
    response = client.post(url, data={"action": "save", "status": "confirmed", "booth": "A1", "zone": ""})
    assert response.status_code == 422 and 'value="A1"' in response.get_data(as_text=True)
    assert client.post(url, data={"action": "arrived"}).status_code == 303
    db.session.expire_all()
    row = db.session.get(FairParticipant, row.id)
    assert (row.status, row.booth, row.zone) == (ParticipantStatus.confirmed, "G2", AttendeeGroup.graduate)
    assert row.arrived_at is not None
    assert client.post(url, data={"action": "remove"}).status_code == 303
    assert db.session.scalar(db.select(FairParticipant.id).where(FairParticipant.id == row.id)) is None
    actions = [a for (a,) in db.session.execute(db.select(AuditEntry.action).order_by(AuditEntry.id))
               if a.startswith("fair.")]
    assert actions == ["fair.add", "fair.add", "fair.update", "fair.arrive", "fair.remove"]
    assert client.post(url, data={"action": "remove"}).status_code == 404


def test_fair_pages_are_404_for_another_kind_of_event(client, login_as, build, db):
    bazaar = build.event()
    db.session.commit()
    login_as("office")
    assert client.get(f"/office/events/{bazaar.id}/fair").status_code == 404
    assert client.get(f"/office/events/{bazaar.id}/fair/guide.pdf").status_code == 404


def _posting(build, employer, title, **kw):
    return build.posting(title=title, employer=employer, wage_min=3000, wage_max=4000, openings=5, **kw)


def test_the_guide_lists_confirmed_employers_by_zone_and_booth_with_their_open_postings(app, client, login_as,
                                                                                        build, db):
    from caravan.fair_guide import fair_guide_context
    fair = _fair(build)
    mill, school, later = (build.employer(name_zh="纺纱厂", name_ug="يىپ زاۋۇتى"), build.employer(name_zh="幼儿园"),
                           build.employer(name_zh="未确认"))
    _posting(build, mill, "挡车工")
    _posting(build, mill, "草稿", status="draft")
    _posting(build, mill, "过期", valid_until=utcnow().date() - timedelta(days=3))
    _add(fair, mill, status="confirmed", booth="A1")
    _add(fair, school, status="confirmed", booth="G1", zone="graduate")
    _add(fair, later, status="invited")
    db.session.commit()
    guide = fair_guide_context(fair, "ug")
    assert guide["dir"] == "rtl"
    assert [[e["booth"] for e in z["employers"]] for z in guide["zones"]] == [["A1"], ["G1"]]
    first = guide["zones"][0]["employers"][0]
    assert first["name"] == "يىپ زاۋۇتى" and [j["title"] for j in first["jobs"]] == ["挡车工"]
    assert first["jobs"][0]["qr"].startswith("data:image/png")
    login_as("office")
    response = client.get(f"/office/events/{fair.id}/fair/guide.pdf?lang=zh")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert client.get(f"/office/events/{fair.id}/fair/guide.pdf?lang=xx").status_code == 404


def test_print_fair_guide_command(app, build, db, tmp_path):
    fair = _fair(build)
    _add(fair, build.employer(name_zh="纺纱厂"), status="confirmed", booth="A1")
    db.session.commit()
    runner = app.test_cli_runner()
    listed = runner.invoke(args=["print", "fair-guide", "--event", fair.code.lower(), "--list"])
    assert listed.exit_code == 0 and "A1" in listed.output and "纺纱厂" in listed.output
    out = tmp_path / "guide.pdf"
    result = runner.invoke(args=["print", "fair-guide", "--event", fair.id, "--lang", "ug", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    bazaar = build.event()
    db.session.commit()
    assert runner.invoke(args=["print", "fair-guide", "--event", bazaar.code, "-o", str(out)]).exit_code != 0


def test_results_show_interests_and_follow_up_per_employer(client, login_as, build, db):
    fair, elsewhere = _fair(build), build.event()
    mill, shop = build.employer(name_zh="纺纱厂"), build.employer(name_zh="超市")
    job, job2 = _posting(build, mill, "挡车工"), _posting(build, mill, "电工")
    _posting(build, shop, "收银")  # a posting of the other employer, with no interest at the fair
    _add(fair, mill, status="confirmed", booth="A1")
    _add(fair, shop, status="confirmed", booth="A2")
    fairs.mark_arrived(fairs.participants(fair)[0])
    for posting, status, event in ((job, ReferralStatus.interested, fair), (job2, ReferralStatus.referred, fair),
                                   (job, ReferralStatus.hired, fair), (job, ReferralStatus.interested, elsewhere)):
        db.session.add(Interest(id=str(uuid.uuid4()), attendee_id=build.attendee().id, posting_id=posting.id,
                                event_id=event.id, status=status))
    db.session.commit()
    [first, second] = fairs.results(fair)
    assert (first.participant.employer, first.interests) == (mill, 3)
    assert (first.by_status["referred"], first.by_status["hired"]) == (1, 1)
    assert (second.interests, second.participant.arrived_at) == (0, None)
    login_as("office")
    body = client.get(f"/office/events/{fair.id}").get_data(as_text=True)
    assert 'id="fair-results"' in body and f"/office/referrals/?employer={mill.id}" in body
    assert 'id="fair-results"' not in client.get(f"/office/events/{elsewhere.id}").get_data(as_text=True)
    response = client.get(f"/office/events/{fair.id}/fair/results.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[1][0] == "A1" and rows[1][2] == "纺纱厂" and rows[1][3] and rows[1][4:] == ["3", "1", "1", "0", "1", "0"]
    assert rows[2][:5] == ["A2", rows[2][1], "超市", "", "0"]
    exported = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "fair.export"))
    assert exported.detail == {"format": "csv", "rows": 2}


def test_demo_fairs_get_their_employers(app, build, db):
    from caravan.demo.fairs import add_participants
    fair = _fair(build)
    employers = [build.employer(), build.employer()]
    fair.postings = [_posting(build, e, "岗位") for e in employers]
    db.session.flush()
    assert add_participants(fair) == 2 and add_participants(fair) == 0
    rows = fairs.participants(fair)
    assert [p.status for p in rows] == [ParticipantStatus.confirmed, ParticipantStatus.invited]
    assert rows[0].booth and rows[1].booth is None
