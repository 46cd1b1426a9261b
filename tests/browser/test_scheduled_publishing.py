"""An officer schedules a change to a page that ships with the site, and it goes live by itself: the scheduler runs
beside the server, as `make run` and production run it, and nobody runs a command."""

import datetime
import re
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Revision

from editorial.management.commands.run_scheduler import run_forever
from pages.models import StandardPage
from tests.browser.conftest import LIVE_DATABASE
from tests.support.people import PASSWORD

pytestmark = [pytest.mark.browser, LIVE_DATABASE]

NEW_TITLE = "HET activities in 2027"


@pytest.fixture
def officer(het_site, superuser):
    return superuser


@pytest.fixture
def scheduler(live_server):
    """run_scheduler's loop, checking every half second, in a thread beside the live server."""
    if connection.vendor == "sqlite":
        # SQLite's shared in-memory test database locks whole tables against other connections and answers
        # "table is locked" instead of waiting; tests/editorial/test_scheduler.py runs the real command in a second
        # process on a SQLite file instead.
        pytest.skip("needs a database server that several connections can use at once (PostgreSQL, as in CI)")
    stop = threading.Event()

    def run():
        run_forever(0.5, stop)
        # The thread's own connection, which would keep PostgreSQL from dropping the test database.
        connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=10)


def test_a_scheduled_change_goes_live_by_itself(officer, scheduler, page):
    activities = StandardPage.objects.get(slug="het-activities")
    page.goto(activities.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("HET activities")

    officer_page = page.context.browser.new_context(base_url=page.url.split("/het-activities")[0]).new_page()
    officer_page.goto("/admin/login/")
    officer_page.get_by_label("Username").fill("officer")
    officer_page.get_by_label("Password").fill(PASSWORD)
    officer_page.get_by_role("button", name="Sign in").click()
    officer_page.goto(f"/admin/pages/{activities.pk}/edit/")
    officer_page.locator("#id_title").fill(NEW_TITLE)
    # Whole minutes only, in UK time, and still ahead however slowly the browser gets to the publish button.
    go_live = timezone.localtime() + datetime.timedelta(minutes=5)
    officer_page.locator("[data-side-panel-toggle='status']").click()
    officer_page.get_by_role("button", name="Set schedule").click()
    go_live_field = officer_page.locator("#id_go_live_at")
    go_live_field.fill(go_live.strftime("%d/%m/%Y %H:%M"))
    go_live_field.press("Tab")
    # The date picker's calendar can still lie over the button; a keyboard user presses it the same way.
    officer_page.get_by_role("button", name="Save schedule").dispatch_event("click")
    expect(officer_page.locator(".messages")).to_contain_text("has been updated")
    officer_page.get_by_role("button", name="More actions").click()
    officer_page.get_by_role("button", name="Schedule to publish").click()
    expect(officer_page.locator(".messages")).to_contain_text(re.compile("scheduled", re.I))

    revision = Revision.objects.get(object_id=str(activities.pk), approved_go_live_at__isnull=False)
    assert page.reload() and page.get_by_role("heading", level=1).inner_text() == "HET activities"
    # The admin takes whole minutes; bring the time forward so the test need not wait up to a minute. Wagtail
    # checks the go-live time stored in the revision's content again when it publishes, so both move.
    soon = timezone.now() + datetime.timedelta(seconds=2)
    content = {**revision.content, "go_live_at": soon.isoformat()}
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=soon, content=content)

    for _ in range(30):
        page.wait_for_timeout(500)
        page.reload()
        if page.get_by_role("heading", level=1).inner_text() == NEW_TITLE:
            break
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    officer_page.goto(f"/admin/pages/{activities.pk}/")
    expect(officer_page.get_by_text(re.compile("Scheduled", re.I))).to_have_count(0)
    officer_page.context.close()
