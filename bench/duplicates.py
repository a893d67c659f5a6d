"""Duplicate suggestions on a county of 100,000 residents: the time of the first page of the whole
county's pairs, and of one person's pairs (the record page's link).

Builds a fresh database (SQLite by default, or ``--url`` for PostgreSQL) with 5 townships of 40 villages,
residents with names drawn from Chinese family and given names and Uyghur and Latin first and last names
(so that some share one in a village), one phone in 50 shared by two (a family) and one village office's
phone given by 200 people. Run from the repository root: ``.venv/bin/python bench/duplicates.py [--url URL]``.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from sqlalchemy import insert  # noqa: E402

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
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    url = args.url or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    rng = random.Random(9)
    with app.app_context():
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
        for i in range(args.residents):
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
        for label, call in (("county, first page", lambda: duplicates.suggest(county)),
                            ("one person", lambda: duplicates.suggest(county, person=db.session.get(
                                Attendee, rows[12345]["id"])))):
            best = float("inf")
            for _ in range(3):
                db.session.expire_all()
                start = time.perf_counter()
                page = call()
                best = min(best, time.perf_counter() - start)
            print(f"{label}: {best * 1000:.0f} ms, {page.total} pairs")
        db.drop_all()


if __name__ == "__main__":
    main()
