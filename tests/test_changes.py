"""The change feed records every change of what tablets pull, whoever made it."""
import pytest
from sqlalchemy import event, insert, select

from caravan.models import Change, Employer, PostingTranslation
from caravan.models.base import new_uuid
from caravan.services import changes


def feed(db):
    return [(c.entity_type, c.entity_id, c.deleted) for c in db.session.scalars(select(Change).order_by(Change.seq))]


def test_new_entities_enter_the_feed_with_their_area(build, db):
    township = build.area()
    event = build.event(area=township)
    kinds = [kind for kind, _, _ in feed(db)]
    assert kinds == ["area", "area", "event"]
    change = db.session.scalar(select(Change).where(Change.entity_type == "event"))
    assert change.entity_id == event.id and change.area_id == township.id


def test_a_translation_change_is_a_change_of_its_posting(build, db):
    posting = build.posting()
    before = len(feed(db))
    posting.translations[0].title = "新标题"
    db.session.commit()
    assert feed(db)[before:] == [("posting", posting.id, False)]
    db.session.add(PostingTranslation(posting=posting, lang="en", title="New"))
    db.session.commit()
    assert feed(db)[-1] == ("posting", posting.id, False)


def test_deletes_are_marked_and_untouched_rows_are_not_repeated(build, db):
    event = build.event()
    before = len(feed(db))
    event.place_zh = event.place_zh  # no real change
    db.session.commit()
    assert len(feed(db)) == before
    event_id = event.id
    db.session.delete(event)
    db.session.commit()
    assert feed(db)[-1] == ("event", event_id, True)


def test_changes_are_numbered_at_commit_once_per_entity_and_not_after_a_rollback(build, db):
    build.county()
    employer = build.employer()
    before = len(feed(db))
    employer.name_en = "One"
    db.session.flush()
    with db.session.begin_nested():
        employer.name_en = "Two"
    assert len(feed(db)) == before  # flushed, in a savepoint too, but not numbered before the commit
    db.session.commit()
    assert feed(db)[before:] == [("employer", employer.id, False)]
    employer.name_en = "Three"
    db.session.flush()
    db.session.rollback()
    build.area()
    assert [kind for kind, _, _ in feed(db)[before:]] == ["employer", "area"]


def test_a_change_in_a_savepoint_that_rolled_back_is_announced_harmlessly(build, db):
    with db.session.begin_nested() as savepoint:
        ghost = Employer(name_zh="未保存")
        db.session.add(ghost)
        db.session.flush()
        ghost_id = ghost.id
        savepoint.rollback()
    build.area()
    # Announced, never stored: a pull sends it as deleted, which a tablet that never had it ignores.
    assert ("employer", ghost_id, False) in feed(db)


def test_a_change_flushed_by_the_commit_itself_is_written_too(build, db):
    employer = build.employer()
    before = len(feed(db))
    session = db.session()

    def late_edit(_session):  # runs after the feed's own commit hook, as another extension's hook would
        employer.name_en = "Late"

    event.listen(session, "before_commit", late_edit)
    try:
        db.session.commit()
    finally:
        event.remove(session, "before_commit", late_edit)
    assert db.session.get(Employer, employer.id).name_en == "Late"
    assert feed(db)[before:] == [("employer", employer.id, False)]


def test_rows_inserted_without_the_orm_are_announced_at_commit_and_not_after_a_rollback(build, db):
    area = build.county()
    before = len(feed(db))
    rows = [{"id": new_uuid(), "name_zh": f"厂{i}"} for i in range(3)]
    db.session.execute(insert(Employer.__table__), rows)  # a Core insert: the flush hooks never see it
    changes.announce(db.session(), "employer", [row["id"] for row in rows])
    assert len(feed(db)) == before  # numbered at the commit, like any change
    db.session.commit()
    assert feed(db)[before:] == [("employer", row["id"], False) for row in rows]
    changes.announce(db.session(), "event", ["never-stored"], area_id=area.id)
    db.session.rollback()
    build.area()
    assert [kind for kind, _, _ in feed(db)[before + 3:]] == ["area"]
    with pytest.raises(ValueError):
        changes.announce(db.session(), "checkin", ["x"])  # not in the feed: a mistake, not a no-op
