"""Duplicate registrations: the suggested pairs, the merge, its undo and its refusals, the audit, the pull."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from caravan.models import (Attendee, AuditEntry, CheckIn, CheckInMethod, Interest, Merge, ReferralStatus,
                            ReferralStep, ServiceGiven, ServiceKind)
from caravan.models.attendee import name_key, phone_key
from caravan.models.base import new_uuid, utcnow
from caravan.services import duplicates, merges, referrals, residents
from caravan.services.residents import add_interest


@pytest.fixture
def town(build):
    township = build.area("township")
    return {"township": township, "v1": build.area("village", parent=township),
            "v2": build.area("village", parent=township)}


def _person(build, db, name, days_ago=0, **kw):
    person = build.attendee(name=name, **kw)
    person.consent_at = utcnow() - timedelta(days=days_ago)
    db.session.commit()
    return person


def _pairs(scope, person=None):
    return {frozenset((p.first.name, p.second.name)): p.reasons
            for p in duplicates.suggest(scope, person=person).items}


def test_keys_fold_case_spaces_punctuation_and_uyghur_letter_variants():
    assert name_key("Aygul  Memet") == name_key("aygul-memet") == "aygulmemet"
    assert name_key("阿依古丽·买买提") == name_key("阿依古丽 买买提")
    # Arabic yeh / Farsi yeh, keheh / kaf, heh / ae, an omitted hamza carrier, presentation forms.
    assert name_key("ئايگۈل مەمەت") == name_key("ايگۈل مهمهت")
    assert name_key("تۇرسۇنئاي") == name_key("تۇرسۇناي")
    assert name_key("كېرىم") == name_key("کېریم")
    assert name_key("\ufee3\ufeae") == name_key("مر")
    assert phone_key("+86 138 0013-8000") == phone_key("13800138000") == "13800138000"
    assert phone_key("") is None


def test_pairs_by_phone_name_and_similar_name_with_reasons(build, db, town):
    county = build.county()
    _person(build, db, "阿依古丽", 10, phone="138 0013 8000", village=town["v1"])
    _person(build, db, "ئايگۈل", 5, phone="+86 13800138000", village=town["v2"])   # same phone, other script
    _person(build, db, "Aygul Memet", 9, village=town["v1"])
    _person(build, db, "aygul memet", 2, village=town["v1"])                         # same name, same village
    _person(build, db, "aygul memet", 2, village=town["v2"])                         # same name, other village
    _person(build, db, "王小芳", 8, village=town["v1"])
    _person(build, db, "王晓芳", 1, village=town["v1"])                               # one character apart
    _person(build, db, "王芳", 8, village=town["v2"])
    _person(build, db, "王丽", 1, village=town["v2"])                                 # two characters: other people
    _person(build, db, "李小芳", 1, village=town["v1"])                               # other family name
    pairs = _pairs(county)
    assert pairs == {
        frozenset(("阿依古丽", "ئايگۈل")): ["phone", "scripts"],
        frozenset(("Aygul Memet", "aygul memet")): ["name"],
        frozenset(("王小芳", "王晓芳")): ["similar_name"],
    }
    page = duplicates.suggest(county)
    assert page.total == 3 and [p.reasons for p in page.items][-1] == ["similar_name"]
    first = next(p for p in page.items if "phone" in p.reasons)
    assert first.first.name == "阿依古丽"  # the older registration comes first: a merge keeps it


def test_erased_merged_dismissed_and_out_of_scope_are_not_suggested(build, db, town):
    user = build.user("office")
    a = _person(build, db, "Aygul Memet", 3, village=town["v1"])
    b = _person(build, db, "Aygul Memet", 2, village=town["v1"])
    c = _person(build, db, "Aygul Memet", 1, village=town["v1"])
    other_town = build.area("township")
    elsewhere = build.area("village", parent=other_town)
    _person(build, db, "Tursun Ali", 2, village=elsewhere)
    _person(build, db, "Tursun Ali", 1, village=elsewhere)
    assert duplicates.suggest(town["township"]).total == 3  # a-b, a-c, b-c: one name in one village
    assert duplicates.suggest(other_town).total == 1
    residents.erase(c)
    duplicates.dismiss(a, b, by=user)
    duplicates.dismiss(b, a, by=user)  # a second time changes nothing
    db.session.commit()
    assert duplicates.suggest(town["township"]).total == 0
    d = _person(build, db, "Aygul Memet", 0, village=town["v1"])
    merges.merge(a, d, by=user)
    db.session.commit()
    assert duplicates.suggest(town["township"]).total == 0
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "resident.not_duplicate")).all()
    assert len(entries) == 1 and "Aygul" not in str(entries[0].detail)


def test_suggestions_of_one_person(build, db, town):
    a = _person(build, db, "王小芳", 3, village=town["v1"], phone="13900001111")
    _person(build, db, "王晓芳", 2, village=town["v1"])
    _person(build, db, "Memet", 2, phone="139 0000 1111", village=town["v2"])
    _person(build, db, "Tursun", 2, village=town["v2"])
    _person(build, db, "Tursun", 1, village=town["v2"])
    assert set(_pairs(build.county(), person=a)) == {frozenset(("王小芳", "王晓芳")), frozenset(("王小芳", "Memet"))}


@pytest.fixture
def twins(build, db, town):
    """Two registrations of one person, each with a check-in, a service and interests."""
    event = build.event(area=town["township"])
    kept = _person(build, db, "Aygul Memet", 30, village=town["v1"])
    gone = _person(build, db, "Aygul  Memet", 1, village=town["v1"], phone="13800138000", skills="sewing")
    rows = {}
    for who in (kept, gone):
        checkin = CheckIn(id=new_uuid(), event_id=event.id, attendee_id=who.id, method=CheckInMethod.scan)
        service = ServiceGiven(id=new_uuid(), event_id=event.id, attendee_id=who.id, kind=ServiceKind.job_info)
        db.session.add_all([checkin, service])
        rows[who.id] = (checkin, service)
    db.session.commit()
    return {"kept": kept, "gone": gone, "event": event, "rows": rows, "user": build.user("office")}


def test_merge_keeps_the_older_and_moves_everything(build, db, twins):
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    only_gone = build.posting(title="司机")
    add_interest(gone, only_gone)
    db.session.commit()
    row = merges.merge(gone, kept, by=user)  # either order: the older is kept
    db.session.commit()
    assert row.kept_id == kept.id and gone.merged_into_id == kept.id
    assert {c.attendee_id for c in db.session.scalars(select(CheckIn))} == {kept.id}
    assert {s.attendee_id for s in db.session.scalars(select(ServiceGiven))} == {kept.id}
    assert [i.attendee_id for i in db.session.scalars(select(Interest))] == [kept.id]
    # The kept record's empty phone and skills are filled from the other; the name stays.
    assert (kept.phone, kept.skills, kept.name) == ("13800138000", "sewing", "Aygul Memet")
    assert sorted(row.moved["filled"]) == ["phone", "skills"]
    # The old pass leads to the kept person.
    assert residents.attendee_for_token(gone.pass_token) is kept
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.merge"))
    assert entry.entity_id == kept.id and entry.detail["merged"] == gone.id
    assert entry.detail["checkins"] == 1 and entry.detail["services"] == 1 and entry.detail["interests"] == 1
    text = str(entry.detail)
    assert "Aygul" not in text and "13800138000" not in text and "sewing" not in text


def test_open_interests_in_one_posting_keep_the_further_step_and_undo_restores_exactly(build, db, twins):
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    clerk_scope = build.county()
    posting, other = build.posting(), build.posting(title="司机")
    kept_interest, _ = add_interest(kept, posting)
    gone_interest, _ = add_interest(gone, posting)
    kept_other, _ = add_interest(kept, other)
    gone_other, _ = add_interest(gone, other)
    db.session.commit()
    referrals.take_step(clerk_scope, [gone_interest.id], {"status": "referred"}, by=user)
    referrals.take_step(clerk_scope, [kept_other.id], {"status": "referred"}, by=user)
    db.session.commit()
    before = {i.id: (i.attendee_id, i.status, i.status_at, len(i.steps)) for i in db.session.scalars(select(Interest))}
    checkins_before = {c.id: c.attendee_id for c in db.session.scalars(select(CheckIn))}
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    status = {i.id: i.status for i in db.session.scalars(select(Interest))}
    # The further step stays open; the other is withdrawn; one open interest per posting.
    assert status[gone_interest.id] == ReferralStatus.referred and status[kept_interest.id] == ReferralStatus.withdrawn
    assert status[kept_other.id] == ReferralStatus.referred and status[gone_other.id] == ReferralStatus.withdrawn
    assert {c["id"] for c in row.moved["closed"]} == {kept_interest.id, gone_other.id}
    merges.undo(row, by=user)
    db.session.commit()
    db.session.expire_all()
    after = {i.id: (i.attendee_id, i.status, i.status_at, len(i.steps)) for i in db.session.scalars(select(Interest))}
    assert after == before
    assert {c.id: c.attendee_id for c in db.session.scalars(select(CheckIn))} == checkins_before
    assert gone.merged_into_id is None and kept.phone is None and kept.skills == ""
    assert db.session.get(Merge, row.id).undone_at is not None
    assert residents.attendee_for_token(gone.pass_token).id == gone.id
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.unmerge"))
    assert entry.detail["merged"] == gone.id and "Aygul" not in str(entry.detail)


def test_undo_leaves_rows_added_since_and_fields_corrected_since(build, db, twins):
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    later = CheckIn(id=new_uuid(), event_id=twins["event"].id, attendee_id=kept.id, method=CheckInMethod.manual)
    db.session.add(later)
    kept.phone = "13999999999"  # corrected by a clerk after the merge
    db.session.commit()
    merges.undo(row, by=user)
    db.session.commit()
    assert db.session.get(CheckIn, later.id).attendee_id == kept.id
    assert kept.phone == "13999999999" and kept.skills == ""


def test_undo_is_refused_when_something_since_makes_it_impossible(build, db, twins):
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    posting = build.posting()
    kept_interest, _ = add_interest(kept, posting)
    gone_interest, _ = add_interest(gone, posting)
    db.session.commit()
    referrals.take_step(build.county(), [gone_interest.id], {"status": "referred"}, by=user)
    db.session.commit()
    row = merges.merge(kept, gone, by=user)  # the kept record's own interest is withdrawn
    db.session.commit()
    # Since: the moved interest withdrawn, and the person says again they are interested (a new one). The
    # undo would reopen the kept record's interest beside that new one: refused.
    referrals.take_step(build.county(), [gone_interest.id], {"status": "withdrawn"}, by=user)
    db.session.commit()
    fresh, _ = add_interest(kept, posting)
    db.session.commit()
    assert [c["id"] for c in row.moved["closed"]] == [kept_interest.id]
    with pytest.raises(merges.UndoRefused) as refused:
        merges.undo(row, by=user)
    assert refused.value.code == "interest_reopened"
    db.session.rollback()
    # A later merge of the kept record into a third: undo that one first.
    third = _person(build, db, "Aygul Memet", 60, village=gone.village)
    later = merges.merge(third, kept, by=user)
    db.session.commit()
    with pytest.raises(merges.UndoRefused) as refused:
        merges.undo(row, by=user)
    assert refused.value.code == "kept_merged"
    merges.undo(later, by=user)
    db.session.commit()
    with pytest.raises(merges.UndoRefused):
        merges.undo(later, by=user)  # undone already
    # The person erased since: both records are erased, and nothing can be undone.
    residents.erase(kept)
    db.session.commit()
    assert gone.erased_at is not None and gone.name == "" and gone.phone is None
    with pytest.raises(merges.UndoRefused) as refused:
        merges.undo(row, by=user)
    assert refused.value.code == "erased"
    assert fresh.attendee_id == kept.id


def test_undo_refused_when_a_withdrawn_interest_took_another_step(build, db, twins):
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    posting = build.posting()
    add_interest(kept, posting)
    add_interest(gone, posting)
    db.session.commit()
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    closed = db.session.get(Interest, row.moved["closed"][0]["id"])
    open_one = db.session.scalar(select(Interest).where(Interest.is_open()))
    open_one.status = ReferralStatus.withdrawn
    db.session.flush()
    closed.status = ReferralStatus.referred  # as if a step were taken on it since (the queue cannot, today)
    db.session.add(ReferralStep(interest_id=closed.id, status=ReferralStatus.referred, user_id=user.id))
    db.session.commit()
    with pytest.raises(merges.UndoRefused) as refused:
        merges.undo(row, by=user)
    assert refused.value.code == "interest_changed"
    assert gone.merged_into_id == kept.id


def test_undo_refused_when_a_moved_row_moved_on(build, db, twins, town):
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    checkin = db.session.get(CheckIn, twins["rows"][gone.id][0].id)
    elsewhere = _person(build, db, "Someone", 90, village=town["v2"])
    checkin.attendee_id = elsewhere.id
    db.session.commit()
    with pytest.raises(merges.UndoRefused) as refused:
        merges.undo(row, by=user)
    assert refused.value.code == "moved_since"


def test_a_tablet_registration_keeps_its_comparison_keys(build, db):
    """Sync inserts residents with a Core statement: the keys come from the column defaults."""
    person = Attendee.__table__
    db.session.execute(person.insert().values(
        id=new_uuid(), name="Aygul Memet", phone="+86 138 0013 8000", group="other", consent_at=utcnow(),
        consent_version="t", consent_channel="tablet", pass_token="X" * 32))
    db.session.commit()
    stored = db.session.scalar(select(Attendee))
    assert (stored.name_key, stored.phone_key) == ("aygulmemet", "13800138000")


def test_records_sent_later_for_the_merged_registration_show_on_the_kept_one(build, db, twins):
    """A tablet offline during the merge sends a check-in of the old registration: the kept record shows it;
    an undo leaves it with the registration it was made for."""
    from caravan.services import resident_office
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    late = CheckIn(id=new_uuid(), event_id=twins["event"].id, attendee_id=gone.id, method=CheckInMethod.scan)
    db.session.add(late)
    db.session.commit()
    assert late.id in {c.id for c in resident_office.record(kept).checkins}
    merges.undo(row, by=user)
    db.session.commit()
    assert late.id not in {c.id for c in resident_office.record(kept).checkins}
    assert late.id in {c.id for c in resident_office.record(gone).checkins}


def test_the_merged_records_job_alerts_move_to_the_kept_one_and_back_with_the_undo(build, db, twins, client):
    from caravan.services import alerts
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    subscription = alerts.subscribe(gone, ["construction"], [], True, "ug")
    db.session.commit()
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    assert alerts.subscription_of(kept) is subscription and subscription.active
    assert row.moved["alerts"] == [subscription.id] and row.moved["alerts_both"] is False
    # The kept pass shows the alerts on, for the phone the merge filled in.
    page = client.get(f"/p/{kept.pass_token}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Alerts are on for" in page
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.merge"))
    assert (entry.detail["alerts"], entry.detail["alerts_both"]) == (1, False)
    assert "13800138000" not in str(entry.detail) and "construction" not in str(entry.detail)
    merges.undo(row, by=user)
    db.session.commit()
    assert alerts.subscription_of(kept) is None and alerts.subscription_of(gone) is subscription
    assert subscription.sector_list == ["construction"] and subscription.active
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "resident.unmerge"))
    assert entry.detail["alerts"] == 1


def test_when_both_had_job_alerts_the_kept_records_stay_and_nothing_moves(build, db, twins):
    from caravan.services import alerts
    kept, gone, user = twins["kept"], twins["gone"], twins["user"]
    kept.phone = "10012345678"
    mine, theirs = (alerts.subscribe(kept, ["retail"], [], True, "zh"),
                    alerts.subscribe(gone, ["construction"], [], True, "ug"))
    db.session.commit()
    row = merges.merge(kept, gone, by=user)
    db.session.commit()
    assert alerts.subscription_of(kept) is mine and mine.sector_list == ["retail"]
    assert alerts.subscription_of(gone) is theirs
    assert row.moved["alerts"] == [] and row.moved["alerts_both"] is True
    merges.undo(row, by=user)
    db.session.commit()
    assert alerts.subscription_of(kept) is mine and alerts.subscription_of(gone) is theirs
