"""Every email is queued after its transaction commits, and a mail server outage delays email without losing it."""

import datetime
import io
import json
import logging
import signal
import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from case_studies.models import CaseStudySubmission
from mail.messages import message_from_dict, message_to_dict
from mail.tasks import deliver_email, retry_delay
from tests.support.case_studies import TEAM_EMAIL, captured_logs, partner_emails, prepare_case_study_form, valid_data

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


class MailServer(LocmemBackend):
    """The in-memory outbox behind a mail server that a test can take down: while `down`, every
    connection is dropped before the message is accepted."""

    down = False

    def send_messages(self, messages):
        if MailServer.down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def mail_server():
    MailServer.down = False
    with override_settings(EMAIL_DELIVERY_BACKEND="tests.mail.test_mail_queue.MailServer"):
        yield MailServer
    MailServer.down = False


@pytest.fixture
def database_queue(mail_server):
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


@pytest.fixture
def run_worker():
    """Run the production worker command for one pass over the email tasks that are due, then return.

    Tests that use it commit for real (transaction=True): the worker closes and reopens database connections
    between tasks, as a long-running process must, which would end a test's enclosing transaction.
    """
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    levels = {name: logging.getLogger(name).level for name in ("django_tasks", "django_tasks_db")}

    def run():
        call_command(
            "db_worker",
            "--batch",
            "--backend=email",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
            stdout=io.StringIO(),
        )

    yield run
    # The worker takes over the process's signals and log levels, as a long-running process should.
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def email_tasks():
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path).order_by("enqueued_at")


def make_due(task):
    """Move a retry's time to now, as if its delay had passed."""
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))


@pytest.mark.django_db(transaction=True)
def test_email_sent_in_a_transaction_that_rolls_back_is_never_delivered():
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Your page was approved", "Body", None, ["edith@luton.gov.uk"])
        raise RuntimeError("the change failed after the email was sent")
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_email_sent_in_a_committed_transaction_is_delivered_once_after_the_commit():
    with transaction.atomic():
        assert send_mail("Your page was approved", "Body", None, ["edith@luton.gov.uk"]) == 1
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.subject == "Your page was approved" and message.to == ["edith@luton.gov.uk"]


@pytest.mark.django_db
def test_wagtail_moderation_notice_is_queued_until_the_workflow_commits(
    home, editor, moderator, django_capture_on_commit_callbacks
):
    from pages.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, title="Carers' support", live=False)
    page.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page.get_workflow().start(page, user=editor)
        assert mail.outbox == []
    assert callbacks
    [notice] = [message for message in mail.outbox if message.to == [moderator.email]]
    assert "Carers' support" in notice.subject
    assert notice.alternatives and "<" in notice.alternatives[0][0]


@pytest.mark.django_db
def test_partner_submission_emails_are_queued_until_the_submission_commits(
    site_tree, django_capture_on_commit_callbacks
):
    site = prepare_case_study_form(site_tree)
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/case-studies/submit/", valid_data(site))
        assert response.status_code == 302
        assert mail.outbox == []
    submission = CaseStudySubmission.objects.get()
    assert [message.subject for message in mail.outbox if message.to == [TEAM_EMAIL]] == [
        f"New case study submission {submission.reference}"
    ]
    assert len(partner_emails(mail.outbox)) == 1
    assert [message for message in mail.outbox if message.to == [site["moderator"].email]]


def rich_message():
    message = EmailMultiAlternatives(
        "Quarterly report",
        "The report is attached.",
        "Public Health <ph@luton.gov.uk>",
        ["asha@luton.gov.uk"],
        bcc=["audit@luton.gov.uk"],
        cc=["ben@luton.gov.uk"],
        reply_to=["team@luton.gov.uk"],
        headers={"X-HET-Reference": "HET-2025-000001"},
    )
    message.attach_alternative("<p>The report is <strong>attached</strong>.</p>", "text/html")
    message.attach("report.pdf", b"%PDF-1.7\x00\xff\xfe binary", "application/pdf")
    message.attach("notes.txt", "Café notes", "text/plain")
    return message


