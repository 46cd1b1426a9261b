"""The real HET content loads with the exact counts from the seeds, and loading twice changes nothing."""

from io import StringIO

from django.core.management import call_command
from django.test import Client, TestCase
from wagtail.models import Page, Revision, Site

from case_studies.models import CaseStudyPage
from events.models import EventPage
from news.models import NewsPage
from pages.het_content import EXPECTED_COUNTS
from pages.models import HomePage, PolicyObjectivePage, PriorityPage, StandardPage, SubgroupPage
from site_settings.models import NavigationSettings, SiteSettings

MODELS = {
    "PolicyObjectivePage": PolicyObjectivePage,
    "PriorityPage": PriorityPage,
    "SubgroupPage": SubgroupPage,
    "NewsPage": NewsPage,
    "EventPage": EventPage,
    "CaseStudyPage": CaseStudyPage,
    "StandardPage": StandardPage,
}


class LoadHETContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        first, second = StringIO(), StringIO()
        call_command("load_het_content", stdout=first)
        cls.counts_after_first_run = (Page.objects.count(), Revision.objects.count())
        call_command("load_het_content", stdout=second)
        cls.first_run, cls.second_run = first.getvalue(), second.getvalue()

    def test_the_seeds_give_these_counts(self):
        assert EXPECTED_COUNTS == {
            "PolicyObjectivePage": 8,
            "PriorityPage": 5,
            "SubgroupPage": 4,
            "NewsPage": 7,
            "EventPage": 1,
            "CaseStudyPage": 6,
            "StandardPage": 5,
        }

    def test_loader_builds_exactly_the_expected_pages(self):
        for name, model in MODELS.items():
            assert model.objects.live().count() == EXPECTED_COUNTS[name], name
        assert HomePage.objects.count() == 1
        assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()

    def test_loading_twice_changes_nothing(self):
        assert "Created" in self.first_run
        assert "nothing changed" in self.second_run
        assert (Page.objects.count(), Revision.objects.count()) == self.counts_after_first_run

    def test_the_one_year_on_event_has_its_date_and_no_invented_times(self):
        event = EventPage.objects.get()
        assert event.venue == "Venue 360"
        assert event.dates_only
        assert event.when == "Thursday 14 December 2023"

    def test_news_items_carry_no_invented_dates(self):
        assert not NewsPage.objects.exclude(date=None).exists()

    def test_subgroups_have_their_work_areas(self):
        children = SubgroupPage.objects.get(title="Children and young people")
        titles = [block.value["title"] for block in children.work_areas]
        assert "Monthly MMR vaccination clinics" in titles
        assert "Family Hubs Programme" in titles or "Family Hubs programme" in titles

    def test_settings_and_menus_are_filled(self):
        site = Site.objects.get(is_default_site=True)
        site_settings = SiteSettings.for_site(site)
        assert "LU1 2BQ" in site_settings.contact_address
        assert site_settings.accessibility_page and site_settings.privacy_page
        navigation = NavigationSettings.for_site(site)
        assert navigation.main_menu_items.count() == 8
        assert navigation.footer_links.count() == 3

    def test_every_loaded_page_renders(self):
        client = Client()
        for page in Page.objects.live().filter(depth__gt=1).specific():
            response = client.get(page.url)
            assert response.status_code == 200, page.url
