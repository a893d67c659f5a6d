"""Chromium through Playwright against the app served on 127.0.0.1.

Debian's Chromium is launched by path; Playwright never downloads a browser. Screenshots go to
test-artifacts/ so a person can look at what the tests saw.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from caravan import PROJECT_ROOT
from caravan.services.sync.enroll import new_enrollment_code
from tests.browser.field_helpers import AUTO_STAFF, add_tablet_staff, enroll, market_county, open_app, pick_event

# An expectation waits as long as an action does (the contexts' default timeouts): Playwright's own default of
# 5 s is shorter than a page load of the office's heavier pages on a loaded two-core machine.
expect.set_options(timeout=10_000)

CHROMIUM = os.environ.get("CARAVAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = os.path.join(PROJECT_ROOT, "test-artifacts")
TABLET = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


BROWSER_TESTS = Path(__file__).resolve().parent


def is_browser_test(path, root: Path = BROWSER_TESTS) -> bool:
    """Whether the test file ``path`` lies under ``root`` (tests/browser). Not a match on the text
    "/browser/": a checkout inside a folder of that name would mark every test as a browser test, and
    ``-m "not browser"`` would then run nothing."""
    return Path(path).resolve().is_relative_to(root)


def pytest_collection_modifyitems(items):
    for item in items:
        if is_browser_test(item.path):
            item.add_marker(pytest.mark.browser)


_RESPONSE = "caravan.tests.response"


class _Handler(WSGIRequestHandler):
    """Werkzeug's handler, closing the answer when the browser hangs up in the middle of it.

    A test that ends while the service worker still fetches static files drops those connections; Werkzeug
    then fails reading the socket before it closes the answer, and the file being served stays open
    until the garbage collector finds it, as a ResourceWarning in whichever test runs then.
    """

    def connection_dropped(self, error, environ=None):
        response = (environ or {}).get(_RESPONSE)
        if response is not None and hasattr(response, "close"):
            response.close()


def _remember_response(app):
    def serve(environ, start_response):
        environ[_RESPONSE] = response = app(environ, start_response)
        return response
    return serve


class _Server(ThreadedWSGIServer):
    """Werkzeug's threaded server that can really go away: it knows its open connections.

    A stopped server whose request threads still answer on open (kept-alive) connections is not down,
    and a request thread that outlived its test could still write into the next test's database.
    Request threads are not daemons here, so closing the server waits for them.
    """

    daemon_threads = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()

    def process_request(self, request, client_address):
        with self._lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def hang_up(self) -> None:
        """End every open connection: the threads waiting on them for a next request return."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:  # already closed by the browser
                pass


class LiveServer:
    """The app served on 127.0.0.1; ``stop()`` takes it down for real (refused connections, as when the
    county's server or its network is down) and ``start()`` brings it back on the same port."""

    def __init__(self, app):
        self._app = _remember_response(app)
        self.port = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        assert self._server is None, "the server is already running"
        # Werkzeug sets SO_REUSEADDR, so the port is free again at once after stop().
        server = _Server("127.0.0.1", self.port, self._app, handler=_Handler)
        self.port = server.server_port
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()
        self._server = server

    def stop(self) -> None:
        """Stop accepting, hang up on every connection, and wait for the requests in progress."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        self._thread.join(timeout=10)
        server.hang_up()
        server.server_close()


@pytest.fixture
def server(app, build, db):
    """The live server of one test, as an object that can stop and start again (see LiveServer). The test
    county has the field staff member who signs in on tablets (field_helpers.STAFF)."""
    add_tablet_staff(db, build.county())
    live = LiveServer(app)
    live.start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def live_server(server):
    """The base URL of the app served on a free port of 127.0.0.1 for the length of one test."""
    return server.url


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
    returns a context (``auto_staff=False``: without field_helpers.AUTO_STAFF, for tests of the lock);
    calling it again after ``context.close()`` restarts the browser on the same
    profile (IndexedDB, service worker and its cache survive, as on a tablet). All closed afterwards."""
    contexts = []
    profile = tmp_path / "profile"

    def launch(args=(), viewport=TABLET, locale="zh-CN", auto_staff=True, **kwargs):
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS + list(args), headless=True,
            viewport=viewport, locale=locale, **kwargs)
        context.set_default_timeout(15_000)
        if auto_staff:  # a staff member at hand: the lock screen never stops a test that is not about it
            context.add_init_script(AUTO_STAFF)
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


# --- The tablet app against the real server (tests of the field app) ---------------------------------

@pytest.fixture
def county(build, db):
    """The county of tests.browser.field_helpers.market_county, in the database the live server uses."""
    return market_county(build, db)


@pytest.fixture
def residents(build, county):
    """Two residents registered earlier (on another tablet or online); tablets learn them by pulling."""
    village = county["villages"][0]
    return [build.attendee("阿依古丽", village=village), build.attendee("买买提", village=village)]


@pytest.fixture
def code(county, db):
    """``code()``: a fresh one-time enrollment code for the county, as the office makes them."""
    def make():
        _, text = new_enrollment_code(county["county"])
        db.session.commit()
        return text
    return make


@pytest.fixture
def tablet(persistent, live_server, code):
    """``tablet(args=(), offline=False, fresh=False, viewport=TABLET)``: start (or restart, on the same
    profile) the tablet app, unlocked with the staff member's PIN; ``fresh`` enrolls it with a new code,
    signs the staff member in, sets the PIN and opens the morning event. Returns (context, page)."""
    def start(args=(), offline=False, fresh=False, viewport=TABLET):
        context = persistent(args=args, viewport=viewport)
        context.set_offline(offline)
        page = open_app(context, live_server)
        if fresh:
            enroll(page, code=code())
            pick_event(page)
        page.wait_for_selector("#work:not([hidden])")
        return context, page
    return start