def assert_same_message(delivered, original):
    for field in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers"):
        assert getattr(delivered, field) == getattr(original, field), field
    assert [tuple(item) for item in delivered.alternatives] == [tuple(item) for item in original.alternatives]
    assert [tuple(item) for item in delivered.attachments] == [tuple(item) for item in original.attachments]


def test_message_survives_storage_as_json():
    original = rich_message()
    stored = json.loads(json.dumps(message_to_dict(original)))
    assert_same_message(message_from_dict(stored), original)


def test_header_with_a_line_break_is_refused_when_sent_not_later():
    from django.core.mail import BadHeaderError

    with pytest.raises(BadHeaderError):
        send_mail("Two\nlines", "Body", None, ["edith@luton.gov.uk"])


@pytest.mark.django_db(transaction=True)
def test_database_queue_delivers_attachments_and_html(database_queue, run_worker, django_capture_on_commit_callbacks):
    original = rich_message()
    with django_capture_on_commit_callbacks(execute=True):
        original.send()
    assert mail.outbox == [] and email_tasks().get().status == "READY"
    run_worker()
    [delivered] = mail.outbox
    assert_same_message(delivered, original)
    assert email_tasks().get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_mail_server_outage_keeps_the_email_queued_and_it_is_delivered_once_when_the_server_returns(
    database_queue, mail_server, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Your page was approved", "Body", None, ["edith@luton.gov.uk"])
    mail_server.down = True
    before = timezone.now()
    with captured_logs("mail") as logs:
        run_worker()
    assert mail.outbox == []
    first, retry = email_tasks()
    assert first.status == "SUCCESSFUL" and first.return_value["delivered"] is False
    assert "SMTPServerDisconnected" in first.return_value["error"]
    assert retry.status == "READY" and retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after >= before + datetime.timedelta(seconds=retry_delay(1))
    assert "attempt 1 of 10" in "\n".join(logs) and "edith" not in "\n".join(logs)

    # The retry waits for its time, even with the server back.
    mail_server.down = False
    run_worker()
    assert mail.outbox == []

    make_due(retry)
    run_worker()
    run_worker()
    [message] = mail.outbox
    assert message.subject == "Your page was approved" and message.to == ["edith@luton.gov.uk"]
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL" and retry.return_value == {"delivered": True, "attempt": 2}


def test_retry_delays_double_up_to_the_limit(settings):
    settings.EMAIL_RETRY_FIRST_DELAY = 60
    settings.EMAIL_RETRY_MAX_DELAY = 600
    assert [retry_delay(attempt) for attempt in range(1, 7)] == [60, 120, 240, 480, 600, 600]


@pytest.mark.django_db(transaction=True)
def test_email_that_fails_every_attempt_is_kept_and_can_be_resent(
    database_queue, mail_server, run_worker, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_DELIVERY_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Review reminder", "Body", None, ["asha@luton.gov.uk"])
    mail_server.down = True
    run_worker()
    make_due(email_tasks().get(status="READY"))
    with captured_logs("mail") as logs:
        run_worker()
    assert "not delivered after 2 attempts" in "\n".join(logs)
    failed = email_tasks().get(status="FAILED")
    assert failed.exception_class_path == "mail.tasks.EmailNotDelivered"
    assert not email_tasks().filter(status="READY").exists()

    listing = io.StringIO()
    call_command("resend_failed_emails", stdout=listing)
    assert "'Review reminder' to 1 recipient: asha@luton.gov.uk" in listing.getvalue()
    assert "1 email not delivered." in listing.getvalue()

    mail_server.down = False
    call_command("resend_failed_emails", "--resend", stdout=io.StringIO())
    assert not email_tasks().filter(status="FAILED").exists()
    run_worker()
    [message] = mail.outbox
    assert message.to == ["asha@luton.gov.uk"] and message.subject == "Review reminder"
    call_command("resend_failed_emails", "--resend", stdout=io.StringIO())
    run_worker()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_resend_refuses_when_the_queue_is_not_in_the_database():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="does not keep tasks in the database"):
        call_command("resend_failed_emails", stdout=io.StringIO())
