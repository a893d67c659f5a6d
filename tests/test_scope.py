"""Whose data an office user sees: their own area and below, never a sibling township's, never the county's.

The permission matrix (tests/test_permissions.py) checks every route's answer for objects of the user's own
area, a sibling township and the county; these tests look at what the pages and services hold.
"""
from __future__ import annotations

import io
import json
import re

import pytest
from sqlalchemy import func, select

from caravan.models import Area, AreaLevel, AuditEntry, Device, PendingRecord, PendingStatus, Posting, User
from caravan.services import audit
from caravan.services.catalogue import csv_import
from caravan.services.scope import area_ids_within, areas_within, within
from tests.builders import counting


@pytest.fixture
def towns(build):
    """Two townships of the test county, each with a village: ``own`` (the user's) and ``sibling``."""
    own, sibling = build.area("township", name_zh="本镇"), build.area("township", name_zh="邻镇")
    return {"own": own, "sibling": sibling, "county": build.county(),
            "own_village": build.area("village", parent=own, name_zh="本村"),
            "sibling_village": build.area("village", parent=sibling, name_zh="邻村")}


def _tablet(db, area, name):
    device = Device(name=name, area=area)
    db.session.add(device)
    db.session.flush()
    db.session.add(PendingRecord(device_id=device.id, record_id=f"rec-{name}", record_type="checkin",
                                 status=PendingStatus.rejected, reason="too_long:name", payload={}))
    db.session.commit()
    return device


def test_the_scope_is_one_statement_however_deep_the_tree(app, db, build, towns):
    for n in range(6):
        build.area("village", parent=towns["own"] if n % 2 else towns["sibling"])
    county, own = build.county(), towns["own"]
    db.session.refresh(county), db.session.refresh(own)  # loaded before counting: only the scope counts
    with counting(db.engine) as statements:
        ids = area_ids_within(county)
    assert len(statements) == 1 and len(ids) == 1 + 2 + 2 + 6
    with counting(db.engine) as statements:
        db.session.scalar(select(func.count()).select_from(Posting).where(within(Posting.area_id, own)))
    assert len(statements) == 1


def test_the_kept_area_tree_follows_areas_added_moved_and_undone(app, db, build, towns):
    """The tree is read once per transaction; an area added or moved (flushed), or undone with a savepoint
    or the transaction, is seen at once by the next limit."""
    own, sibling = towns["own"], towns["sibling"]
    assert set(area_ids_within(own)) == {own.id, towns["own_village"].id}
    added = build.area("village", parent=own)  # flushed by the builder
    assert added.id in area_ids_within(own)
    added.parent = sibling
    db.session.flush()
    assert added.id not in area_ids_within(own) and added.id in area_ids_within(sibling)
    with db.session.begin_nested() as savepoint:
        undone = Area(code="UNDONE", level=AreaLevel.village, parent=own, name_zh="撤销")
        db.session.add(undone)
        db.session.flush()
        undone_id = undone.id
        assert undone_id in area_ids_within(own)
        savepoint.rollback()
    assert undone_id not in area_ids_within(own)
    db.session.commit()
    with counting(db.engine) as statements:
        area_ids_within(own), area_ids_within(sibling)
    assert len(statements) == 1  # read again after the commit, once for both


def test_the_kept_area_tree_survives_a_loop_in_the_areas(app, db, build, towns):
    """A loop of parents (never made by caravan, but possible in the table) ends the walk, not the page."""
    own, village = towns["own"], towns["own_village"]
    own.parent_id = village.id
    db.session.flush()
    assert set(area_ids_within(own)) == {own.id, village.id}


def test_codes_with_like_wildcards_do_not_widen_the_scope(app, db, build):
    """The tree is followed by parent, not by code, so ``_`` and ``%`` in a code match nothing else."""
    county = build.county()
    wild = Area(code="T-_%", level=AreaLevel.township, parent=county, name_zh="通配")
    other = Area(code="T-X%-1", level=AreaLevel.township, parent=county, name_zh="他镇")
    db.session.add_all([wild, other])
    db.session.commit()
    assert [a.code for a in areas_within(wild)] == ["T-_%"]
    assert other.id not in area_ids_within(wild)


def test_tablet_pages_show_and_act_on_the_users_area_only(client, db, build, login_as, towns):
    mine, theirs = _tablet(db, towns["own_village"], "Tablet Mine"), _tablet(db, towns["sibling"], "Tablet Theirs")
    county_tablet = _tablet(db, towns["county"], "Tablet County")
    login_as("office", area=towns["own"])
    listing = client.get("/office/tablets/").get_data(as_text=True)
    assert "Tablet Mine" in listing and "Tablet Theirs" not in listing and "Tablet County" not in listing
    problems = client.get("/office/tablets/problems").get_data(as_text=True)
    assert "Tablet Mine" in problems and "Tablet Theirs" not in problems and problems.count("<code>") == 1
    for device in (theirs, county_tablet):
        assert client.get(f"/office/tablets/{device.id}/revoke").status_code == 404
        assert client.post(f"/office/tablets/{device.id}/revoke").status_code == 404
        db.session.refresh(device)
        assert device.revoked_at is None
    assert client.post(f"/office/tablets/{mine.id}/revoke").status_code == 302


