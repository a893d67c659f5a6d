"""The change feed records every change of what tablets pull, whoever made it."""
from sqlalchemy import select

from caravan.models import Change, PostingTranslation


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
