"""Officers edit the pages that ship with the site: owners are kept on every path, and review covers every page.

Starts from the real content (load_het_content), as officers meet it.
"""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import streamfield

from case_studies.models import CaseStudyPage, CaseStudySubmission
from editorial.ownership import TEAM_USERNAME, spread_review_date
from editorial.review import overdue_pages, pages_missing_review
from editorial.views import editors_guide_html
from news.models import NewsPage
from pages.models import PolicyObjectivePage, SubgroupPage
from seed.loader import expected_counts, read_content
from tests.support.admin_forms import client_for, form_errors, page_form, text, workflow_action
from tests.support.case_studies import submit_on_loaded_site
from tests.support.people import make_officer
from tests.support.site import load_het_site


def seeded_form(page, owner, **fields):
    """The edit form of a seeded objective page as an officer sends it, with the owner select set to `owner`."""
    return {
        **page_form(page.title, slug=page.slug, body=streamfield([text("Updated by an officer.")]), **fields),
        "owner": str(owner.pk) if owner else "",
    }


def post_edit(user, page, data, action=None):
    if action:
        data = {**data, action: action}
    return client_for(user).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


class SeededContentTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_het_site()
        cls.editor = make_officer("edith", "Editors")
        cls.moderator = make_officer("morris", "Moderators")
        cls.colleague = make_officer("colin", "Editors")
        cls.objective = PolicyObjectivePage.objects.order_by("path").first()


class OwnerRulesTests(SeededContentTestCase):
    def latest_owner(self, page):
        return page.get_latest_revision_as_object().owner_id

    def test_a_page_with_no_owner_is_saved_with_the_officer_editing_it_as_owner(self):
        objectives = list(PolicyObjectivePage.objects.order_by("path")[:3])
        Page.objects.filter(pk__in=[page.pk for page in objectives]).update(owner=None)
        journeys = [(self.editor, None), (self.editor, "action-submit"), (self.moderator, "action-publish")]
        for page, (user, action) in zip(objectives, journeys, strict=True):
            with self.subTest(user=user.username, action=action):
                page = Page.objects.get(pk=page.pk)
                response = post_edit(user, page, seeded_form(page, None), action)
                assert response.status_code == 302, form_errors(response)
                assert self.latest_owner(Page.objects.get(pk=page.pk)) == user.pk

    def test_preview_of_a_page_with_no_owner_is_valid(self):
        Page.objects.filter(pk=self.objective.pk).update(owner=None)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.objective.pk])
        response = client_for(self.editor).post(url, seeded_form(self.objective, None))
        assert response.json()["is_valid"] is True

    def test_draft_keeps_the_chosen_owner_until_published(self):
        team = self.objective.owner
        response = post_edit(self.editor, self.objective, seeded_form(self.objective, self.colleague))
        assert response.status_code == 302, form_errors(response)
        edit = client_for(self.editor).get(reverse("wagtailadmin_pages:edit", args=[self.objective.pk]))
        assert edit.context["form"]["owner"].value() == self.colleague.pk
        assert Page.objects.get(pk=self.objective.pk).owner == team

    def test_owner_chosen_by_an_editor_is_kept_when_a_moderator_approves(self):
        response = post_edit(self.editor, self.objective, seeded_form(self.objective, self.colleague), "action-submit")
        assert response.status_code == 302, form_errors(response)
        page = Page.objects.get(pk=self.objective.pk)
        response = workflow_action(client_for(self.moderator), page, "approve")
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
        assert page.owner == self.colleague

    def test_owner_changed_by_the_moderator_when_approving_is_kept(self):
        post_edit(self.editor, self.objective, seeded_form(self.objective, self.colleague), "action-submit")
        data = seeded_form(self.objective, self.moderator)
        data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
        response = post_edit(self.moderator, self.objective, data)
        assert response.status_code == 302, form_errors(response)
        page = Page.objects.get(pk=self.objective.pk)
        assert page.owner == self.moderator and not page.workflow_in_progress
        # The next edit, by anyone, saves without a complaint about the owner.
        response = post_edit(self.editor, page, seeded_form(page, self.moderator))
        assert response.status_code == 302, form_errors(response)

    def test_direct_publish_keeps_the_chosen_owner(self):
        response = post_edit(
            self.moderator, self.objective, seeded_form(self.objective, self.colleague), "action-publish"
        )
        assert response.status_code == 302, form_errors(response)
        assert Page.objects.get(pk=self.objective.pk).owner == self.colleague

    def test_a_revision_whose_owner_was_deleted_keeps_the_current_owner(self):
        team = self.objective.owner
        post_edit(self.editor, self.objective, seeded_form(self.objective, self.colleague))
        revision = Page.objects.get(pk=self.objective.pk).latest_revision
        revision.content["owner"] = 987654
        assert revision.as_object().owner == team


