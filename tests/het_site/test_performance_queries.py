"""Every public page type costs the same number of SQL queries however much content the site holds.

The counts are exact on purpose: a change that adds a query to a page type must update QUERY_BUDGET here, which
makes the cost visible in review. docs/performance.md says where each query goes and how to stay within budget.
Caching is off (Django's dummy cache), so these are the queries of a page nobody has visited for a while.
Each count is checked on a site with 10 and with 1,000 news items, events and case studies.
"""

import io
import math

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.models import Page

from case_studies.models import CaseStudyPage
from events.models import EventPage
from news.models import NewsPage
from pages.models import PolicyObjectivePage, PriorityPage, StandardPage, SubgroupPage

# One worker builds each size of site once, rather than each worker building both.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("query-budgets")]

MAX_QUERIES = 20

# Where the queries go on a page Wagtail serves (docs/performance.md, "Where they go"): the site with its root page,
# the home page as its specific type, then two per level of the address below the home page (the child by slug, then
# as its specific type), two for the privacy check (the page's ancestors, their view restrictions), the site root
# paths for page URLs, the site settings (with the pages they link to and whether those are private), menus and
# footer links, the breadcrumbs (every page but the home page) and the case studies page for the footer's link to
# its form (pages that list sections find it with the other section indexes). The rest is each page type's own.
QUERY_BUDGET = {
    "home": 14,  # + priorities, latest news, the page's picture, renditions for all pictures, upcoming events,
    # section links, objectives
    "objectives_index": 13,  # + the topic pages, their renditions
    "priorities_index": 13,
    "subgroups_index": 13,
    "objective": 19,  # + related news and case studies, the page's picture, renditions, related events, section links,
    # indicators informing it
    "priority": 19,
    "subgroup": 18,
    "standard_page": 15,  # + body images, their renditions, documents, children
    "news_index": 15,  # + topic filter choices, count for the pagination, news items, renditions
    "news_item": 19,  # + the page's picture and its renditions, related topics, body images and renditions, documents
    "events_index": 15,  # + topic filter choices, count, when the next event ends (for the page cache), events
    "event": 16,  # + the page's picture and its renditions, related topics
    "case_studies_index": 15,  # + topic filter choices, count, case studies, renditions
    "case_study": 18,  # + the page's picture and its renditions, related topics, body images and renditions
    "search": 10,  # .public(), promotions, count, results, their summaries, site, settings, menus, root paths
    "not_found": 8,  # site, home page, the first slug, settings, menus, root paths, Wagtail's redirect lookup
    "past_events": 15,  # as the events listing
    "event_calendar_file": 9,  # site, routing two levels down (5), privacy check (2), root paths; no template
    "events_feed": 9,  # site, routing to the events index (3), privacy check (2), topic choices, events, root paths
    "news_rss": 12,  # as the events feed, with the news items and their topics (3) instead of events
    "news_atom": 12,
    "sitemap": 4,  # site, the count for Django's paginator, every published page (seo/sitemap.py), root paths
    # site, settings, any objective published?, section links, menus, root paths, objectives, subgroups
    "case_study_form": 12,
}
SCALES = [10, 1000]


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


@pytest.fixture(scope="module", params=SCALES, ids=lambda scale: f"{scale}-items")
def content(request, django_db_setup, django_db_blocker):
    """(scale, {page type: URL}) on a site with `scale` news items, events and case studies, built once for all the
    tests of that scale and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            call_command("load_synthetic_content", scale=request.param, stdout=io.StringIO())
            yield request.param, {**page_urls(), **feed_urls()}
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def uncached(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_every_budget_is_within_the_limit():
    assert max(QUERY_BUDGET.values()) <= MAX_QUERIES


def test_every_page_type_is_measured(content):
    _scale, urls = content
    assert set(urls) == set(QUERY_BUDGET)


@pytest.mark.parametrize("name", QUERY_BUDGET)
def test_query_count_per_page_type_is_fixed(client, uncached, content, name, django_assert_num_queries):
    _scale, urls = content
    url = urls[name]
    client.get(url)  # the first visit makes the image renditions; every later visit reuses them
    with django_assert_num_queries(QUERY_BUDGET[name], info=f"{name} at {url} on {connection.vendor}"):
        response = client.get(url)
    assert response.status_code == (404 if name == "not_found" else 200)


def test_the_listings_show_more_on_the_larger_site(client, content):
    scale, urls = content
    cards = {name: client.get(urls[name]).content.decode().count('<li class="card') for name in urls}
    assert cards["news_index"] == min(scale, 10)
    assert cards["case_studies_index"] == min(scale, 12)
    assert cards["events_index"] == min(math.ceil(scale / 2), 10)
    assert cards["home"] == 5 + 3 + min(math.ceil(scale / 2), 3)  # priorities, news, upcoming events
    assert NewsPage.objects.count() == EventPage.objects.count() == CaseStudyPage.objects.count() == scale


def test_the_page_tree_is_valid(content):
    """The content is built a batch at a time rather than with add_child(); the tree must still be sound."""
    assert Page.find_problems() == ([], [], [], [], [])
