"""Chromium through Playwright against the app served on 127.0.0.1.

Debian's Chromium is launched by path; Playwright never downloads a browser. Screenshots go to
test-artifacts/ so a person can look at what the tests saw.
"""
from __future__ import annotations

import os
import shutil
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from caravan import PROJECT_ROOT

CHROMIUM = os.environ.get("CARAVAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = os.path.join(PROJECT_ROOT, "test-artifacts")
TABLET = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def live_server(app):
    """The app served on a free port of 127.0.0.1 for the length of one test; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture(scope="session")
def playwright():
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"Chromium is needed at {CHROMIUM}; the test command installs it (scripts/test.sh)")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def persistent(playwright, tmp_path):
    """Launch Chromium with a profile folder that outlives the browser: ``persistent(args=[...])``
    returns a context; calling it again after ``context.close()`` restarts the browser on the same
    profile (IndexedDB, service worker and its cache survive, as on a tablet). All closed afterwards."""
    contexts = []
    profile = tmp_path / "profile"

    def launch(args=(), viewport=TABLET, locale="zh-CN", **kwargs):
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS + list(args), headless=True,
            viewport=viewport, locale=locale, **kwargs)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield launch
    for context in contexts:
        try:
            context.close()
        except Exception:  # already closed by the test
            pass


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts: ``new_page(viewport=PHONE, locale="ug")``; all closed afterwards."""
    contexts = []

    def open_page(viewport=TABLET, locale="zh-CN", **kwargs):
        context = browser.new_context(viewport=viewport, locale=locale, **kwargs)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/NAME.png."""
    def take(page, name: str):
        os.makedirs(ARTIFACTS, exist_ok=True)
        page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)
    return take
