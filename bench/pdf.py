"""PDF speed: pages per second for 500 pass cards and 100 posters, against WeasyPrint rendering a bare
A4 page with one new QR code in the same process (the baseline; the QR is made in the timed part, as for
every card and poster).

Builds a fresh SQLite database with the demo county, then 500 attendees and 100 postings made from the
demo's texts (zh, ug, en). Run from the repository root: ``.venv/bin/python bench/pdf.py``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def _pages(pdf: bytes, tmp: str) -> int:
    path = os.path.join(tmp, "count.pdf")
    with open(path, "wb") as fh:
        fh.write(pdf)
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _timed(render, repeat: int = 1) -> tuple[float, bytes]:
    best, pdf = float("inf"), b""
    for _ in range(repeat):
        start = time.perf_counter()
        pdf = render()
        best = min(best, time.perf_counter() - start)
    return best, pdf


def _fill(attendees: int, postings: int) -> None:
    """Add the attendees and postings the benchmark prints (copies of the demo's, with new codes)."""
    from sqlalchemy import select

    from caravan.extensions import db
    from caravan.models import (Area, AreaLevel, Attendee, AttendeeGroup, ConsentChannel, Posting,
                                PostingTranslation, PublishStatus)
    from caravan.models.base import utcnow
    from caravan.services.codes import new_code, new_pass_token
    villages = list(db.session.scalars(select(Area).where(Area.level == AreaLevel.village)))
    names = ["阿依古丽·买买提", "دىلنۇر ئابلىز", "王建军", "Mirzat Ablimit", "帕提古丽", "نۇرگۈل ئەخمەت"]
    for i in range(attendees):
        db.session.add(Attendee(name=f"{names[i % len(names)]} {i}", village=villages[i % len(villages)],
                                group=AttendeeGroup.rural_worker, consent_at=utcnow(), consent_version="bench",
                                consent_channel=ConsentChannel.office, pass_token=new_pass_token()))
    demo = list(db.session.scalars(select(Posting)))
    for i in range(postings):
        source = demo[i % len(demo)]
        db.session.add(Posting(
            code=new_code(Posting), employer=source.employer, sector=source.sector, openings=source.openings,
            wage_min=source.wage_min, wage_max=source.wage_max, wage_unit=source.wage_unit, area=source.area,
            housing=source.housing, meals=source.meals, transport=source.transport,
            valid_until=source.valid_until, status=PublishStatus.published,
            translations=[PostingTranslation(lang=t.lang, title=t.title, description=t.description,
                                             requirements=t.requirements, work_place=t.work_place)
                          for t in source.translations]))
        db.session.flush()
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--posters", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update({"CARAVAN_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "CARAVAN_SECRET_KEY": "bench",
                           "CARAVAN_INSTANCE_PATH": tmp})
        from sqlalchemy import select
        from weasyprint import HTML

        from caravan import create_app, printing
        from caravan.demo.loader import load_demo
        from caravan.extensions import db
        from caravan.models import Posting
        from caravan.qr import png_data_uri, public_url
        from caravan.services.codes import new_pass_token
        app = create_app()
        with app.app_context():
            db.create_all()
            load_demo("bench-password")
            db.session.commit()
            demo_codes = set(db.session.scalars(select(Posting.code)))
            _fill(args.cards, args.posters)
            people = printing.attendees_for_print()
            people = [a for a in people if a.consent_version == "bench"][:args.cards]
            postings = [p for p in printing.postings_for_print() if p.code not in demo_codes][:args.posters]

            def bare_page() -> bytes:
                # A fresh pass QR each time (as every card needs), drawn the way our PDFs draw it.
                qr = png_data_uri(public_url("p", new_pass_token()))
                return HTML(string=f'<!doctype html><html><body><img src="{qr}" width="227" height="227" '
                                   'style="image-rendering: pixelated"></body></html>').write_pdf()

            bare_page()  # warm up fonts and caches for every run below
            printing.posters_pdf(postings[:1], 1)
            base_s, pdf = _timed(bare_page, repeat=5)
            base_rate = _pages(pdf, tmp) / base_s
            print(f"baseline: bare A4 page with one QR    {base_rate:7.2f} pages/s  ({base_s * 1000:.0f} ms/page)")
            runs = [(f"{len(people)} pass cards, 10 per page", lambda: printing.passes_pdf(people, "zh")),
                    (f"{len(postings)} posters, 1 per page", lambda: printing.posters_pdf(postings, 1)),
                    (f"{len(postings)} posters, 4 per page", lambda: printing.posters_pdf(postings, 4))]
            for name, render in runs:
                seconds, pdf = _timed(render)
                pages = _pages(pdf, tmp)
                rate = pages / seconds
                print(f"{name:<36} {rate:7.2f} pages/s  {pages:4d} pages in {seconds:6.1f} s  "
                      f"{len(pdf) / 1024:7.0f} KiB  ratio to baseline {rate / base_rate:.3f}")


if __name__ == "__main__":
    main()
