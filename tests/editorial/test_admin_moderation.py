"""Editors write, Moderators approve: nothing an editor does reaches the live site until a moderator says so."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Site, WorkflowPage, WorkflowState

from pages.factories import StandardPageFactory
from pages.models import StandardPage
from tests.support.admin_forms import client_for, create_page, edit_page, form_errors, form_for, workflow_action

pytestmark = pytest.mark.django_db


def submit_new_page(editor, home, title="Community health champions"):
    data = form_for(StandardPage)
    data.update(title=title, slug="community-health-champions")
    response, page = create_page(client_for(editor), StandardPage, home, data, action="action-submit")
    assert page is not None, form_errors(response)
    return page


def test_migration_sets_up_the_roles_and_one_workflow_for_the_whole_site(home, editor, moderator):
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow.name == "HET moderation"
    workflow = home.get_workflow()
    assert workflow.name == "HET moderation" and workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask) and task.name == "Moderator approval"
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    # A page created in code (as case study submissions are) is covered too.
    assert StandardPageFactory(parent=home).get_workflow() == workflow

    page = StandardPageFactory(parent=home)
    editor_can = page.permissions_for_user(editor)
    moderator_can = page.permissions_for_user(moderator)
    assert editor_can.can_edit() and not editor_can.can_publish() and not editor_can.can_unpublish()
    assert moderator_can.can_edit() and moderator_can.can_publish() and moderator_can.can_unpublish()
    assert moderator_can.can_lock() and not editor_can.can_lock()
    assert moderator.has_perm("site_settings.change_sitesettings")
    assert moderator.has_perm("site_settings.change_navigationsettings")
    assert not editor.has_perm("site_settings.change_sitesettings")
    assert moderator.has_perm("wagtailredirects.add_redirect") and not editor.has_perm("wagtailredirects.add_redirect")
    for user in (editor, moderator):
        assert user.has_perm("wagtailadmin.access_admin")
    media = {
        (group, p.permission.codename)
        for group in ("Editors", "Moderators")
        for p in Group.objects.get(name=group).collection_permissions.all()
    }
    for kind in ("image", "document"):
        for action in ("add", "change", "choose"):
            assert ("Editors", f"{action}_{kind}") in media and ("Moderators", f"{action}_{kind}") in media
        assert ("Moderators", f"delete_{kind}") in media and ("Editors", f"delete_{kind}") not in media


def test_editor_submits_a_new_page_and_moderators_are_emailed(
    home, editor, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_new_page(editor, home)
        # Wagtail sends its notices inside the request's transaction; they wait in the queue until it commits.
        assert mail.outbox == []
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    [notice] = [message for message in mail.outbox if moderator.email in message.to]
    assert "Community health champions" in notice.subject and "submitted" in notice.subject
    assert notice.from_email == settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL
    assert f"/admin/pages/{page.pk}/edit/" in notice.body
    assert not [message for message in mail.outbox if editor.email in message.to]


def test_editor_cannot_publish_directly(client, home, editor):
    response, page = create_page(client_for(editor), StandardPage, home, action="action-publish")
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    assert not page.live and page.first_published_at is None
    assert client.get("/het-activities/").status_code == 404

    live = StandardPageFactory(parent=home, title="Contact us", slug="contact-us")
    data = form_for(StandardPage)
    data.update(title="Contact the team", slug="contact-us")
    edit_page(client_for(editor), live, data, action="action-publish")
    live.refresh_from_db()
    assert live.title == "Contact us" and live.has_unpublished_changes
    assert "Contact us" in client.get("/contact-us/").content.decode()


def test_moderator_approves_and_the_page_goes_live(client, home, editor, moderator, django_capture_on_commit_callbacks):
    page = submit_new_page(editor, home)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client_for(moderator), page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get("/community-health-champions/").status_code == 200
    assert page.current_workflow_state is None
    [notice] = mail.outbox
    assert notice.to == [editor.email] and "approved" in notice.subject


def test_moderator_sends_changes_back_with_a_comment(home, editor, moderator, django_capture_on_commit_callbacks):
    page = submit_new_page(editor, home)
    comment = "Please add the venue's postcode and who to contact."
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client_for(moderator), page, "reject", comment=comment)
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [notice] = mail.outbox
    assert notice.to == [editor.email]
    assert comment in notice.body
    # The comment is shown to the editor on the page's moderation history too.
    history = client_for(editor).get(reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]))
    assert history.status_code == 200 and "venue&#x27;s postcode" in history.content.decode()


def test_an_edit_to_a_live_page_waits_for_approval(client, home, editor, moderator):
    page = StandardPageFactory(parent=home, title="HET activities", slug="het-activities")
    data = form_for(StandardPage)
    data["title"] = "HET activities in 2025"
    edit_page(client_for(editor), page, data, action="action-submit")
    assert "HET activities in 2025" not in client.get("/het-activities/").content.decode()
    page.refresh_from_db()
    workflow_action(client_for(moderator), page, "approve")
    assert "HET activities in 2025" in client.get("/het-activities/").content.decode()


def test_moderator_publishes_and_unpublishes_directly_and_an_editor_cannot_unpublish(client, home, editor, moderator):
    response, page = create_page(client_for(moderator), StandardPage, home)
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    assert page.live

    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    client_for(editor).post(unpublish_url)
    page.refresh_from_db()
    assert page.live

    client_for(moderator).post(unpublish_url)
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url or "/het-activities/").status_code == 404


def test_site_settings_navigation_redirects_and_promotions_are_for_moderators(home, editor, moderator):
    site = Site.objects.get(is_default_site=True)
    urls = [
        reverse("wagtailsettings:edit", args=["site_settings", "sitesettings", site.pk]),
        reverse("wagtailsettings:edit", args=["site_settings", "navigationsettings", site.pk]),
        reverse("wagtailredirects:index"),
        reverse("wagtailsearchpromotions:index"),
    ]
    for url in urls:
        assert client_for(moderator).get(url).status_code == 200, url
        assert client_for(editor).get(url).status_code != 200, url

    data = {
        "contact_email": "het@luton.gov.uk",
        "contact_phone": "01582 546000",
        "contact_address": "Town Hall, Luton LU1 2BQ",
        "public_health_team_email": "publichealth@luton.gov.uk",
        "newsletter_url": "https://www.luton.gov.uk/newsletter",
        "accessibility_page": "",
        "privacy_page": "",
        "contact_page": "",
        "alert_level": "info",
        "alert_message": "",
        "alert_link": "",
        "alert_ends_at": "",
    }
    response = client_for(moderator).post(urls[0], data)
    assert response.status_code == 302
    from site_settings.models import SiteSettings

    assert SiteSettings.for_site(site).contact_email == "het@luton.gov.uk"


def test_both_roles_read_visitor_feedback_and_only_moderators_delete_it(home, editor, moderator):
    url = reverse("page_feedback:index")
    assert client_for(editor).get(url).status_code == 200
    assert client_for(moderator).get(url).status_code == 200
    assert moderator.has_perm("feedback.delete_pagefeedback")
    assert not editor.has_perm("feedback.delete_pagefeedback")
