"""The case study form's tests: what the form needs on a site from build_site, a good answer, photos, logs."""

import contextlib
import io
import logging

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import GroupApprovalTask, Page, Site, Workflow, WorkflowPage, WorkflowTask

from pages.factories import PolicyObjectivePageFactory, StandardPageFactory, SubgroupPageFactory
from pages.models import PolicyObjectivePage, SubgroupPage
from site_settings.models import SiteSettings
from tests.support.people import make_officer

OBJECTIVES = [
    "Give every child the best start in life",
    "Enable all children, young people and adults to maximise their capabilities",
    "Create fair employment and good work for all",
    "Ensure a healthy standard of living for all",
    "Create and develop healthy and sustainable places and communities",
    "Strengthen the role and impact of ill health prevention",
    "Tackle racism, discrimination and their outcomes",
    "Pursue environmental sustainability and health equity together",
]
SUBGROUPS = ["Housing and health", "Children and young people", "Employment and skills", "Healthy places"]
TEAM_EMAIL = "public.health@luton.example"
# The form's address: the `submit/` route of the test site's case studies page, whose slug is "case-studies".
SUBMIT_URL = "/case-studies/submit/"


def het_moderation_workflow():
    """The 'HET moderation' workflow: one approval by the Moderators group, covering the whole site."""
    workflow = Workflow.objects.filter(name="HET moderation").first()
    if workflow:
        return workflow
    moderators = Group.objects.get_or_create(name="Moderators")[0]
    task = GroupApprovalTask.objects.create(name="Moderators approve")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="HET moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    return workflow


def prepare_case_study_form(site_tree):
    """Adds what the form needs to a SiteTree from build_site: eight objectives, four subgroups, a privacy notice,
    the team's email address, a moderator and the moderation workflow. Returns the SiteTree's pages with
    "objectives_list", "subgroups_list", "privacy", "moderator" and "workflow" added."""
    objectives = [PolicyObjectivePageFactory(parent=site_tree["objectives"], title=title) for title in OBJECTIVES]
    subgroups = [SubgroupPageFactory(parent=site_tree["subgroups"], title=title) for title in SUBGROUPS]
    privacy = StandardPageFactory(parent=site_tree["home"], title="Privacy notice", slug="privacy")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.public_health_team_email = TEAM_EMAIL
    settings.contact_email = "het@luton.example"
    settings.privacy_page = privacy
    settings.save()
    moderator = make_officer("moderator", "Moderators", email="moderator@luton.example")
    return {
        **site_tree,
        "objectives_list": objectives,
        "subgroups_list": subgroups,
        "privacy": privacy,
        "moderator": moderator,
        "workflow": het_moderation_workflow(),
    }


def valid_data(site, **overrides):
    data = {
        "organisation_name": "Noah Enterprise",
        "submitter_name": "Sam Patel",
        "email": "sam.patel@noah.example",
        "phone": "01582 000000",
        "title": "Welfare support for people who are homeless",
        "summary": "We helped people who are homeless get the benefits and health care they are entitled to.",
        "what_they_did": "We ran weekly drop-ins at the day centre.\n\nVolunteers helped people fill in forms.",
        "difference_made": "120 people got support.\nMost now see a GP regularly.",
        "policy_objectives": [str(site["objectives_list"][3].pk), str(site["objectives_list"][5].pk)],
        "subgroup": str(site["subgroups_list"][0].pk),
        "photo_description": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_bytes(image_format="JPEG", size=(320, 200), colour=(20, 120, 90), **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format, **save_options)
    return buffer.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def partner_emails(outbox, address="sam.patel@noah.example"):
    return [message for message in outbox if message.to == [address]]


@contextlib.contextmanager
def captured_logs(name):
    """The text of everything logged under `name` (the tests run without pytest's logging plugin)."""
    records = []
    handler = logging.Handler(level=logging.DEBUG)
    handler.emit = lambda record: records.append(f"{record.levelname} {record.getMessage()}")
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def submit_on_loaded_site(objective_count=1):
    """Sam Patel of Noah Enterprise sends in a case study on the site `load_het_content` built; returns the
    submission, whose draft page is in the moderation workflow."""
    from case_studies.models import CaseStudyIndexPage

    return CaseStudyIndexPage.objects.get().receive_submission(
        {
            "organisation_name": "Noah Enterprise",
            "submitter_name": "Sam Patel",
            "email": "sam.patel@noah.example",
            "phone": "01582 000000",
            "title": "Welfare support for people who are homeless",
            "summary": "We helped people who are homeless get the benefits they are entitled to.",
            "what_they_did": "We ran weekly drop-ins at the day centre.",
            "difference_made": "120 people got support.",
            "policy_objectives": list(PolicyObjectivePage.objects.order_by("path")[:objective_count]),
            "subgroup": SubgroupPage.objects.order_by("path").first(),
        }
    )
