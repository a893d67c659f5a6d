"""Render the app icons (static/icons/caravan-192.png, caravan-512.png) from static/icons/caravan.svg.

The web app manifest needs PNG icons of 192 and 512 pixels; they are drawn from our own SVG by
Chromium (the browser the tests use), so they match what the browser shows for the SVG.
Usage: .venv/bin/python scripts/icons.py
"""
import os
import sys

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = os.environ.get("CARAVAN_CHROMIUM", "/usr/bin/chromium")


def main() -> int:
    svg_path = os.path.join(ROOT, "static", "icons", "caravan.svg")
    with open(svg_path, encoding="utf-8") as fh:
        svg = fh.read()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for size in (192, 512):
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f"<html><body style='margin:0;background:transparent'>"
                             f"<div style='width:{size}px;height:{size}px'>{svg}</div></body></html>")
            page.eval_on_selector("svg", f"s => {{ s.setAttribute('width', {size}); "
                                         f"s.setAttribute('height', {size}); }}")
            out = os.path.join(ROOT, "static", "icons", f"caravan-{size}.png")
            page.screenshot(path=out, omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size})
            page.close()
            print(out)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
