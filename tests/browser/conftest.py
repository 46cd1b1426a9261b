"""Playwright driving Debian's Chromium against pytest-django's live server.

One browser per test process; each test gets fresh browser contexts, so cookies and storage never leak.
"""

import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop running in this thread, which makes Django refuse database
# access from the test code; the tests never use the database from async code, so that check does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
NARROWEST = {"width": 320, "height": 640}
# A 1280 x 800 window at 200% zoom lays pages out in 640 x 400 CSS pixels.
ZOOMED = {"width": 640, "height": 400}

# Mark every browser test module with this. The live server empties the database after each test; with serialized
# rollback the next test starts with what the migrations made (Wagtail's root page, the officers' groups, the
# moderation workflow). A test without it would re-create content types on emptying the database, with new ids
# that clash with the saved ones when the next test restores them.
LIVE_DATABASE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}. Install it with `make browser` "
            "(apt-get install chromium); the tests never download a browser.",
            pytrace=False,
        )
    # While Playwright's event loop runs, Django treats this thread as async and hands it connection objects of its
    # own (tests/conftest.py gives them the saved copy of the migrated database). The ones opened so far would stay
    # open, unreachable, until the end, and PostgreSQL will not copy or drop a database while anyone is connected.
    connections.close_all()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


def _serve_media(route):
    """Uploaded images live in the test storage, which the live server does not serve; hand them over here."""
    name = unquote(urlparse(route.request.url).path).removeprefix(settings.MEDIA_URL)
    if not default_storage.exists(name):
        route.fulfill(status=404, body="Not found")
        return
    with default_storage.open(name) as media_file:
        body = media_file.read()
    route.fulfill(status=200, body=body, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")


@pytest.fixture
def new_context(browser, live_server):
    """Opens browser contexts on the live server; all are closed after the test."""
    contexts = []

    def open_context(viewport=DESKTOP, **options):
        context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
        context.route(f"**{settings.MEDIA_URL}**", _serve_media)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()