def test_a_township_cannot_import_another_townships_tablet_file(client, db, build, login_as, towns):
    theirs = _tablet(db, towns["sibling"], "Tablet Theirs")
    login_as("office", area=towns["own"])
    export = json.dumps({"format": "caravan-outbox", "version": 1, "device_id": theirs.id, "records": []})
    response = client.post("/office/tablets/import", data={"file": (io.BytesIO(export.encode()), "outbox.json")})
    assert response.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "sync.import")) == 0


def test_a_township_clerk_prints_only_their_townships_pass_cards(client, db, build, login_as, towns):
    mine = build.attendee(name="本村居民", village=towns["own_village"])
    theirs = build.attendee(name="邻村居民", village=towns["sibling_village"])
    nowhere = build.attendee(name="无村居民")
    login_as("office", area=towns["own"])
    page = client.get("/office/print/").get_data(as_text=True)
    assert "本村居民" in page and "邻村居民" not in page and "无村居民" not in page
    assert "本村" in page and "邻村" not in page  # the village picker too
    for chosen in ({"item": theirs.id}, {"item": nowhere.id}, {"village": towns["sibling_village"].id}):
        assert client.post("/office/print/", data={"kind": "passes", **chosen}).status_code == 422, chosen
    response = client.post("/office/print/", data={"kind": "passes", "item": [mine.id, theirs.id]})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "print.passes"))
    assert entry.detail["count"] == 1


def test_posters_by_code_stay_within_the_area(client, db, build, login_as, towns):
    draft = build.posting(status="draft", area=towns["sibling"], employer=build.employer(area=towns["sibling"]))
    county_posting = build.posting(area=towns["county"], employer=build.employer(area=towns["county"]))
    login_as("office", area=towns["own"])
    assert county_posting.code not in client.get("/office/print/").get_data(as_text=True)
    for posting in (draft, county_posting):
        response = client.post("/office/print/", data={"kind": "posters", "item": posting.code})
        assert response.status_code == 422, posting


def test_a_township_admin_adds_staff_only_within_their_area(client, db, build, login_as, towns):
    build.user("office", area=towns["sibling"], username="sibling.clerk")
    build.user("office", area=towns["county"], username="county.clerk")
    login_as("admin", area=towns["own"])
    page = client.get("/office/admin/").get_data(as_text=True)
    assert "sibling.clerk" not in page and "county.clerk" not in page
    assert f'value="{towns["county"].code}"' not in page and f'value="{towns["own_village"].code}"' in page
    form = {"username": "new.clerk", "password": "a long password", "role": "admin"}
    for area in (towns["county"], towns["sibling"]):
        response = client.post("/office/admin/", data={**form, "area": area.code}, headers={"Accept-Language": "ug"})
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        assert "ئۆز رايونىڭىز ئىچىدىكى رايوننى تاللاڭ" in page and "Not a valid choice" not in page
        assert db.session.scalar(select(User).where(User.username == "new.clerk")) is None
    assert client.post("/office/admin/", data={**form, "area": towns["own_village"].code}).status_code == 302


def test_the_service_refuses_a_user_above_the_admins_area(app, db, build, towns):
    from caravan.services.users import UserError, create_user
    with pytest.raises(UserError) as raised:
        create_user("upstairs", "a long password", "admin", "T", scope=towns["own"])
    assert raised.value.code == "area"


def _figures(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"<li><strong>(\d+)</strong>", html)]


def test_the_dashboard_counts_only_the_users_area(client, db, build, login_as, towns):
    for area, village, openings in ((towns["own_village"], towns["own_village"], 3),
                                    (towns["sibling"], towns["sibling_village"], 50), (towns["county"], None, 700)):
        build.posting(area=area, openings=openings, employer=build.employer(area=area))
        build.event(area=area)
        build.attendee(village=village)
    login_as("office", area=towns["own"])
    # published postings, openings, coming events, residents, check-ins, visitors
    assert _figures(client.get("/office/").get_data(as_text=True)) == [1, 3, 1, 1, 0, 0]
    client.post("/signout")
    login_as("office")  # the county sees everything
    assert _figures(client.get("/office/").get_data(as_text=True)) == [3, 753, 3, 3, 0, 0]


def test_the_audit_filter_names_only_actions_of_the_users_area(client, db, build, login_as, towns):
    audit.record("device.revoke", user=build.user("office", area=towns["sibling"]))
    db.session.commit()
    login_as("office", area=towns["own"])
    page = client.get("/office/audit").get_data(as_text=True)
    assert 'value="device.revoke"' not in page


def test_an_import_cannot_borrow_another_townships_employer_by_name(app, db, build, towns):
    build.employer(name_zh="邻镇工厂", area=towns["sibling"])
    header = ["employer", "openings", "area_code", "title_zh"]
    data = ("\r\n".join([",".join(header), f"邻镇工厂,3,{towns['own'].code},缝纫工"]) + "\r\n").encode()
    result = csv_import.import_postings(data, towns["own"], by=build.user("office", area=towns["own"]),
                                       new_employers=True)
    assert result.created == [] and [(e.row, e.column) for e in result.errors] == [(2, "employer")]
