"""Scheduled publishing: pages go live and come down at the UK time an officer set, when `publish_scheduled` runs."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from pages.factories import StandardPageFactory
from pages.models import StandardPage
from tests.support.admin_forms import client_for, create_page, edit_page, form_errors, form_for, local, workflow_action

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def run_publish_scheduled(at=None):
    """Run the cron job, optionally as if the clock said `at`."""
    if at is None:
        call_command("publish_scheduled")
        return
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("publish_scheduled")


def schedule_new_page(client, parent, go_live_at):
    data = form_for(StandardPage)
    data["go_live_at"] = local(go_live_at)
    response, page = create_page(client, StandardPage, parent, data)
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    return page


def test_go_live_time_is_entered_and_stored_as_uk_time(admin_client, home):
    data = form_for(StandardPage)
    data["go_live_at"] = "01/07/2030 09:00"  # British Summer Time, one hour ahead of UTC
    data["expire_at"] = "15/01/2031 17:30"  # Greenwich Mean Time
    response, page = create_page(admin_client, StandardPage, home, data)
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    assert page.go_live_at == datetime.datetime(2030, 7, 1, 8, 0, tzinfo=UTC)
    assert page.expire_at == datetime.datetime(2031, 1, 15, 17, 30, tzinfo=UTC)
    revision = page.latest_revision
    assert revision.approved_go_live_at == datetime.datetime(2030, 7, 1, 8, 0, tzinfo=UTC)


def test_scheduled_page_goes_live_when_its_time_comes_and_not_before(admin_client, client, home):
    go_live_at = timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(hours=2)
    page = schedule_new_page(admin_client, home, go_live_at)
    assert not page.live
    assert Revision.objects.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()

    run_publish_scheduled()
    page.refresh_from_db()
    assert not page.live, "the go-live time is still in the future"
    run_publish_scheduled(at=go_live_at - datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live

    run_publish_scheduled(at=go_live_at + datetime.timedelta(minutes=4))
    page.refresh_from_db()
    assert page.live
    assert client.get("/het-activities/").status_code == 200


def test_page_whose_go_live_time_has_passed_is_published_by_the_command(home):
    page = StandardPageFactory(parent=home, live=False, slug="toolkit")
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=3))
    future = StandardPageFactory(parent=home, live=False, slug="later")
    future.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
    run_publish_scheduled()
    page.refresh_from_db()
    future.refresh_from_db()
    assert page.live
    assert not future.live


def test_expired_page_is_taken_down(admin_client, client, home):
    expire_at = timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(hours=1)
    data = form_for(StandardPage)
    data["expire_at"] = local(expire_at)
    response, page = create_page(admin_client, StandardPage, home, data)
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    assert page.live
    run_publish_scheduled()
    page.refresh_from_db()
    assert page.live

    run_publish_scheduled(at=expire_at + datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/het-activities/").status_code == 404


def test_editor_schedules_a_change_and_it_goes_live_after_approval_at_that_time(client, home, editor, moderator):
    response, page = create_page(client_for(moderator), StandardPage, home)
    assert page is not None, form_errors(response)
    go_live_at = timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(days=1)
    data = form_for(StandardPage)
    data.update(title="HET activities in 2025", go_live_at=local(go_live_at))
    edit_page(client_for(editor), page, data, action="action-submit")
    page.refresh_from_db()
    workflow_action(client_for(moderator), page, "approve")

    page.refresh_from_db()
    assert page.title == "HET activities" and page.live, "approved, but waiting for its go-live time"
    assert "HET activities in 2025" not in client.get("/het-activities/").content.decode()
    run_publish_scheduled(at=go_live_at + datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert page.title == "HET activities in 2025" and page.live
