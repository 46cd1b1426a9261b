"""A submission becomes a draft page in the moderation queue; emails go out; decisions reach the partner."""

import datetime
import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Collection, TaskState, WorkflowState

from case_studies.models import CaseStudyPage, CaseStudySubmission
from tests.support.case_studies import (
    SUBMIT_URL,
    TEAM_EMAIL,
    captured_logs,
    image_bytes,
    partner_emails,
    prepare_case_study_form,
    upload,
    valid_data,
)


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that accepts the connection and then refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"sam.patel@noah.example": (550, b"Mailbox unavailable")})


class UnreachableEmailBackend(BaseEmailBackend):
    """A mail server whose login fails, so even opening a connection raises."""

    def open(self):
        raise smtplib.SMTPAuthenticationError(535, b"Authentication failed")

    def send_messages(self, email_messages):
        self.open()


def submit(client, data, capture):
    with capture(execute=True):
        return client.post(SUBMIT_URL, data)


@pytest.mark.django_db
def test_good_path_makes_a_draft_in_the_moderation_queue(client, site, django_capture_on_commit_callbacks):
    photo = upload(image_bytes(), "our-drop-in.jpg")
    response = submit(
        client,
        valid_data(site, photo=photo, photo_description="Volunteers at the drop-in desk"),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    submission = CaseStudySubmission.objects.get()
    assert submission.reference == f"HET-{timezone.now().year}-{submission.pk:06d}"

    confirmation = client.get(response["Location"])
    html = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert "Case study sent" in html and submission.reference in html

    page = submission.page
    assert isinstance(page, CaseStudyPage)
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().specific == site["case_studies"]
    assert page.title == "Welfare support for people who are homeless"
    assert page.partner_organisation == "Noah Enterprise"
    assert page.slug == "welfare-support-for-people-who-are-homeless"
    assert set(page.policy_objectives.all()) == {site["objectives_list"][3], site["objectives_list"][5]}
    assert list(page.subgroups.all()) == [site["subgroups_list"][0]]
    assert page.body[0].block_type == "text"
    assert page.body[0].value.source == (
        "<p>We ran weekly drop-ins at the day centre.</p><p>Volunteers helped people fill in forms.</p>"
    )
    assert page.outcomes == "<p>120 people got support.<br/>Most now see a GP regularly.</p>"
    assert page.listing_image.description == "Volunteers at the drop-in desk"
    assert page.listing_image.collection.name == "Partner submissions"
    assert submission.photo == page.listing_image

    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.workflow == site["workflow"] and state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state in TaskState.objects.reviewable_by(site["moderator"])

    client.force_login(site["moderator"])
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and page.title in dashboard

    notice = [message for message in mail.outbox if message.to == [TEAM_EMAIL]]
    acknowledgement = partner_emails(mail.outbox)
    assert len(notice) == 1 and len(acknowledgement) == 1
    assert submission.reference in notice[0].subject and notice[0].reply_to == ["sam.patel@noah.example"]
    assert "sam.patel@noah.example" in notice[0].body and f"/admin/pages/{page.pk}/edit/" in notice[0].body
    assert submission.reference in acknowledgement[0].body and "Dear Sam Patel" in acknowledgement[0].body
    submission.refresh_from_db()
    assert submission.notice_sent_at and submission.acknowledgement_sent_at and not submission.email_failed_at


@pytest.mark.django_db
def test_notice_falls_back_to_the_configured_address(client, site, settings, django_capture_on_commit_callbacks):
    from site_settings.models import SiteSettings

    SiteSettings.objects.update(public_health_team_email="")
    settings.CASE_STUDY_NOTIFY_EMAIL = "fallback@luton.example"
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    assert [message.subject for message in mail.outbox if message.to == ["fallback@luton.example"]]


@pytest.mark.django_db
def test_no_notice_address_is_recorded_for_officers(
    client, admin_client, site, settings, django_capture_on_commit_callbacks
):
    from site_settings.models import SiteSettings

    SiteSettings.objects.update(public_health_team_email="")
    settings.CASE_STUDY_NOTIFY_EMAIL = ""
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submission = CaseStudySubmission.objects.get()
    assert submission.email_failed_at and "Public Health team" in submission.email_error
    assert submission.acknowledgement_sent_at

    listing = admin_client.get("/admin/snippets/case_studies/casestudysubmission/?email_failed=true")
    assert listing.status_code == 200
    assert submission.reference in listing.content.decode()
    assert "Notice to the Public Health team not sent: no address. Set the Public Health team email in Settings" in (
        listing.content.decode()
    )
    clean = admin_client.get("/admin/snippets/case_studies/casestudysubmission/?email_failed=false")
    assert submission.reference not in clean.content.decode()


@pytest.mark.django_db
def test_second_page_with_the_same_title_gets_its_own_slug(client, site, django_capture_on_commit_callbacks):
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submit(client, valid_data(site, email="other@example.org"), django_capture_on_commit_callbacks)
    first, second = CaseStudySubmission.objects.order_by("pk")
    assert first.page.slug == "welfare-support-for-people-who-are-homeless"
    assert second.page.slug == f"welfare-support-for-people-who-are-homeless-{second.reference.lower()}"
    assert Collection.objects.filter(name="Partner submissions").count() == 0


@pytest.mark.django_db
def test_without_a_workflow_the_draft_is_still_saved(client, site, django_capture_on_commit_callbacks):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    with captured_logs("case_studies") as logs:
        submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submission = CaseStudySubmission.objects.get()
    assert submission.page and not submission.page.live
    assert not WorkflowState.objects.exists()
    text = "\n".join(logs)
    assert "No moderation workflow" in text and submission.reference in text
    assert "sam.patel" not in text


@pytest.mark.django_db
@override_settings(EMAIL_DELIVERY_BACKEND="tests.case_studies.test_case_study_submission_workflow.FailingEmailBackend")
def test_refused_emails_keep_the_submission_and_are_logged_without_personal_data(
    client, site, django_capture_on_commit_callbacks
):
    with captured_logs("mail") as logs:
        response = submit(client, valid_data(site), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    submission = CaseStudySubmission.objects.get()
    assert submission.page and TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()
    # The emails were written and queued; their delivery is the queue's to retry (tests/mail/test_mail_queue.py).
    assert submission.notice_sent_at and submission.acknowledgement_sent_at and not submission.email_failed_at
    text = "\n".join(logs)
    assert "SMTPRecipientsRefused" in text and f"We have received your case study ({submission.reference})" in text
    assert "sam.patel" not in text and "Sam Patel" not in text
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(
    EMAIL_DELIVERY_BACKEND="tests.case_studies.test_case_study_submission_workflow.UnreachableEmailBackend"
)
def test_unreachable_mail_server_still_starts_moderation(client, site, django_capture_on_commit_callbacks):
    response = submit(client, valid_data(site), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    submission = CaseStudySubmission.objects.get()
    assert submission.page and not submission.page.live
    # Wagtail's notice to moderators waits in the queue, so the draft still reaches the review queue.
    state = WorkflowState.objects.get(object_id=str(submission.page_id))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not submission.email_failed_at


@pytest.mark.django_db
def test_officers_see_submissions_with_contact_details(admin_client, client, site, django_capture_on_commit_callbacks):
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submission = CaseStudySubmission.objects.get()
    base = "/admin/snippets/case_studies/casestudysubmission/"
    listing = admin_client.get(base).content.decode()
    assert "sam.patel@noah.example" in listing and "Sam Patel" in listing
    assert submission.reference in admin_client.get(base + "?status=awaiting_review").content.decode()
    assert submission.reference not in admin_client.get(base + "?status=published").content.decode()
    inspect = admin_client.get(f"{base}inspect/{submission.pk}/")
    assert inspect.status_code == 200 and "01582 000000" in inspect.content.decode()
    # Submissions only come from the public form and stay as they were sent.
    for refused in (f"{base}add/", f"{base}edit/{submission.pk}/"):
        response = admin_client.get(refused)
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), refused


def approve(page, moderator):
    TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress").specific.approve(user=moderator)


def reject(page, moderator):
    TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress").specific.reject(user=moderator)


@pytest.mark.django_db
def test_publishing_emails_the_partner_once(client, site, django_capture_on_commit_callbacks):
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submission = CaseStudySubmission.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(submission.page, site["moderator"])
    page = CaseStudyPage.objects.get(pk=submission.page_id)
    assert page.live
    sent = partner_emails(mail.outbox)
    assert len(sent) == 1
    assert "published" in sent[0].subject and page.full_url in sent[0].body

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=site["moderator"]).publish(user=site["moderator"])
    assert len(partner_emails(mail.outbox)) == 1
    submission.refresh_from_db()
    assert submission.status == "published" and submission.decided_at and submission.outcome_emailed == "published"


@pytest.mark.django_db
def test_rejecting_emails_the_partner_once(client, site, django_capture_on_commit_callbacks):
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submission = CaseStudySubmission.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reject(submission.page, site["moderator"])
    sent = partner_emails(mail.outbox)
    assert len(sent) == 1
    assert submission.reference in sent[0].subject and "not publishing it as it stands" in sent[0].body
    submission.refresh_from_db()
    assert submission.status == "rejected" and not CaseStudyPage.objects.get(pk=submission.page_id).live

    # Sent back for review and rejected again: the partner has already been told.
    with django_capture_on_commit_callbacks(execute=True):
        WorkflowState.objects.get(object_id=str(submission.page_id)).resume(user=site["moderator"])
        reject(submission.page, site["moderator"])
    assert len(partner_emails(mail.outbox)) == 1


@pytest.mark.django_db
def test_deleting_the_draft_counts_as_a_decision(client, site, django_capture_on_commit_callbacks):
    submit(client, valid_data(site), django_capture_on_commit_callbacks)
    submission = CaseStudySubmission.objects.get()
    mail.outbox.clear()
    submission.page.delete()
    submission.refresh_from_db()
    assert submission.status == "page_deleted" and submission.decided_at and submission.page is None
    assert not partner_emails(mail.outbox)


def make_submission(status, decided_days_ago=None, **fields):
    decided_at = timezone.now() - datetime.timedelta(days=decided_days_ago) if decided_days_ago is not None else None
    return CaseStudySubmission.objects.create(
        organisation_name="Noah Enterprise",
        submitter_name="Sam Patel",
        email="sam.patel@noah.example",
        phone="01582 000000",
        title="A case study",
        summary="Summary",
        what_they_did="What they did",
        difference_made="Difference",
        consent_given_at=timezone.now() - datetime.timedelta(days=500),
        status=status,
        decided_at=decided_at,
        **fields,
    )


@pytest.mark.django_db
def test_retention_command_erases_only_decided_submissions_past_the_period(settings):
    settings.CASE_STUDY_RETENTION_DAYS = 365
    old_published = make_submission("published", 400)
    old_rejected = make_submission("rejected", 366)
    old_deleted = make_submission("page_deleted", 800)
    recent_published = make_submission("published", 30)
    waiting = make_submission("awaiting_review", submitted_at=timezone.now() - datetime.timedelta(days=900))

    call_command("purge_case_study_submissions", stdout=open("/dev/null", "w"))  # noqa: SIM115

    for submission in (old_published, old_rejected, old_deleted):
        submission.refresh_from_db()
        assert (submission.submitter_name, submission.email, submission.phone) == ("", "", "")
        assert submission.personal_data_erased_at is not None
        assert submission.title == "A case study" and submission.reference
    for submission in (recent_published, waiting):
        submission.refresh_from_db()
        assert submission.email == "sam.patel@noah.example" and submission.personal_data_erased_at is None


@pytest.mark.django_db
def test_retention_period_comes_from_settings(settings):
    settings.CASE_STUDY_RETENTION_DAYS = 20
    submission = make_submission("published", 30)
    call_command("purge_case_study_submissions", "--dry-run", stdout=open("/dev/null", "w"))  # noqa: SIM115
    submission.refresh_from_db()
    assert submission.email
    call_command("purge_case_study_submissions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    submission.refresh_from_db()
    assert submission.email == ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite allows one writer at a time and has no row locks; production and CI use PostgreSQL.",
)
def test_two_submissions_at_once_are_both_stored(site_tree):
    site = prepare_case_study_form(site_tree)
    barrier = threading.Barrier(2)
    results = []

    def send(number):
        try:
            barrier.wait(timeout=10)
            photo = upload(image_bytes(), f"photo-{number}.jpg")
            data = valid_data(
                site, email=f"partner{number}@example.org", photo=photo, photo_description="Volunteers at work"
            )
            results.append(Client(REMOTE_ADDR=f"10.0.0.{number}").post(SUBMIT_URL, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(number,)) for number in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == [302, 302]
    submissions = CaseStudySubmission.objects.order_by("pk")
    assert len(submissions) == 2
    assert len({submission.reference for submission in submissions}) == 2
    assert all(submission.page_id for submission in submissions)
    assert len({submission.page.slug for submission in submissions}) == 2
    assert Collection.objects.filter(name="Partner submissions").count() == 1
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() == 2


def test_mistyped_settings_are_caught_at_start_up(settings):
    from case_studies.checks import check_case_study_settings

    settings.CASE_STUDY_RATE_LIMIT = "five an hour"
    settings.CASE_STUDY_RETENTION_DAYS = 0
    assert [error.id for error in check_case_study_settings(None)] == ["het.E401", "het.E402"]
    settings.CASE_STUDY_RATE_LIMIT = "10/minute"
    settings.CASE_STUDY_RETENTION_DAYS = 365
    assert check_case_study_settings(None) == []
