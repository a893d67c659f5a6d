"""Model behaviour that pages and sync rely on."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from caravan.models import Posting, PostingTranslation, Tally, TallyKind


def test_times_come_back_in_utc_whatever_zone_went_in(build, db):
    urumqi = timezone(timedelta(hours=6))
    event = build.event()
    event.starts_at = datetime(2026, 12, 1, 10, 0, tzinfo=urumqi)
    db.session.commit()
    db.session.expire_all()
    assert event.starts_at == datetime(2026, 12, 1, 4, 0, tzinfo=timezone.utc)
    assert event.starts_at.tzinfo is not None


def test_naive_times_are_refused(build, db):
    event = build.event()
    event.starts_at = datetime(2026, 12, 1, 10, 0)
    with pytest.raises(StatementError):
        db.session.flush()


def test_area_lineage_and_containment(build):
    township = build.area("township")
    village = build.area("village", parent=township)
    assert [a.code for a in village.lineage()] == ["T", township.code, village.code]
    assert build.county().contains(village) and township.contains(village)
    assert not village.contains(township)


def test_posting_text_falls_back_to_chinese(build):
    posting = build.posting(translations=[PostingTranslation(lang="zh", title="焊工"),
                                          PostingTranslation(lang="en", title="Welder")])
    assert posting.text("en").title == "Welder"
    assert posting.text("ug").title == "焊工"


def test_one_translation_per_language(build, db):
    posting = build.posting()
    db.session.add(PostingTranslation(posting=posting, lang="zh", title="again"))
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_posting_codes_are_unique(build, db):
    first = build.posting()
    second = build.posting()
    second.code = first.code
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_enum_columns_refuse_unknown_values(build, db):
    with pytest.raises(StatementError):
        db.session.execute(select(Posting).where(Posting.status == "archived")).all()


def test_tally_counts_are_bounded_by_the_database(build, db):
    event = build.event()
    db.session.add(Tally(id="7f0b8f8e-0000-4000-8000-000000000001", event_id=event.id, kind=TallyKind.visitor,
                         count=0))
    with pytest.raises(IntegrityError):
        db.session.flush()
