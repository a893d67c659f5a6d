"""The demo county's busiest resident pages (its fullest event page, /jobs) fit a cheap phone's budget."""
import pytest
from sqlalchemy import select

from caravan.demo import season
from caravan.demo.loader import load_demo
from caravan.models import Event

from tests.test_public_pages import MAX_PAGE_BYTES, page_weight


def test_demo_seasons_busiest_pages_weigh_under_30_kb(db, client):
    # One demo load for all languages: it is the slow part.
    load_demo("demo-pass-3")
    season.load_season("demo-pass-3")
    db.session.commit()
    codes = list(db.session.scalars(select(Event.code).where(Event.status != "cancelled")))
    assert len(codes) > 50
    heaviest = {}
    for lang in ("zh", "ug", "en"):
        event_weight = max(page_weight(client, f"/e/{code}", lang) for code in codes)
        jobs_weight = page_weight(client, "/jobs", lang)
        heaviest[lang] = (event_weight, jobs_weight)
    print("heaviest (event page, /jobs) per language:", heaviest)
    assert all(e < MAX_PAGE_BYTES and j < MAX_PAGE_BYTES for e, j in heaviest.values()), heaviest
