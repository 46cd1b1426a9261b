"""Every public page type costs the same, small number of SQL queries however much content the site holds.

The counts are exact on purpose: a change that adds a query to a page type must update QUERY_BUDGET here, which
makes the cost visible in review. docs/performance.md says where each query goes and how to stay within budget.
Caching is off (Django's dummy cache), so these are the queries of a page nobody has visited for a while.
"""

import io
import math

import pytest
from django.core.management import call_command

from case_studies.models import CaseStudyPage
from events.models import EventPage
from news.models import NewsPage
from pages.models import PolicyObjectivePage, PriorityPage, StandardPage, SubgroupPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10

# Where the queries go, for a page found by pages/serving.py: 1 sites + site settings, 1 pages along the path
# (with the home page's sections), 1 the page itself (with its listing image), 1 menus and footer links.
QUERY_BUDGET = {
    "home": 9,  # + objectives, priorities, latest news, renditions for all pictures, upcoming events
    "objectives_index": 6,  # + the topic pages, their renditions
    "priorities_index": 6,
    "subgroups_index": 6,
    "objective": 9,  # + related news, events and case studies, renditions for all pictures, indicators informing it
    "priority": 9,
    "subgroup": 8,
    "standard_page": 8,  # + children, body images and their renditions, documents
    "news_index": 8,  # + topic filter choices, count for the pagination, news items, renditions
    "news_item": 9,  # + hero and sharing renditions, related topics, body images and renditions, documents
    "events_index": 8,  # + topic filter choices, count, events, when the next one ends (for the page cache)
    "event": 6,  # + hero renditions, related topics
    "case_studies_index": 8,  # + topic filter choices, count, case studies, renditions
    "case_study": 8,  # + hero renditions, related topics, body images and renditions
    "search": 7,  # sites, menus, Wagtail's .public(), promotions, count, results, their summaries and dates
    "not_found": 4,  # sites, pages along the path, menus, Wagtail's redirect lookup
    "past_events": 8,  # as the events listing
    "event_calendar_file": 3,  # sites, pages along the path, the event
    "events_feed": 5,  # sites, pages along the path, the index, topic filter choices, upcoming events
    "news_rss": 8,  # + the index, topic filter choices, news items, their objectives, priorities, subgroups
    "news_atom": 8,
    "sitemap": 3,  # sites, the count for Django's paginator, every published page (seo/sitemap.py)
    "case_study_form": 6,  # sites, pages under the home page, any objective published?, menus, objectives, subgroups
}


@pytest.fixture
def uncached(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def page_urls():
    def first(model, **filters):
        return model.objects.filter(**filters).order_by("path").first().url

    return {
        "home": "/",
        "objectives_index": "/policy-objectives/",
        "priorities_index": "/priorities/",
        "subgroups_index": "/driving-change/",
        "objective": first(PolicyObjectivePage),
        "priority": first(PriorityPage),
        "subgroup": first(SubgroupPage),
        "standard_page": first(StandardPage, numchild__gt=0),
        "news_index": "/news/",
        "news_item": first(NewsPage),
        "events_index": "/events/",
        "event": first(EventPage),
        "case_studies_index": "/case-studies/",
        "case_study": first(CaseStudyPage),
        "search": "/search/?q=health",
        "not_found": "/no-such-page/",
        "past_events": "/events/?when=past",
        "case_study_form": "/case-studies/submit/",
    }


def feed_urls():
    """What apps and search engines fetch rather than people: calendar files, feeds, the sitemap."""
    return {
        "event_calendar_file": EventPage.objects.order_by("path").first().url + "calendar.ics",
        "events_feed": "/events/feed.ics",
        "news_rss": "/news/rss/",
        "news_atom": "/news/atom/",
        "sitemap": "/sitemap.xml",
    }


def test_every_budget_is_within_the_limit():
    assert max(QUERY_BUDGET.values()) <= MAX_QUERIES


@pytest.mark.parametrize("scale", [3, 40])
def test_query_count_per_page_type_is_fixed(client, uncached, scale, django_assert_num_queries):
    call_command("load_synthetic_content", scale=scale, stdout=io.StringIO())
    urls = {**page_urls(), **feed_urls()}
    assert set(urls) == set(QUERY_BUDGET)
    for name, url in urls.items():
        client.get(url)  # the first visit makes the image renditions; every later visit reuses them
        with django_assert_num_queries(QUERY_BUDGET[name], info=f"{name} at {url}"):
            response = client.get(url)
        assert response.status_code == (404 if name == "not_found" else 200), name

    # The listings really do show more items at the larger scale.
    cards = {name: client.get(urls[name]).content.decode().count('<li class="card') for name in urls}
    assert cards["news_index"] == min(scale, 10)
    assert cards["case_studies_index"] == min(scale, 12)
    assert cards["events_index"] == min(math.ceil(scale / 2), 10)
    assert cards["home"] == 5 + 3 + min(math.ceil(scale / 2), 3)  # priorities, news, upcoming events
