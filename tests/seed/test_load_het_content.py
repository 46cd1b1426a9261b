"""The real HET content loads from seed/content with the counts its files give, and loading twice changes nothing.

A bad seed document is refused, before anything is written, with a message naming its file and field.
"""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.test import Client, TestCase
from wagtail.models import Page, Revision, Site, get_page_models

from events.models import EventPage
from indicators.models import ImportRun, Indicator, Value
from news.models import NewsPage
from pages.models import HomePage, SubgroupPage
from seed.loader import CONTENT_DIR, SeedContentError, expected_counts, read_content
from site_settings.models import NavigationSettings, SiteSettings

PAGE_MODELS = {model.__name__: model for model in get_page_models()}


class LoadHETContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        first, second = StringIO(), StringIO()
        call_command("load_het_content", stdout=first)
        cls.counts_after_first_run = (Page.objects.count(), Revision.objects.count())
        call_command("load_het_content", stdout=second)
        cls.first_run, cls.second_run = first.getvalue(), second.getvalue()

    def test_loader_builds_one_live_page_per_document_of_each_type(self):
        counts = expected_counts()
        assert counts["HomePage"] == 1 and counts["NewsPage"] == len(list((CONTENT_DIR / "600-news").glob("0[1-9]*")))
        for name, count in counts.items():
            assert PAGE_MODELS[name].objects.live().count() == count, name
        assert Page.objects.filter(depth__gt=1).count() == sum(counts.values())
        assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()

    def test_loading_twice_changes_nothing(self):
        assert f"Created {sum(expected_counts().values())} pages" in self.first_run
        assert "nothing changed" in self.second_run
        assert (Page.objects.count(), Revision.objects.count()) == self.counts_after_first_run

    def test_the_shipped_indicators_are_imported_once_and_linked_for_officers_to_review(self):
        assert Value.objects.count() == 440
        assert ImportRun.objects.filter(status="imported").count() == 1
        assert Indicator.objects.shown().count() == 16
        life = Indicator.objects.get(fingertips_id=90366)
        assert [page.slug for page in life.priorities.all()] == ["population-wellbeing"]
        assert "Linked 16 indicators" in self.first_run and "Linked" not in self.second_run

    def test_the_one_year_on_event_has_its_date_and_no_invented_times(self):
        event = EventPage.objects.get()
        assert event.venue == "Venue 360"
        assert event.dates_only
        assert event.when == "Thursday 14 December 2023"

    def test_news_items_carry_no_invented_dates(self):
        assert not NewsPage.objects.exclude(date=None).exists()

    def test_subgroups_have_their_work_areas_and_topics_their_pages(self):
        children = SubgroupPage.objects.get(title="Children and young people")
        titles = [block.value["title"] for block in children.work_areas]
        assert titles == [
            "Monthly MMR vaccination clinics",
            "Family Hubs programme",
            "Healthier Wealthier Families programme",
        ]
        event = EventPage.objects.get()
        assert [subgroup.slug for subgroup in event.subgroups.order_by("path")] == [
            "children-and-young-people",
            "housing-and-health",
            "net-zero",
            "employment-and-skills",
        ]

    def test_layout_line_breaks_in_rich_text_are_not_stored(self):
        contact = Page.objects.get(slug="contact").specific
        first = contact.body[0].value.source
        assert first == "<p>This website is run by the Public Health team at Luton Council.</p>"
        outcomes = Page.objects.get(slug="monthly-mmr-vaccination-clinics").specific.outcomes
        assert "\n" not in outcomes and "  " not in outcomes

    def test_settings_and_menus_are_filled(self):
        site = Site.objects.get(is_default_site=True)
        site_settings = SiteSettings.for_site(site)
        assert site_settings.contact_address == "Luton Council, Town Hall, Luton LU1 2BQ"
        assert site_settings.accessibility_page.slug == "accessibility-statement"
        assert site_settings.privacy_page.slug == "privacy-notice"
        navigation = NavigationSettings.for_site(site)
        menus = yaml.safe_load((CONTENT_DIR / "900-site-settings-and-menus.yaml").read_text())
        assert [item.label for item in navigation.main_menu_items.all()] == [
            item["label"] for item in menus["main_menu"]
        ]
        assert [item.label for item in navigation.main_menu_items.all()][:2] == ["Policy objectives", "Priorities"]
        assert [link.label for link in navigation.footer_links.all()] == [
            link["label"] for link in menus["footer_links"]
        ]

    def test_every_loaded_page_renders(self):
        client = Client()
        for page in Page.objects.live().filter(depth__gt=1).specific():
            response = client.get(page.url)
            assert response.status_code == 200, page.url


@pytest.fixture
def content(tmp_path):
    """A copy of the real seed content that a test may break."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EVENT = "400-events/01-one-year-on.yaml"
NEWS = "600-news/07-frameworks-uk-masterclass.yaml"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (EVENT, "type: EventPage", "type: Event", "field 'type': 'Event' is not a page type; use one of"),
        (EVENT, "venue: Venue 360", "location: Venue 360", "field 'location': EventPage has no field of this name"),
        (
            EVENT,
            "parent: /events/",
            "parent: /whats-on/",
            "field 'parent': no earlier document makes the page '/whats-on/'",
        ),
        (EVENT, "parent: /events/\n", "", "field 'parent': missing: give the parent page's path"),
        (EVENT, "start: 2023-12-14 00:00", "start: 14/12/2023", "field 'start': '14/12/2023' is not a date and time"),
        (
            EVENT,
            "  - net-zero\n",
            "  - net-zeroo\n",
            "field 'subgroups': no earlier SubgroupPage has the slug 'net-zeroo'",
        ),
        (NEWS, "page: /events/one-year-on/", "page: /events/two-years-on/", "field 'body, block 2': the page"),
        (NEWS, "  - type: text", "  - type: paragraph", "field 'body': block 1 has the type 'paragraph'"),
        (NEWS, "title: Frameworks UK masterclass\n", "", "field 'title': every page needs one"),
        (NEWS, "slug: frameworks", "slug: : frameworks", f"{NEWS}: this is not valid YAML"),
    ],
)
def test_a_bad_document_is_refused_naming_its_file_and_field(content, file, old, new, message):
    rewrite(content / file, old, new)
    with pytest.raises(SeedContentError) as raised:
        read_content(content)
    assert str(raised.value).startswith(str(content / file)), str(raised.value)
    assert message in str(raised.value)


def test_an_unknown_menu_page_is_refused(content):
    rewrite(content / "900-site-settings-and-menus.yaml", "page: /toolkit/", "page: /tools/")
    with pytest.raises(SeedContentError, match="field 'main_menu': item 8: the page '/tools/' is not made"):
        read_content(content)


def test_counts_follow_the_files(content):
    before = expected_counts(content)
    (content / NEWS).unlink()
    shutil.copy(content / EVENT, content / "400-events/02-one-year-on-again.yaml")
    rewrite(content / "400-events/02-one-year-on-again.yaml", "slug: one-year-on", "slug: one-year-on-again")
    after = expected_counts(content)
    assert after["NewsPage"] == before["NewsPage"] - 1
    assert after["EventPage"] == before["EventPage"] + 1
