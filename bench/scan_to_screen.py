"""Time from a decoded pass QR to the confirmation on the tablet's screen.

Chromium runs the tablet app; its camera is a canvas stream showing one pass QR after another, read by
the app's own scanner (BarcodeDetector, or the zxing-wasm polyfill in Chromium on Linux). The app marks
``scan-decoded`` when the reader returns a code and measures ``scan-to-screen`` after the check-in is
in IndexedDB and the name has been painted. The baseline, in the same page, paints the same
confirmation with no lookup and no IndexedDB write. Printed: medians over 50 scans and the ratio.

Usage: .venv/bin/python bench/scan_to_screen.py [--scans 50]
"""
from __future__ import annotations

import argparse
import base64
import io
import logging
import os
import statistics
import sys
import tempfile
import threading

import qrcode
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from caravan import create_app  # noqa: E402
from caravan.extensions import db  # noqa: E402
from caravan.services.sync.enroll import new_enrollment_code  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TABLET  # noqa: E402
from tests.browser.field_helpers import enroll, market_county, open_app, pick_event  # noqa: E402
from tests.builders import Builder  # noqa: E402

# The camera: a canvas whose picture the benchmark swaps; the app reads it through getUserMedia.
CANVAS_CAMERA = """
(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 640; canvas.height = 480;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 640, 480);
  window.__camera = { show(img) { ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 640, 480); ctx.drawImage(img, 120, 40, 400, 400); } };
  // A canvas stream only sends frames when the canvas changes: touch one corner pixel each tick.
  setInterval(() => { ctx.fillStyle = Math.random() < .5 ? '#fff' : '#fefefe'; ctx.fillRect(0, 0, 1, 1); }, 33);
  navigator.mediaDevices.getUserMedia = async () => canvas.captureStream(30);
})();
"""


def qr_data_url(text: str) -> str:
    img = qrcode.make(text, border=4, box_size=6)
    out = io.BytesIO()
    img.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=50)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would drown the figures
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3",
                          "SECRET_KEY": "bench"})
        with app.app_context():
            code, tokens = prepare(args.scans)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            real, base = run(f"http://127.0.0.1:{server.server_port}", code, tokens)
        finally:
            server.shutdown()
            thread.join(timeout=10)
            server.server_close()
    print(f"scans: {len(real)}")
    print(f"decoded QR -> check-in saved and name on screen: median {statistics.median(real):.2f} ms "
          f"(p90 {statistics.quantiles(real, n=10)[-1]:.2f} ms)")
    print(f"baseline, confirmation painted without lookup or IndexedDB write: median {statistics.median(base):.2f} ms")
    print(f"ratio: {statistics.median(real) / statistics.median(base):.2f}")
    return 0


def prepare(scans: int) -> tuple[str, list[str]]:
    """The county, today's events, ``scans`` residents registered earlier (the tablet learns them by
    pulling) and an enrollment code; returns the code and the residents' pass tokens."""
    db.create_all()
    build = Builder(db, "bench password")
    county = market_county(build, db)
    tokens = [build.attendee(f"Resident {i}", village=county["villages"][0]).pass_token for i in range(scans)]
    _, code = new_enrollment_code(county["county"])
    db.session.commit()
    return code, tokens


def run(base_url: str, code: str, tokens: list[str]) -> tuple[list[float], list[float]]:
    scans = len(tokens)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        # bypass_csp: only so that wait_for_function may evaluate its predicate; the app is unchanged.
        context = browser.new_context(viewport=TABLET, locale="zh-CN", bypass_csp=True)
        context.add_init_script(CANVAS_CAMERA)
        page = open_app(context, base_url)
        enroll(page, code=code)
        pick_event(page)
        page.click("#scan-start")
        page.wait_for_selector("#scan-stop:not([hidden])")
        for i, token in enumerate(tokens):
            page.evaluate("""async (src) => { const img = new Image(); img.src = src; await img.decode();
                                              window.__camera.show(img); }""", qr_data_url(f"{base_url}/p/{token}"))
            page.wait_for_function("(n) => performance.getEntriesByName('scan-to-screen').length >= n", arg=i + 1,
                                   timeout=20_000)
        page.click("#scan-stop")
        real = page.evaluate("performance.getEntriesByName('scan-to-screen').map((e) => e.duration)")
        baseline = page.evaluate("""async (n) => {
            const ui = await import('/static/js/field/ui.js');
            const out = [];
            for (let i = 0; i < n; i++) {
                const t0 = performance.now();
                await ui.confirm('ok', '签到成功', `Resident ${i}`);
                out.push(performance.now() - t0);
            }
            return out;
        }""", scans)
        # Unsent or already confirmed by the server: the tablet syncs while it scans.
        checkins = page.evaluate("""async () => { const db = await import('/static/js/field/db.js');
            const records = [...await db.all('outbox'), ...await db.all('sent')];
            return records.filter((r) => r.type === 'checkin').length; }""")
        browser.close()
    if checkins != scans:
        raise SystemExit(f"expected {scans} check-ins on the tablet, found {checkins}")
    return real, baseline


if __name__ == "__main__":
    sys.exit(main())
