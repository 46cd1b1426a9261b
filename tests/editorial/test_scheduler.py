"""Scheduled publishing runs by itself: run_scheduler publishes and unpublishes pages as their times come, empties
the page cache so visitors see the change at once, and keeps going when a pass fails."""

import datetime
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection
from django.utils import timezone

from core.freshness import GENERATION_KEY
from editorial.management.commands import run_scheduler
from page_cache import cache as page_cache
from pages.factories import StandardPageFactory
from tests.support.production_server import run_manage

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
PAST = datetime.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The tests run inside one transaction, which the scheduler's reconnecting at each pass would end."""
    with mock.patch.object(run_scheduler, "close_old_connections"):
        yield


def serve_from_cache(client, url):
    """Visit `url` until the page cache serves it (the first visit starts a generation, the next stores the page)."""
    for _ in range(3):
        response = client.get(url)
        if response["X-Cache"] == "HIT":
            return response
    raise AssertionError(f"{url} was never served from the cache")


def test_a_change_whose_go_live_time_has_passed_is_published_and_shown_at_once(client, home):
    page = StandardPageFactory(parent=home, title="HET activities", slug="het-activities")
    assert "HET activities" in serve_from_cache(client, page.url).content.decode()
    page.title = "HET activities in 2026"
    page.save_revision(approved_go_live_at=timezone.now() - PAST)

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert page.title == "HET activities in 2026"
    response = client.get(page.url)
    assert response["X-Cache"] == "MISS"
    assert "HET activities in 2026" in response.content.decode()


def test_a_new_page_goes_live_and_a_future_one_waits(client, home):
    due = StandardPageFactory(parent=home, live=False, slug="toolkit")
    due.save_revision(approved_go_live_at=timezone.now() - PAST)
    later = StandardPageFactory(parent=home, live=False, slug="later")
    later.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))

    call_command("run_scheduler", "--once")

    assert client.get("/toolkit/").status_code == 200
    assert client.get("/later/").status_code == 404


def test_an_expired_page_is_taken_down_and_no_longer_served_from_the_cache(client, home):
    page = StandardPageFactory(parent=home, slug="winter-campaign")
    assert serve_from_cache(client, "/winter-campaign/").status_code == 200
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - PAST)

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/winter-campaign/").status_code == 404


def test_the_cache_is_emptied_only_when_something_changed(home):
    StandardPageFactory(parent=home, live=False).save_revision(
        approved_go_live_at=timezone.now() + datetime.timedelta(hours=1)
    )
    page_cache.invalidate()
    generation = cache.get(GENERATION_KEY)
    with mock.patch.object(run_scheduler, "call_command") as publish_scheduled:
        assert run_scheduler.run_pass() == (0, 0)
    publish_scheduled.assert_not_called()
    assert cache.get(GENERATION_KEY) == generation

    StandardPageFactory(parent=home, live=False).save_revision(approved_go_live_at=timezone.now() - PAST)
    assert run_scheduler.run_pass() == (0, 1)
    assert cache.get(GENERATION_KEY) != generation


def test_the_loop_logs_a_failed_pass_and_carries_on(home, caplog):
    page = StandardPageFactory(parent=home, live=False, slug="toolkit")
    page.save_revision(approved_go_live_at=timezone.now() - PAST)
    stop = threading.Event()
    real_due_changes = run_scheduler.due_changes
    calls = []

    def database_down_then_back():
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("could not connect to server")
        stop.set()
        return real_due_changes()

    with (
        mock.patch.object(run_scheduler, "due_changes", side_effect=database_down_then_back),
        caplog.at_level(logging.INFO, logger=run_scheduler.__name__),
    ):
        run_scheduler.run_forever(0.01, stop)

    assert len(calls) == 2
    page.refresh_from_db()
    assert page.live
    failure = next(record for record in caplog.records if record.levelno == logging.ERROR)
    assert "Scheduled publishing failed" in failure.getMessage()
    assert "could not connect to server" in failure.exc_text
    assert any("1 published" in record.getMessage() for record in caplog.records)


def test_every_pass_starts_with_a_usable_database_connection(home):
    stop = threading.Event()
    with (
        mock.patch.object(run_scheduler, "close_old_connections") as reconnect,
        mock.patch.object(run_scheduler, "due_changes", side_effect=lambda: stop.set() or (0, 0)),
    ):
        run_scheduler.run_forever(0.01, stop)
    reconnect.assert_called_once()


@pytest.mark.parametrize("interval", ["0", "-5"])
def test_the_interval_must_be_positive(interval):
    with pytest.raises(CommandError, match="--interval"):
        call_command("run_scheduler", "--interval", interval)


def dev_environment(tmp_path, database):
    """The development settings (a file-based cache every local process shares) on a database file."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "het_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "CACHE_DIR": str(tmp_path / "cache"),
        "SITE_URL": "http://127.0.0.1:8123",
        "LOG_LEVEL": "INFO",
    }


def dev_cache(tmp_path):
    return FileBasedCache(str(tmp_path / "cache"), {})


def test_processes_share_the_development_cache(tmp_path):
    env = dev_environment(tmp_path, tmp_path / "db.sqlite3")
    cache = dev_cache(tmp_path)
    cache.set(GENERATION_KEY, "before the change", timeout=None)

    result = run_manage(env, "clear_page_cache", timeout=60)

    assert result.returncode == 0, result.stderr
    assert cache.get(GENERATION_KEY) not in (None, "before the change")


SCHEDULE_A_PAGE = """
import datetime
from django.utils import timezone
from pages.factories import HomePageFactory, StandardPageFactory
home = HomePageFactory.as_site_root()
page = StandardPageFactory(parent=home, live=False, slug="toolkit", title="Toolkit")
page.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(seconds=2))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="copies the migrated SQLite test database to a file")
def test_the_scheduler_process_publishes_a_page_and_the_server_process_sees_it(tmp_path):
    database = tmp_path / "db.sqlite3"
    # The test's transaction has written nothing yet, so this is the migrated database.
    connection.ensure_connection()
    with sqlite3.connect(database) as copy:
        connection.connection.backup(copy)
    env = dev_environment(tmp_path, database)
    result = run_manage(env, "shell", "-c", SCHEDULE_A_PAGE, timeout=60)
    assert result.returncode == 0, result.stderr
    cache = dev_cache(tmp_path)
    cache.set(GENERATION_KEY, "before the change", timeout=None)

    scheduler = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, str(BASE_DIR / "manage.py"), "run_scheduler", "--interval", "0.5"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while cache.get(GENERATION_KEY) == "before the change" and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        scheduler.send_signal(signal.SIGTERM)
        _, log = scheduler.communicate(timeout=30)

    assert scheduler.returncode == 0, log
    assert cache.get(GENERATION_KEY) != "before the change", log
    assert "1 published" in log and "stopped" in log
    with sqlite3.connect(database) as copy:
        assert copy.execute("SELECT live FROM wagtailcore_page WHERE slug = 'toolkit'").fetchone() == (1,)