class ReviewCoverageTests(SeededContentTestCase):
    def test_every_loaded_page_has_the_team_as_owner_and_a_review_date(self):
        pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
        assert len(pages) == sum(expected_counts().values())
        for page in pages:
            assert page.owner.username == TEAM_USERNAME, page.title
            assert page.next_review_date is not None, page.title
        assert not pages_missing_review().exists()

    def test_review_dates_are_spread_over_the_year(self):
        dates = sorted(page.specific.next_review_date for page in Page.objects.filter(depth__gt=1))
        today = timezone.localdate()
        assert today < dates[0] <= today + datetime.timedelta(days=10)
        assert dates[-1] == today + datetime.timedelta(days=365)
        # At most two pages fall due on any one day.
        assert max(dates.count(day) for day in set(dates)) <= 2
        assert len({(day.year, day.month) for day in dates}) >= 12

    @pytest.mark.filterwarnings("ignore")
    def test_spread_rejects_a_position_outside_the_list(self):
        with pytest.raises(ValueError):
            spread_review_date(44, 44)

    def test_running_again_changes_nothing(self):
        before = list(Page.objects.values_list("pk", "owner_id", "latest_revision_id"))
        out = StringIO()
        call_command("load_het_content", stdout=out)
        assert "nothing changed" in out.getvalue()
        assert list(Page.objects.values_list("pk", "owner_id", "latest_revision_id")) == before

    def test_pages_loaded_without_owner_or_date_get_them_only_when_no_officer_is_working_on_them(self):
        subgroups = list(SubgroupPage.objects.order_by("path"))
        SubgroupPage.objects.filter(pk__in=[page.pk for page in subgroups]).update(next_review_date=None)
        Page.objects.filter(pk__in=[page.pk for page in subgroups]).update(owner=None)
        busy = subgroups[0]
        busy.save_revision(user=self.editor)
        assert set(pages_missing_review().values_list("pk", flat=True)) == {page.pk for page in subgroups}

        out = StringIO()
        call_command("load_het_content", stdout=out)
        assert f"gave {len(subgroups) - 1} existing pages an owner and review date" in out.getvalue()
        assert f"'{busy.title}' has no owner or review date" in out.getvalue()
        assert list(pages_missing_review().values_list("pk", flat=True)) == [busy.pk]
        for page in subgroups[1:]:
            page = SubgroupPage.objects.get(pk=page.pk)
            assert page.owner.username == TEAM_USERNAME and page.next_review_date and not page.has_unpublished_changes

    def test_overdue_seeded_pages_are_on_the_dashboard_and_emailed_to_the_team(self):
        team = self.objective.owner
        team.email = "public.health@luton.gov.uk"
        team.save()
        PolicyObjectivePage.objects.filter(pk=self.objective.pk).update(next_review_date=timezone.localdate())
        later = timezone.localdate() + datetime.timedelta(days=1)
        assert [page.pk for page in overdue_pages(today=later)] == [self.objective.pk]
        response = client_for(self.moderator).get(reverse("wagtailadmin_home"))
        assert "No pages are overdue for review" in response.content.decode()
        PolicyObjectivePage.objects.filter(pk=self.objective.pk).update(
            next_review_date=timezone.localdate() - datetime.timedelta(days=1)
        )
        response = client_for(self.moderator).get(reverse("wagtailadmin_home"))
        assert self.objective.title in response.content.decode()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_review_reminders", stdout=StringIO())
        [message] = mail.outbox
        assert message.to == ["public.health@luton.gov.uk"] and self.objective.title in message.body

    def test_report_of_pages_without_review_is_for_moderators(self):
        Page.objects.filter(pk=self.objective.pk).update(owner=None)
        url = reverse("missing_review_report")
        response = client_for(self.moderator).get(url)
        assert response.status_code == 200
        assert self.objective.title in response.content.decode() and "No owner" in response.content.decode()
        response = client_for(self.editor).get(url)
        assert response.status_code == 302
        menu = client_for(self.moderator).get(reverse("wagtailadmin_home")).content.decode()
        assert "Pages without review" in menu
        assert "Pages without review" not in client_for(self.editor).get(reverse("wagtailadmin_home")).content.decode()


