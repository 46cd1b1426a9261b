"""The synthetic loader fills an empty database, and refuses a database with pages unless told to add to it."""

import io
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from case_studies.models import CaseStudyPage
from events.models import EventPage
from news.models import NewsPage
from pages.models import HomePage, PolicyObjectivePage


def synthetic(**options):
    call_command("load_synthetic_content", stdout=io.StringIO(), **options)


def story_counts():
    return [model.objects.live().count() for model in (NewsPage, EventPage, CaseStudyPage)]


@pytest.mark.django_db
def test_on_an_empty_database_it_builds_a_sound_site_with_the_stories():
    synthetic(scale=3)
    assert story_counts() == [3, 3, 3]
    assert HomePage.objects.get().get_site().is_default_site
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    news = NewsPage.objects.order_by("path").first()
    assert news.policy_objectives.exists() and news.listing_image is not None


@pytest.mark.django_db
def test_it_refuses_a_database_that_has_pages():
    call_command("load_het_content", stdout=io.StringIO())
    pages_before = Page.objects.count()
    with pytest.raises(CommandError) as refused:
        synthetic(scale=2)
    message = str(refused.value)
    assert f"already has {pages_before - 1} pages" in message
    assert "--add-to-existing-site" in message and "never on the real site" in message
    assert Page.objects.count() == pages_before


@pytest.mark.django_db
def test_told_to_it_adds_stories_to_the_site_that_is_there():
    call_command("load_het_content", stdout=io.StringIO())
    before = story_counts()
    synthetic(scale=2, add_to_existing_site=True)
    assert story_counts() == [count + 2 for count in before]
    assert HomePage.objects.count() == 1
    added = NewsPage.objects.order_by("-path").first()
    assert set(added.policy_objectives.all()) <= set(PolicyObjectivePage.objects.all())
    assert added.policy_objectives.exists()
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_without_the_test_tools_it_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "wagtail_factories", None)
    with pytest.raises(CommandError, match=r"make install-test"):
        synthetic(scale=1)
    assert not NewsPage.objects.exists()
