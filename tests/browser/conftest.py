"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright for Python.
Skipped with a clear reason where Chromium is absent; .ci/run installs it, so CI
always runs these tests."""

import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread


# The live server answers one request at a time. On SQLite it shares the test's
# in-memory database connection, and two request threads using it at once (an
# autosave and a preview, a session ping) fail with "database table is locked".
class OneRequestAtATimeServer(WSGIServer):
    # Held while a request is answered (see demo_server).
    busy = threading.Lock()

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        with self.busy:
            super().process_request(request, client_address)


LiveServerThread.server_class = OneRequestAtATimeServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop; allow Django's ORM beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_server(demo_restored, live_server):
    """The live server with the demo content."""
    yield live_server
    # A request the browser sent before its context was closed (an autosave,
    # a preview) may still be answered on the shared connection: let it end
    # before the test's database is emptied under it.
    # (Bounded: a connection the browser opened and never used holds it too.)
    if OneRequestAtATimeServer.busy.acquire(timeout=10):
        OneRequestAtATimeServer.busy.release()
