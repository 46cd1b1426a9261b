"""Making a partner's case study submission into a draft page: its slug, its text as HTML, its photo, and the
moderation workflow it enters. Used by CaseStudyIndexPage.receive_submission (case_studies/models.py).

Log messages here name submissions by reference only: partners' names and addresses never go to the logs.
"""

import logging
import secrets

from django.core.files.base import ContentFile
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText

from core.models import HETImage
from core.models.base import default_review_date
from editorial.ownership import team_account

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


def create_draft_page(submission, index, page_model):
    """The submission as a draft `page_model` (CaseStudyPage) under `index`, owned by the Public Health team."""
    page = page_model(
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