class SubmissionAccessTests(SeededContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.submission = submit_on_loaded_site(2)

    def test_draft_is_owned_by_the_team_and_submitted_in_its_name(self):
        page = CaseStudyPage.objects.get(pk=self.submission.page_id)
        assert page.owner.username == TEAM_USERNAME and page.next_review_date
        assert page.current_workflow_state.requested_by == page.owner
        assert page.owner.get_full_name() == "Public Health team"

    def test_moderator_sees_the_partner_on_the_draft_and_in_the_submissions(self):
        client = client_for(self.moderator)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[self.submission.page_id])).content.decode()
        for detail in [
            self.submission.reference,
            "Noah Enterprise",
            "Sam Patel",
            "sam.patel@noah.example",
            "01582 000000",
        ]:
            assert detail in edit
        inspect_url = reverse(CaseStudySubmission.snippet_viewset.get_url_name("inspect"), args=[self.submission.pk])
        assert inspect_url in edit
        assert "sam.patel@noah.example" in client.get(inspect_url).content.decode()
        listing = reverse(CaseStudySubmission.snippet_viewset.get_url_name("list"))
        found = client.get(listing, {"q": self.submission.reference}).content.decode()
        assert "Welfare support for people who are homeless" in found
        missing = client.get(listing, {"q": "HET-1999-999999"}).content.decode()
        assert "Welfare support for people who are homeless" not in missing
        assert "Case study submissions" in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_editor_sees_no_personal_details(self):
        client = client_for(self.editor)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[self.submission.page_id])).content.decode()
        assert self.submission.reference in edit and "Noah Enterprise" in edit
        for detail in ["Sam Patel", "sam.patel@noah.example", "01582 000000"]:
            assert detail not in edit
        inspect_url = reverse(CaseStudySubmission.snippet_viewset.get_url_name("inspect"), args=[self.submission.pk])
        assert client.get(inspect_url).status_code == 302
        assert client.get(reverse(CaseStudySubmission.snippet_viewset.get_url_name("list"))).status_code == 302

    def test_request_changes_email_says_changes_were_requested(self):
        page = Page.objects.get(pk=self.objective.pk)
        post_edit(self.editor, page, seeded_form(page, self.editor), "action-submit")
        with self.captureOnCommitCallbacks(execute=True):
            workflow_action(client_for(self.moderator), Page.objects.get(pk=page.pk), "reject", comment="Add a source.")
        to_editor = [message for message in mail.outbox if message.to == [self.editor.email]]
        assert to_editor
        for message in to_editor:
            text = message.subject + message.body + "".join(content for content, _ in message.alternatives)
            assert "rejected" not in text.lower()
            assert "Changes requested" in message.subject
        assert any("Add a source." in message.body for message in to_editor)


class HelpAndNewsTests(SeededContentTestCase):
    def test_help_menu_opens_the_editors_guide(self):
        client = client_for(self.editor)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("editors_guide") in home
        guide = client.get(reverse("editors_guide")).content.decode()
        assert "<h1" in editors_guide_html() and "<table>" in editors_guide_html()
        assert "Approve and Publish" in guide and "Who can do what" in guide

    def test_schedule_and_settings_help_text_say_what_happens(self):
        edit = client_for(self.moderator).get(reverse("wagtailadmin_pages:edit", args=[self.objective.pk]))
        form = edit.context["form"]
        assert "UK time" in form.fields["go_live_at"].help_text and "UK time" in form.fields["expire_at"].help_text
        assert "UK time" in edit.content.decode()
        from site_settings.models import SiteSettings

        assert "feedback" not in SiteSettings._meta.get_field("public_health_team_email").help_text

    def test_seeded_news_shows_no_date_and_keeps_the_seeds_order(self):
        listing = self.client.get("/news/").content.decode()
        # The files load the oldest item first; the listing shows the newest first.
        news = [document.fields for document in read_content().pages if document.model is NewsPage][::-1]
        titles = [item["title"] for item in news]
        positions = [listing.index(title) for title in titles]
        assert positions == sorted(positions)
        today = timezone.localdate()
        assert f"{today:%-d %B %Y}" not in listing
        item = NewsPage.objects.get(slug=news[-1]["slug"])
        page = self.client.get(item.url).content.decode()
        assert "Published <time" not in page and f"{today:%-d %B %Y}" not in page
        feed = self.client.get("/news/rss/").content.decode()
        assert feed.count("<pubDate>") >= len(titles)
