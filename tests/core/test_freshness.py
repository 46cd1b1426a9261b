"""Menus, section links and breadcrumbs are fetched once and kept until visitors next see a change
(core/freshness.py), so a page rendered afresh, with the page cache off, costs fewer queries; and a change shows on
the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from site_settings.models import MainMenuItem, NavigationSettings
from tests.support.site import build_site

LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "freshness"}}


@pytest.fixture
def rendered_afresh(settings):
    """Every page rendered (no page cache), with a cache that keeps what core/freshness.py remembers."""
    settings.CACHES = LOCAL_MEMORY
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def news_item(db):
    site = build_site(items=1)
    menu = NavigationSettings.for_site(site["home"].get_site())
    MainMenuItem.objects.create(setting=menu, page=site["news"], label="News", sort_order=0)
    return site, site.content["news"][0]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_page_rendered_again_does_not_fetch_menus_section_links_or_breadcrumbs(
    rendered_afresh, client, news_item, monkeypatch
):
    _site, item = news_item
    queries(client, item.url)  # Django's and Wagtail's own caches (content types, site root paths) fill up
    remembered, html = queries(client, item.url)
    assert ">News</a>" in html and "Partners: submit a case study" in html
    with monkeypatch.context() as forgetting:
        forgetting.setattr("core.freshness.current_generation", lambda: None)
        fetched, _html = queries(client, item.url)
    assert fetched - remembered == 3, "the menus, the section links (the footer's form link) and the breadcrumbs"


def test_a_menu_change_shows_on_the_next_request(rendered_afresh, client, news_item):
    _site, item = news_item
    queries(client, item.url)
    MainMenuItem.objects.update(label="Latest news")
    MainMenuItem.objects.get().save()  # as the settings form saves it, which visitors then see

    _count, html = queries(client, item.url)
    assert "Latest news" in html


def test_a_published_title_above_the_page_shows_in_its_breadcrumbs_at_once(rendered_afresh, client, news_item):
    site, item = news_item
    queries(client, item.url)
    news = site["news"]
    news.title = "Stories from Luton"
    news.save_revision().publish()

    _count, html = queries(client, item.url)
    assert "Stories from Luton" in html
