"""The office's duplicate pages: the list with reasons, the comparison, merge, "not the same person", undo."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from caravan.models import AuditEntry, Merge
from caravan.models.base import utcnow
from caravan.services import residents

EN = {"Accept-Language": "en"}


@pytest.fixture
def pair(build, db):
    township = build.area("township")
    village = build.area("village", parent=township)
    older = build.attendee(name="Aygul Memet", village=village, consent_at=utcnow() - timedelta(days=20))
    newer = build.attendee(name="aygul memet", village=village, phone="13800138000")
    return {"township": township, "older": older, "newer": newer}


def _page(response, status=200) -> str:
    assert response.status_code == status, response.status_code
    return response.get_data(as_text=True)


def test_list_shows_pairs_with_reasons_and_links_from_residents(client, login_as, pair):
    login_as("office", area=pair["township"])
    assert "/office/residents/duplicates" in _page(client.get("/office/residents/", headers=EN))
    page = _page(client.get("/office/residents/duplicates", headers=EN))
    assert "1 possible duplicate" in page and "Same name in the same village" in page
    assert page.index("Aygul Memet") < page.index("aygul memet")  # the older, kept one first
    fragment = _page(client.get("/office/residents/duplicates", headers={**EN, "HX-Request": "true"}))
    assert "<html" not in fragment and "Same name in the same village" in fragment
    # The record page links to the person's own possible duplicates.
    record = _page(client.get(f"/office/residents/{pair['newer'].id}", headers=EN))
    assert f"/office/residents/duplicates?of={pair['newer'].id}" in record and "1 possible duplicate" in record
    mine = _page(client.get(f"/office/residents/duplicates?of={pair['newer'].id}", headers=EN))
    assert "Aygul Memet" in mine


def test_merge_needs_confirmation_then_the_kept_record_shows_it_and_undo(client, login_as, pair, db):
    older, newer = pair["older"], pair["newer"]
    login_as("office", area=pair["township"])
    compare = f"/office/residents/{newer.id}/duplicates/{older.id}"
    page = _page(client.get(compare, headers=EN))
    assert "Older registration (kept)" in page and "13800138000" in page
    refused = _page(client.post(f"{compare}/merge", headers=EN), 422)
    assert "Tick the box" in refused and newer.merged_into_id is None
    done = client.post(f"{compare}/merge", data={"confirm": "1"}, headers=EN)
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/office/residents/{older.id}")
    record = _page(client.get(f"/office/residents/{older.id}", headers=EN))
    assert "Merged from" in record and "aygul memet" in record and "Undo the merge" in record
    assert "13800138000" in record  # the empty phone was filled from the other
    # The merged record's page leads to the kept one.
    assert client.get(f"/office/residents/{newer.id}").status_code == 301
    assert "0 possible duplicates" in _page(client.get("/office/residents/duplicates", headers=EN))
    undone = client.post(f"/office/residents/{newer.id}/unmerge", headers=EN)
    assert undone.status_code == 303
    record = _page(client.get(undone.headers["Location"], headers=EN))
    assert "The merge was undone" in record and "Merged from" not in record
    assert "13800138000" not in record
    assert _page(client.get(f"/office/residents/{newer.id}", headers=EN))
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-2:] == ["resident.merge", "resident.unmerge"]


def test_undo_refused_says_why(client, login_as, pair, db):
    older, newer = pair["older"], pair["newer"]
    login_as("office", area=pair["township"])
    client.post(f"/office/residents/{older.id}/duplicates/{newer.id}/merge", data={"confirm": "1"})
    third = residents.register(name="Aygul Memet", phone=None, village_id=older.village_id, group="other",
                               skills="", wishes="", consent_version="t")
    third.consent_at = utcnow() - timedelta(days=90)
    db.session.commit()
    client.post(f"/office/residents/{third.id}/duplicates/{older.id}/merge", data={"confirm": "1"})
    response = client.post(f"/office/residents/{newer.id}/unmerge", headers=EN)
    assert response.status_code == 303
    page = _page(client.get(response.headers["Location"], headers=EN, follow_redirects=True))
    assert "The kept record was merged into another since: undo that merge first." in page
    assert db.session.scalar(select(Merge).where(Merge.merged_id == newer.id)).undone_at is None


def test_not_the_same_person_from_the_list_removes_the_row(client, login_as, pair):
    login_as("office", area=pair["township"])
    url = f"/office/residents/{pair['older'].id}/duplicates/{pair['newer'].id}/dismiss"
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and response.get_data(as_text=True) == ""
    assert "0 possible duplicates" in _page(client.get("/office/residents/duplicates", headers=EN))
    page = _page(client.get(f"/office/residents/{pair['older'].id}/duplicates/{pair['newer'].id}", headers=EN))
    assert "marked as different people" in page


def test_pages_in_uyghur_and_chinese(client, login_as, pair):
    login_as("office", area=pair["township"])
    ug = _page(client.get("/office/residents/duplicates", headers={"Accept-Language": "ug"}))
    assert "تەكرار بولۇشى مۇمكىن" in ug and 'dir="rtl"' in ug
    zh = _page(client.get(f"/office/residents/{pair['older'].id}/duplicates/{pair['newer'].id}",
                          headers={"Accept-Language": "zh"}))
    assert "较早的登记（保留）" in zh


def test_the_merge_summary_says_when_both_records_had_job_alerts(client, login_as, pair, db):
    from caravan.services import alerts
    older, newer = pair["older"], pair["newer"]
    older.phone = "10012345678"
    for who in older, newer:
        alerts.subscribe(who, [], [], True, "zh")
    db.session.commit()
    login_as("office", area=pair["township"])
    done = client.post(f"/office/residents/{newer.id}/duplicates/{older.id}/merge", data={"confirm": "1"},
                       headers=EN, follow_redirects=True)
    assert "Both registrations had job alerts: this record keeps its own choices" in _page(done)
