"""Turning a public case study submission into a draft page in the moderation queue, and the emails about it.

Log messages here name submissions by reference only: partners' names and addresses never go to the logs.
"""

import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from case_studies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudySubmission
from core.models import HETImage
from core.models.base import default_review_date
from core.text import clean_line
from editorial.ownership import team_account
from site_settings.models import SiteSettings

logger = logging.getLogger(__name__)

PARTNER_COLLECTION_NAME = "Partner submissions"
SLUG_MAX_LENGTH = 80
# Slugs that would clash with the form's own addresses under /case-studies/.
RESERVED_SLUGS = {"submit"}


def text_to_html(text):
    """Paragraphs of escaped text: whatever a partner types is shown as text, never run as HTML."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in part.split("\n"))) for part in paragraphs if part
    )


def page_slug(title, reference, parent):
    """A slug from the title, or from the reference when the title has no Latin letters (Urdu, for example)."""
    base = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or f"case-study-{reference.lower()}"
    if base in RESERVED_SLUGS or Page.objects.child_of(parent).filter(slug=base).exists():
        return f"{base}-{reference.lower()}"
    return base


def partner_collection():
    # Lock the root collection first, so two submissions cannot both create the collection.
    root = Collection.objects.select_for_update().filter(depth=1).order_by("path").first()
    existing = root.get_children().filter(name=PARTNER_COLLECTION_NAME).first()
    return existing or root.add_child(name=PARTNER_COLLECTION_NAME)


def save_photo(submission, clean_photo, description):
    image = HETImage(
        title=submission.title[:255],
        description=description,
        collection=partner_collection(),
        width=clean_photo.width,
        height=clean_photo.height,
    )
    # Media files are served to anyone who knows the address; a random part keeps unpublished photos unguessable.
    filename = f"{submission.reference.lower()}-{secrets.token_hex(8)}.{clean_photo.extension}"
    image.file.save(filename, ContentFile(clean_photo.content), save=False)
    image.width, image.height = clean_photo.width, clean_photo.height
    image._set_image_file_metadata()
    image.save()
    return image


def create_draft_page(submission, index):
    page = CaseStudyPage(
        title=submission.title,
        slug=page_slug(submission.title, submission.reference, index),
        summary=submission.summary,
        partner_organisation=submission.organisation_name,
        body=[("text", RichText(text_to_html(submission.what_they_did)))],
        outcomes=text_to_html(submission.difference_made),
        listing_image=submission.photo,
        live=False,
        owner=team_account(),
        next_review_date=default_review_date(),
    )
    page.policy_objectives = list(submission.policy_objectives.all())
    page.subgroups = [submission.subgroup] if submission.subgroup else []
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


def start_moderation(page, submission):
    workflow = page.get_workflow()
    if workflow is None:
        logger.warning(
            "No moderation workflow covers case study pages; submission %s is a draft only", submission.reference
        )
        return
    # Started in the name of the page's owner, the Public Health team's account, so the dashboard's "submitted
    # by" says who the draft is with; the partner behind it is shown on the draft page itself. Wagtail's notices
    # to moderators are only queued here (mail/backends.py), so a mail server outage cannot stop the workflow.
    workflow.start(page, user=page.owner)


@transaction.atomic
def create_submission(data, notice_recipient="", index=None):
    """Store the submission and its draft page together, then email once the transaction has committed.

    The draft goes under `index`, the CaseStudyIndexPage whose form was sent (by default the first in the tree)."""
    # Lock the index page so submissions arriving together take turns to add their pages to the tree.
    indexes = CaseStudyIndexPage.objects.select_for_update()
    index = indexes.filter(pk=index.pk).first() if index else indexes.order_by("path").first()
    submission = CaseStudySubmission.objects.create(
        organisation_name=data["organisation_name"],
        submitter_name=data["submitter_name"],
        email=data["email"],
        phone=data.get("phone", ""),
        title=data["title"],
        summary=data["summary"],
        what_they_did=data["what_they_did"],
        difference_made=data["difference_made"],
        subgroup=data.get("subgroup"),
        photo_description=data.get("photo_description", "") if data.get("photo") else "",
        consent_given_at=timezone.now(),
    )
    submission.policy_objectives.set(data.get("policy_objectives") or [])
    if data.get("photo"):
        submission.photo = save_photo(submission, data["photo"], data["photo_description"])
    if index is None:
        logger.error("There is no case studies section, so submission %s has no draft page", submission.reference)
    else:
        submission.page = create_draft_page(submission, index)
        start_moderation(submission.page, submission)
    submission.save(update_fields=["photo", "page"])
    transaction.on_commit(lambda: send_submission_emails(submission.pk, notice_recipient))
    return submission


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
