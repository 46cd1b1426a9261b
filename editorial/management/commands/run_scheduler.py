"""Publish and unpublish scheduled pages as their times come, in a loop that runs next to the web server.

`make run` starts it beside the development server; production runs it as one long-lived process (see
docs/operations.md). Each pass runs Wagtail's `publish_scheduled` when something is due; publishing and
unpublishing send the signals that empty the page cache (page_cache/signal_handlers.py), so every visitor sees the
change at once. A pass that fails (the database is down, say) is logged and the loop carries on; the next pass
reconnects.
"""

import logging
import os
import signal
import threading

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30


def scheduled_models():
    """Page plus every other model with go-live and expiry times (snippets with drafts), as publish_scheduled."""
    return [Page] + [
        model for model in apps.get_models() if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def due_changes():
    """(objects past their expiry that are still live, revisions past their go-live time): what the next
    publish_scheduled would change."""
    now = timezone.now()
    expiring = sum(model.objects.filter(live=True, expire_at__lt=now).count() for model in scheduled_models())
    going_live = Revision.objects.filter(approved_go_live_at__lt=now).count()
    return expiring, going_live


def run_pass():
    """Make every change that is due. Returns (expired, published)."""
    # Like the start of a request: drop a connection that broke or outlived CONN_MAX_AGE, so a database that went
    # away and came back is reconnected to.
    close_old_connections()
    expiring, going_live = due_changes()
    if expiring or going_live:
        call_command("publish_scheduled")
        logger.info("Scheduled publishing: %d published, %d expired", going_live, expiring)
    return expiring, going_live


class Command(BaseCommand):
    help = (
        "Publish pages whose go-live time has come and unpublish those past their expiry time, checking every "
        "--interval seconds until stopped (Ctrl-C or SIGTERM)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=float(os.environ.get("SCHEDULER_INTERVAL", DEFAULT_INTERVAL)),
            help=f"Seconds between checks (default: SCHEDULER_INTERVAL, or {DEFAULT_INTERVAL}).",
        )
        parser.add_argument("--once", action="store_true", help="Check once and stop, for cron.")

    def handle(self, *args, interval, once, **options):
        if interval <= 0:
            raise CommandError("--interval must be a number of seconds above 0.")
        if once:
            run_pass()
            return
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
        logger.info("Scheduled publishing: checking every %g seconds", interval)
        run_forever(interval, stop)
        logger.info("Scheduled publishing: stopped")


def run_forever(interval, stop):
    """Run a pass every `interval` seconds until the `stop` event (a threading.Event) is set."""
    while not stop.is_set():
        try:
            run_pass()
        except Exception:
            logger.exception("Scheduled publishing failed; trying again in %g seconds", interval)
        stop.wait(interval)
