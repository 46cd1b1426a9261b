"""The emails about a partner's case study submission: the notice to the Public Health team, the acknowledgement,
and the outcome once a moderator decides. Sent when a submission is received (signal_handlers.py).

Log messages here name submissions by reference only: partners' names and addresses never go to the logs.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from case_studies.models import CaseStudySubmission
from core.text import clean_line
from site_settings.models import SiteSettings

logger = logging.getLogger(__name__)


def contact_email():
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).contact_email if site else ""


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def send_email(submission, which, subject, template, recipient, context, reply_to=None):
    """Queue one email about a submission; True once it is queued.

    The email queue (mail/) delivers it and tries again while the mail server is down, so what can fail here is
    only what stops the email being written: no address to send to, a template or header error. Such failures
    are recorded on the submission for officers and logged, never raised to the partner.
    """
    if not recipient:
        logger.error("%s for case study submission %s was not sent: no address", which, submission.reference)
        submission.record_email_problem(
            f"{which} not sent: no address. Set the Public Health team email in Settings, Site settings "
            "(or CASE_STUDY_NOTIFY_EMAIL on the server)."
        )
        return False
    try:
        body = render_to_string(template, {"submission": submission, "contact_email": contact_email(), **context})
        # A header cannot hold a line break (Django raises BadHeaderError) or other control characters.
        EmailMessage(clean_line(subject), body, to=[recipient], reply_to=reply_to).send()
    except Exception as error:
        logger.exception("%s for case study submission %s was not sent", which, submission.reference)
        submission.record_email_failure(which, error)
        return False
    return True


def send_submission_emails(submission_pk, notice_recipient):
    submission = CaseStudySubmission.objects.select_related("page").get(pk=submission_pk)
    notice_recipient = notice_recipient or settings.CASE_STUDY_NOTIFY_EMAIL
    context = {
        "page_admin_url": admin_url("wagtailadmin_pages:edit", submission.page_id) if submission.page_id else "",
        "submissions_admin_url": admin_url(CaseStudySubmission.snippet_viewset.get_url_name("list")),
        "objectives": [page.title for page in submission.policy_objectives.order_by("path")],
    }
    now = timezone.now()
    if send_email(
        submission,
        "Notice to the Public Health team",
        f"New case study submission {submission.reference}",
        "case_studies/emails/team_notice.txt",
        notice_recipient,
        context,
        reply_to=[submission.email],
    ):
        CaseStudySubmission.objects.filter(pk=submission.pk).update(notice_sent_at=now)
    if send_email(
        submission,
        "Acknowledgement to the partner",
        f"We have received your case study ({submission.reference})",
        "case_studies/emails/acknowledgement.txt",
        submission.email,
        context,
    ):
        CaseStudySubmission.objects.filter(pk=submission.pk).update(acknowledgement_sent_at=now)


OUTCOME_EMAILS = {
    CaseStudySubmission.STATUS_PUBLISHED: (
        "Your case study has been published ({reference})",
        "case_studies/emails/outcome_published.txt",
    ),
    CaseStudySubmission.STATUS_REJECTED: (
        "About your case study ({reference})",
        "case_studies/emails/outcome_rejected.txt",
    ),
}


def record_decision(page_id, status):
    """Called when a moderator publishes or rejects a submitted page. Emails the partner once per decision."""
    submission = CaseStudySubmission.objects.filter(page_id=page_id).first()
    if submission is None or not submission.mark_decided(status):
        return
    if status not in OUTCOME_EMAILS or submission.personal_data_erased_at or submission.outcome_emailed == status:
        return
    transaction.on_commit(lambda: send_outcome_email(submission.pk, status))


def send_outcome_email(submission_pk, status):
    submission = CaseStudySubmission.objects.select_related("page").get(pk=submission_pk)
    if submission.outcome_emailed == status or not submission.email:
        return
    subject, template = OUTCOME_EMAILS[status]
    page_url = submission.page.full_url if submission.page and submission.page.live else ""
    if send_email(
        submission,
        "Decision email to the partner",
        subject.format(reference=submission.reference),
        template,
        submission.email,
        {"page_url": page_url},
    ):
        CaseStudySubmission.objects.filter(pk=submission.pk).update(
            outcome_emailed=status, outcome_emailed_at=timezone.now()
        )
