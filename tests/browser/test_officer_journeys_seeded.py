"""Officers work on the pages that ship with the site (load_het_content), from editing to publishing.

An Editor edits a seeded objective page and submits it; a Moderator hands it to a new owner while approving it; a
Moderator finds out who sent a partner's case study from its draft page.
"""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from pages.models import PolicyObjectivePage
from tests.browser.conftest import LIVE_DATABASE
from tests.support.case_studies import submit_on_loaded_site
from tests.support.people import PASSWORD, make_officer

pytestmark = [pytest.mark.browser, LIVE_DATABASE]


@pytest.fixture
def officers(het_site):
    return {
        username: make_officer(username, group, first_name=name, last_name="Officer")
        for username, group, name in [("edith", "Editors", "Edith"), ("morris", "Moderators", "Morris")]
    }


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def choose_action(page, name):
    """Open the menu next to the editor's main button and choose an action in it."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=name).click()


def test_editor_submits_a_seeded_page_and_a_moderator_approves_it_with_a_new_owner(officers, page):
    objective = PolicyObjectivePage.objects.order_by("path").first()
    team = objective.owner

    log_in(page, "edith")
    page.goto(f"/admin/pages/{objective.pk}/edit/")
    page.get_by_role("textbox", name="Summary").fill("What giving every child the best start in life means in Luton.")
    choose_action(page, "Submit to HET moderation")
    expect(page.get_by_text("has been submitted for moderation")).to_be_visible()
    expect(page.get_by_text("Choose who looks after this page")).to_have_count(0)
    assert Page.objects.get(pk=objective.pk).workflow_in_progress

    page.context.clear_cookies()
    log_in(page, "morris")
    page.goto(f"/admin/pages/{objective.pk}/edit/")
    page.get_by_role("tab", name="Settings").click()
    page.get_by_role("combobox", name="Owner").select_option(str(officers["edith"].pk))
    choose_action(page, "Approve and Publish")
    # Approving sends the moderator back to the section's page listing.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_text("Choose who looks after this page")).to_have_count(0)

    objective = PolicyObjectivePage.objects.get(pk=objective.pk)
    assert objective.live and not objective.has_unpublished_changes and not objective.workflow_in_progress
    assert objective.summary == "What giving every child the best start in life means in Luton."
    assert objective.owner == officers["edith"] != team


def test_moderator_opens_who_sent_a_case_study_from_its_draft(officers, page):
    submission = submit_on_loaded_site(1)

    log_in(page, "morris")
    page.goto(f"/admin/pages/{submission.page_id}/edit/")
    panel = page.locator("[data-panel]", has_text="Sent in through the website's case study form").first
    for detail in [submission.reference, "Sam Patel", "sam.patel@noah.example", "01582 000000"]:
        expect(panel).to_contain_text(detail)
    panel.get_by_role("link", name=f"See the whole submission {submission.reference}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(submission.reference)
    expect(page.get_by_text("sam.patel@noah.example").first).to_be_visible()
