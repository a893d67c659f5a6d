"""Retake the README's screenshot (docs/screenshot.png): the office home of the demo county, in Uyghur, on a
tablet-sized screen (1024x768).

It fills a throw-away SQLite database with the demo (``flask demo``'s county and season), serves it on
127.0.0.1, signs in as ``office`` in Chromium (the browser the tests use) and photographs /office/.
Usage: .venv/bin/python scripts/screenshot.py [--port 5099] [--lang ug] [--size 1024x768] [--path /office/]
       [-o docs/screenshot.png]
"""
import argparse
import logging
import os
import sys
import tempfile
import threading

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
CHROMIUM = os.environ.get("CARAVAN_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "caravan-demo"


def demo_app(folder: str):
    """The app on a new SQLite database in ``folder``, holding the demo county and its season."""
    from caravan import create_app
    from caravan.demo.loader import load_demo
    from caravan.demo.season import load_season
    from caravan.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite:///" + os.path.join(folder, "demo.sqlite3"),
                      "SECRET_KEY": os.urandom(16).hex()})
    with app.app_context():
        db.create_all()
        load_demo(PASSWORD)
        load_season(PASSWORD)
        db.session.commit()
    return app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5099)
    parser.add_argument("--lang", default="ug", choices=["ug", "zh", "en"])
    parser.add_argument("--size", default="1024x768", help="the window, WIDTHxHEIGHT")
    parser.add_argument("--path", default="/office/", help="the office page to photograph")
    parser.add_argument("-o", "--output", default=os.path.join(ROOT, "docs", "screenshot.png"))
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request lines
    with tempfile.TemporaryDirectory() as folder:
        server = make_server("127.0.0.1", args.port, demo_app(folder), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{args.port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
                width, height = (int(n) for n in args.size.split("x"))
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{base}/lang/{args.lang}")
                page.goto(f"{base}/signin")
                page.fill("input[name=username]", "office")
                page.fill("input[name=password]", PASSWORD)
                page.locator("form button[type=submit]").last.click()
                page.wait_for_url(f"{base}/office/")
                if args.path != "/office/":
                    page.goto(base + args.path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=args.output)
                browser.close()
        finally:
            server.shutdown()
    print(f"-> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
