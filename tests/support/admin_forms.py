"""POST data for the Wagtail admin's page forms, in the shape the real editor submits, for every page type."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

ADMIN_DATETIME = "%d/%m/%Y %H:%M"


def list_block(values):
    """Form data for a ListBlock, the list-of-children counterpart of `streamfield`."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


def text(paragraph):
    return ("text", rich_text(f"<p>{paragraph}</p>"))


def page_form(title, **fields):
    """Everything the page edit form submits, with the fields of one page type on top."""
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": f"What {title} is about, in a sentence.",
            "listing_image": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "next_review_date": "",
            "comments": inline_formset([]),
            **fields,
        }
    )


def local(when):
    return timezone.localtime(when).strftime(ADMIN_DATETIME)


def event_times():
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=14)
    return {"start": local(start), "end": local(start + datetime.timedelta(hours=3))}


# One realistic form per page type, keyed by (app_label, model_name).
PAGE_FORMS = {
    ("pages", "homepage"): lambda: page_form(
        "Luton's Health Equity Town",
        intro=rich_text("<p>Health equity means everyone has a fair chance to lead a healthy life.</p>"),
        body=streamfield([text("Luton became a Marmot Town in 2021.")]),
        case_study_call_heading="Share your work",
        case_study_call_text="Tell us how your organisation is tackling health inequalities in Luton.",
    ),
    ("pages", "standardpage"): lambda: page_form(
        "HET activities", body=streamfield([text("Workshops, conferences and HealthFest.")])
    ),
    ("pages", "policyobjectiveindexpage"): lambda: page_form(
        "Marmot policy objectives", intro=rich_text("<p>The eight Marmot policy objectives.</p>")
    ),
    ("pages", "policyobjectivepage"): lambda: page_form(
        "Give every child the best start in life", body=streamfield([text("What this means for Luton.")])
    ),
    ("pages", "priorityindexpage"): lambda: page_form(
        "Luton 2040 priorities", intro=rich_text("<p>The five Luton 2040 priorities.</p>")
    ),
    ("pages", "prioritypage"): lambda: page_form(
        "A healthy, happy and fair town", body=streamfield([text("Everyone can thrive.")])
    ),
    ("pages", "subgroupindexpage"): lambda: page_form(
        "Driving change", intro=rich_text("<p>The subgroups leading the work.</p>")
    ),
    ("pages", "subgrouppage"): lambda: page_form(
        "Housing and health",
        body=streamfield([]),
        work_areas=streamfield(
            [("work_area", {"title": "Family Hubs programme", "points": list_block(["Support for families."])})]
        ),
    ),
    ("news", "newsindexpage"): lambda: page_form("News", intro=rich_text("<p>News from HET.</p>")),
    ("news", "newspage"): lambda: page_form(
        "ShinyMind app launched", date="01/06/2024", body=streamfield([text("A wellbeing app for staff.")])
    ),
    ("events", "eventindexpage"): lambda: page_form("What's on", intro=rich_text("<p>Events.</p>")),
    ("events", "eventpage"): lambda: page_form(
        "HealthFest",
        **event_times(),
        venue="Venue 360",
        address="Venue 360, Luton LU1 1AA",
        cost="Free",
        step_free_access="on",
        body=streamfield([text("A day of activities for all the family.")]),
    ),
    ("case_studies", "casestudyindexpage"): lambda: page_form(
        "Case studies", intro=rich_text("<p>Partners' work.</p>")
    ),
    ("case_studies", "casestudypage"): lambda: page_form(
        "Period poverty project",
        partner_organisation="Noah Enterprise",
        body=streamfield([text("Free period products in community venues.")]),
        outcomes=rich_text("<p>More than 300 people helped.</p>"),
    ),
}


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def form_for(model):
    return PAGE_FORMS[(model._meta.app_label, model._meta.model_name)]()


def owned(client, data):
    """The browser also submits the owner select, which starts as the person creating the page."""
    return {"owner": client.session["_auth_user_id"], **data}


def create_page(client, model, parent, data=None, action="action-publish"):
    """Submit the admin's add form; returns the response and the new page (None if the form was rejected)."""
    data = owned(client, data or form_for(model))
    if action:
        data[action] = action
    response = client.post(add_url(model, parent), data)
    page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
    return response, page


def form_errors(response):
    """The form and formset errors shown to the editor, for assertion messages."""
    if response.context is None or "form" not in response.context:
        return f"status {response.status_code}, no form"
    form = response.context["form"]
    return {"form": form.errors, "formsets": {name: fs.errors for name, fs in form.formsets.items()}}


def edit_page(client, page, data=None, action="action-publish"):
    """Submit the admin's edit form for an existing page, as its current owner would."""
    data = {"owner": page.owner_id or client.session["_auth_user_id"], **(data or form_for(page.specific_class))}
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def workflow_action(client, page, action, **data):
    """A moderator's button on a page in moderation: 'approve', or 'reject' (Request changes) with a comment."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)
