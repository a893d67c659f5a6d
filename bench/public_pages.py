"""Resident page speed and weight.

Serves the app with gunicorn (one sync worker) on 127.0.0.1 against a fresh SQLite database holding the
demo county, then from this process, one request at a time on a new connection each:

- requests per second for each resident page (``/``, ``/jobs``, ``/e/<code>``, ``/j/<code>``, ``/n/<code>``,
  in Uyghur) and for ``/_ping`` (a route that returns two bytes through the same app, middleware and
  server), and their ratios;
- the weight of every resident page in zh, ug and en: the HTML plus every stylesheet and image it loads.

Run from the repository root: ``.venv/bin/python bench/public_pages.py [--requests 500]``.
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def make_app():
    """The caravan app plus a trivial route, as the baseline (gunicorn calls this)."""
    from caravan import create_app
    app = create_app()
    app.add_url_rule("/_ping", "bench_ping", lambda: "ok")
    return app


def _prepare(env: dict) -> dict:
    """Create the tables, load the demo county, and pick a posting, an event and a pass to fetch."""
    os.environ.update(env)
    from sqlalchemy import select

    from caravan import create_app
    from caravan.demo.loader import load_demo
    from caravan.extensions import db
    from caravan.models import Attendee, Event, EventStatus
    app = create_app()
    with app.app_context():
        db.create_all()
        load_demo("bench-password")
        db.session.commit()
        event = db.session.scalars(select(Event).where(Event.status == EventStatus.planned)
                                   .order_by(Event.starts_at)).first()
        biggest = max(db.session.scalars(select(Event)), key=lambda e: len(e.postings))
        token = db.session.scalars(select(Attendee.pass_token)).first()
        return {"posting": event.postings[0].code, "event": event.code, "biggest_event": biggest.code,
                "notice": event.notices[0].code, "token": token}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, lang: str = "ug") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": lang})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _rate(port: int, path: str, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        status, _body = _get(port, path)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}")
    return n / (time.perf_counter() - start)


def _weight(port: int, path: str, lang: str) -> tuple[int, int]:
    """(raw bytes, gzip bytes) of a page and the stylesheets and images it loads."""
    status, body = _get(port, path, lang)
    if status != 200:
        raise SystemExit(f"{path} ({lang}): HTTP {status}")
    page = body.decode()
    raw, packed = len(body), len(gzip.compress(body))
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page) + re.findall(r'<img src="(/[^"]+)"', page)
    for asset in assets:
        _status, data = _get(port, asset, lang)
        raw += len(data)
        packed += len(gzip.compress(data))
    return raw, packed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="requests per route and round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {"CARAVAN_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "CARAVAN_SECRET_KEY": "bench",
               "CARAVAN_INSTANCE_PATH": tmp}
        picked = _prepare(env)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
             "bench.public_pages:make_app()"], cwd=ROOT, env={**os.environ, **env})
        try:
            for _ in range(100):
                try:
                    if _get(port, "/_ping")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the server did not start")
            posting = f"/j/{picked['posting']}"
            timed = ["/", "/jobs", f"/e/{picked['event']}", posting, f"/n/{picked['notice']}"]
            best = {"/_ping": 0.0, **{path: 0.0 for path in timed}}
            for path in best:  # warm up every route
                _rate(port, path, 50)
            for _ in range(args.rounds):  # interleaved rounds; the best of each, to damp noise
                for path in best:
                    best[path] = max(best[path], _rate(port, path, args.requests))
            print(f"gunicorn, 1 sync worker, 1 client, {args.requests} requests x {args.rounds} rounds per route")
            print(f"  /_ping (baseline)  {best['/_ping']:8.1f} req/s")
            for path in timed:
                print(f"  {path:<18} {best[path]:8.1f} req/s   ratio to baseline {best[path] / best['/_ping']:.3f}")
            print("\npage weight: HTML + stylesheets + images, bytes raw (gzip)")
            pages = [("home", "/"), ("jobs", "/jobs"), ("event", f"/e/{picked['event']}"),
                     ("event, most postings", f"/e/{picked['biggest_event']}"), ("posting", posting),
                     ("notice", f"/n/{picked['notice']}"), ("register", "/register"),
                     ("pass", f"/p/{picked['token']}"), ("erase", f"/p/{picked['token']}/erase"), ("erased", "/erased")]
            print(f"  {'page':<22}" + "".join(f"{lang:>18}" for lang in ("zh", "ug", "en")))
            for name, path in pages:
                cells = []
                for lang in ("zh", "ug", "en"):
                    raw, packed = _weight(port, path, lang)
                    cells.append(f"{raw:>9} ({packed:>5})")
                print(f"  {name:<22}" + "".join(f"{c:>18}" for c in cells))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
