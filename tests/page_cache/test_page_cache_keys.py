"""The page cache keys a page on the query parameters that change it, and ignores the rest (tracking codes)."""

import uuid

import pytest
from django.core.cache import cache
from django.http import QueryDict
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site

from news.factories import NewsPageFactory
from page_cache.cache import invalidate
from page_cache.keys import query_parameters
from site_settings.models import SiteSettings
from tests.support.site import public_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings, site_tree):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}
    }
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    invalidate()


def stored_pages():
    return [key for key in cache._cache if ":het:page:" in key]


def test_tracking_codes_share_one_cache_entry(client, site_tree, page_cache):
    NewsPageFactory(parent=site_tree["news"], title="GoodGym launches in Luton")
    answers = [client.get(f"/news/?utm_source=a{number}")["X-Cache"] for number in range(20)]
    assert answers == ["MISS"] + ["HIT"] * 19
    assert client.get("/news/")["X-Cache"] == "HIT"
    assert client.get("/news/?fbclid=x&utm_medium=email&gclid=y")["X-Cache"] == "HIT"
    assert len(stored_pages()) == 1


def test_tracking_codes_do_not_leak_into_the_page(client, site_tree, page_cache):
    for number in range(12):
        NewsPageFactory(parent=site_tree["news"], title=f"News {number}")
    content = client.get("/news/?utm_source=newsletter&page=1").content.decode()
    assert 'href="?page=2"' in content  # the pagination link keeps the page and drops the tracking code
    assert "newsletter" not in content


@pytest.mark.parametrize(
    "urls",
    [
        ["/news/", "/news/?page=2"],
        ["/search/?q=health", "/search/?q=housing", "/search/?q=health&type=news"],
        ["/events/", "/events/?when=past", "/events/?access=bsl", "/events/?access=bsl&access=step-free"],
    ],
)
def test_parameters_a_page_reads_each_get_their_own_entry(client, site_tree, page_cache, urls):
    for number in range(12):
        NewsPageFactory(parent=site_tree["news"], title=f"Health news {number}")
    assert [client.get(url)["X-Cache"] for url in urls] == ["MISS"] * len(urls)
    assert [client.get(url + ("&" if "?" in url else "?") + "utm_source=x")["X-Cache"] for url in urls] == [
        "HIT"
    ] * len(urls)


def test_the_order_of_parameters_does_not_matter(client, site_tree, page_cache):
    assert client.get("/events/?access=bsl&when=past")["X-Cache"] == "MISS"
    assert client.get("/events/?when=past&access=bsl")["X-Cache"] == "HIT"


def test_a_new_search_promotion_shows_at_once(client, site_tree, page_cache):
    promoted = NewsPageFactory(parent=site_tree["news"], title="Money advice sessions")
    assert "Money advice sessions" not in client.get("/search/?q=benefits").content.decode()
    SearchPromotion.objects.create(query=Query.get("benefits"), page=promoted, sort_order=0)
    response = client.get("/search/?q=benefits")
    assert response["X-Cache"] == "MISS"
    assert "Money advice sessions" in response.content.decode()
    SearchPromotion.objects.all().delete()
    assert "Money advice sessions" not in client.get("/search/?q=benefits").content.decode()


def test_every_parameter_any_public_page_reads_is_part_of_the_cache_key(client, het_site, monkeypatch):
    """Render every public address with a tracking code and record the GET parameters the code asks for by name:
    each must be one the cache keys on, or pages that differ by it would be served from one entry."""
    read = set()
    for method in ("get", "getlist", "__getitem__", "__contains__"):
        original = getattr(QueryDict, method)

        def recording(self, key, *args, _original=original, **kwargs):
            if not self._mutable:  # request.GET, once built (building it asks `key in self` of every key)
                read.add(key)
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(QueryDict, method, recording)
    topic = Page.objects.get(slug="best-start-in-life")
    for url in public_urls():
        extra = f"utm_source=x&objective={topic.pk}&page=1&q=health"
        assert client.get(url + ("&" if "?" in url else "?") + extra).status_code != 500
    assert read, "no parameters were recorded: the recording no longer sees request.GET"
    assert read <= query_parameters(), read - query_parameters()
