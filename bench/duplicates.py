"""Duplicate suggestions on a county of 100,000 residents: the time of the first page of the whole
county's pairs, and of one person's pairs (the record page's link).

Builds a fresh database (SQLite by default, or ``--url`` for PostgreSQL) with 5 townships of 40 villages,
residents with names drawn from Chinese family and given names and Uyghur and Latin first and last names
(so that some share one in a village), one phone in 50 shared by two (a family) and one village office's
phone given by 200 people. Run from the repository root: ``.venv/bin/python bench/duplicates.py [--url URL] [--keep]``; prints the median
time and statement count of the county's first and 40th page, a township's first page and one person's pairs,
beside the figures before (``BASELINE``).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import statistics
import time
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from sqlalchemy import event, insert, inspect, select  # noqa: E402

from caravan import create_app  # noqa: E402
from caravan.extensions import db  # noqa: E402
from caravan.models import Area, AreaLevel, Attendee  # noqa: E402
from caravan.models.attendee import name_key, phone_key  # noqa: E402
from caravan.models.base import new_uuid, utcnow  # noqa: E402
from caravan.services import duplicates  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "小晓芳丽明华军伟强磊洋勇艳娟霞敏静燕建国志文玉兰秀英桂红春梅海波平辉刚丹阳光亮宏宇鹏飞雪琳"
UYGHUR = ["ئايگۈل", "مەمەت", "تۇرسۇن", "پاتىمە", "ئابدۇللا", "روزىگۈل", "ئەخمەت", "مەريەم", "نۇرگۈل", "ياسىن",
          "ئالىم", "گۈلنار", "قاسىم", "زۆھرە", "ئەكبەر", "ساجىدە", "رەھىم", "ئامىنە", "ھەسەن", "تۇرسۇنگۈل"]
LATIN = ["Aygul", "Memet", "Tursun", "Patime", "Abdulla", "Rozigul", "Exmet", "Meryem", "Nurgul", "Yasin",
         "Alim", "Gulnar", "Qasim", "Zohre", "Ekber", "Sajide", "Rehim", "Amine", "Hesen", "Tursungul"]


#: Median ms (statements) before the pairs were read once as (id, village, name key, phone key) tuples, on
#: this data set on the shared 2-core machine (load 5-12): each run's figures vary with the load.
BASELINE: dict[str, dict[str, str]] = {
    "sqlite": {"county, first page": "3233 (8)", "county, page 40": "3684 (8)",
               "township, first page": "1061 (8)", "one person": "9 (5)"},
    "postgresql": {"county, first page": "12667 (8)", "county, page 40": "12940 (8)",
                   "township, first page": "4304 (8)", "one person": "123 (5)"},
}
ARGS_RUNS = [5]


def _name(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.6:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    words = UYGHUR if kind < 0.9 else LATIN
    return f"{rng.choice(words)} {rng.choice(words)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="")
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true",
                        help="reuse the data set in --url if it holds one, and leave it there afterwards")
    args = parser.parse_args()
    ARGS_RUNS[0] = args.runs
    tmp = tempfile.mkdtemp()
    url = args.url or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        county = db.session.scalar(select(Area).where(Area.code == "B")) if args.keep and _built() else None
        if county is None:
            _build(args.residents)
            county = db.session.scalar(select(Area).where(Area.code == "B"))
        _measure(county)
        if not args.keep:
            db.session.remove()  # its open transaction would hold the tables the drop waits for
            db.drop_all()


def _built() -> bool:
    return inspect(db.engine).has_table("attendees")


def _build(residents: int) -> None:
    """A county of ``residents`` residents in 5 townships of 40 villages (see the module docstring)."""
    rng = random.Random(9)
    db.session.remove()
    db.drop_all()
    db.create_all()
    county = Area(code="B", level=AreaLevel.county, name_zh="县")
    db.session.add(county)
    villages = []
    for t in range(5):
        town = Area(code=f"B-{t:02d}", level=AreaLevel.township, name_zh=f"乡{t}", parent=county)
        for v in range(40):
            villages.append(Area(code=f"B-{t:02d}-{v:02d}", level=AreaLevel.village, name_zh=f"村{t}-{v}",
                                 parent=town))
    db.session.add_all(villages)
    db.session.commit()
    now = utcnow()
    rows = []
    for i in range(residents):
        name = _name(rng)
        draw = rng.random()
        phone = ("13900000000" if i % 500 == 0 else f"139{rng.randrange(10**8):08d}" if draw > 0.02
                 else rows[-1]["phone"] if rows else None)
        rows.append({"id": new_uuid(), "name": name, "name_key": name_key(name), "phone": phone,
                     "phone_key": phone_key(phone), "village_id": rng.choice(villages).id, "group": "other",
                     "skills": "", "wishes": "", "consent_at": now - timedelta(minutes=i),
                     "consent_version": "b", "consent_channel": "tablet", "pass_token": f"T{i:031d}",
                     "created_at": now, "updated_at": now})
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(Attendee), rows[start:start + 5000])
    db.session.commit()


def _measure(county: Area) -> None:
    """Median time and statement count of the duplicates page's pairs, four ways, beside the baseline."""
    town = db.session.scalar(select(Area).where(Area.code == "B-02"))
    person = db.session.scalar(select(Attendee).where(Attendee.pass_token == f"T{12345:031d}"))
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(1))
    print(f"{'':26}{'median ms':>10}{'statements':>11}{'pairs':>7}   baseline (before)")
    for label, call in (("county, first page", lambda: duplicates.suggest(county)),
                        ("county, page 40", lambda: duplicates.suggest(county, page=40)),
                        ("township, first page", lambda: duplicates.suggest(town)),
                        ("one person", lambda: duplicates.suggest(county, person=person))):
        times = []
        for _ in range(ARGS_RUNS[0]):
            db.session.expire_all()
            statements.clear()
            start = time.perf_counter()
            page = call()
            times.append(time.perf_counter() - start)
        print(f"{label:26}{statistics.median(times) * 1000:>10.0f}{len(statements):>11}{page.total:>7}   "
              f"{BASELINE.get(db.engine.dialect.name, {}).get(label, '?')}")


if __name__ == "__main__":
    main()
