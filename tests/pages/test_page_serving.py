"""Wagtail serves every page: the site for the host, the page for the path (including the news feeds and the
calendar files, which are routes of their index pages), and the privacy check. What the site adds around that
(the section links, the breadcrumbs, the footer's key pages) follows the same site and the same privacy."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from core.query import is_public
from events.factories import EventPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.factories import HomePageFactory, StandardPageFactory
from pages.models import section_indexes
from site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    about = StandardPageFactory(parent=site_tree["home"], title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")
    draft = StandardPageFactory(parent=site_tree["home"], slug="draft", live=False)
    StandardPageFactory(parent=draft, title="Under a draft", slug="under-draft")
    NewsPageFactory(parent=site_tree["news"], title="A story", slug="story")
    NewsPageFactory(parent=site_tree["news"], slug="unpublished", live=False)
    EventPageFactory(parent=site_tree["events"], title="Healthfest", slug="healthfest")
    return site_tree


# path -> (status, start of the Content-Type, text the response holds)
SERVED = {
    "/": (200, "text/html", "<html"),
    "/about/": (200, "text/html", "About us"),
    "/about/team/": (200, "text/html", "Our team"),
    "/draft/under-draft/": (200, "text/html", "Under a draft"),  # Wagtail serves a live page below a draft one
    "/news/": (200, "text/html", "A story"),
    "/news/story/": (200, "text/html", "A story"),
    "/news/rss/": (200, "application/rss+xml", "A story"),
    "/news/atom/": (200, "application/atom+xml", "A story"),
    "/events/feed.ics": (200, "text/calendar", "Healthfest"),
    "/events/healthfest/": (200, "text/html", "Healthfest"),
    "/events/healthfest/calendar.ics": (200, "text/calendar", "Healthfest"),
}
NOT_FOUND = [
    "/about/team/extra/",
    "/draft/",
    "/news/unpublished/",
    "/news/team/",
    "/news/story/rss/",
    "/team/",
    "/no-such-page/",
]


def test_pages_and_their_routes_are_served(client, tree):
    for path, (status, content_type, text) in SERVED.items():
        response = client.get(path)
        assert response.status_code == status, path
        assert response["Content-Type"].startswith(content_type), path
        assert text in response.content.decode(), path
    for path in NOT_FOUND:
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("path", ["/news/story/", "/news/rss/", "/news/atom/", "/news/"])
def test_a_private_section_is_protected_with_its_feeds(client, tree, path):
    PageViewRestriction.objects.create(page=tree["news"], restriction_type=PageViewRestriction.LOGIN)
    response = client.get(path)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_a_password_protected_page_asks_for_the_password(client, tree):
    PageViewRestriction.objects.create(
        page=tree["events"], restriction_type=PageViewRestriction.PASSWORD, password="healthfest-2026"
    )
    for path in ("/events/healthfest/", "/events/healthfest/calendar.ics"):
        response = client.get(path)
        assert response.status_code == 200 and 'name="password"' in response.content.decode(), path
        assert "Venue 360" not in response.content.decode(), path


def test_breadcrumbs_show_the_pages_above(client, tree):
    html = client.get("/about/team/").content.decode()
    breadcrumbs = html[html.index('aria-label="Breadcrumb"') :].split("</nav>")[0]
    assert '<a href="/">Home</a>' in breadcrumbs and '<a href="/about/">About us</a>' in breadcrumbs


def test_section_links_are_the_requested_sites_own(tree, django_assert_num_queries):
    other_home = Page.get_first_root_node().add_child(instance=HomePageFactory.build(slug="other", title="Other"))
    other_news = NewsIndexPageFactory(parent=other_home, slug="news")
    NewsIndexPageFactory(parent=other_home, slug="old-news", live=False)
    Site.objects.create(hostname="partners.example.org", port=80, root_page=other_home)

    request = RequestFactory().get("/", HTTP_HOST="partners.example.org")
    Site.find_for_request(request)
    with django_assert_num_queries(1):
        indexes = section_indexes(request)
    assert indexes["news_index"].pk == other_news.pk
    assert indexes["event_index"] is None

    indexes = section_indexes(RequestFactory().get("/"))
    assert indexes["news_index"].pk == tree["news"].pk
    assert indexes["event_index"].pk == tree["events"].pk
    assert indexes["objective_index"].pk == tree["objectives"].pk


def test_no_section_links_without_a_site(tree):
    Site.objects.update(is_default_site=False)
    assert set(section_indexes(RequestFactory().get("/", HTTP_HOST="unknown.example")).values()) == {None}


@pytest.mark.parametrize("private", [False, True])
def test_the_site_settings_say_whether_their_pages_are_private(tree, private, django_assert_num_queries):
    contact = StandardPageFactory(parent=tree["home"], slug="contact")
    SiteSettings.objects.create(site=Site.objects.get(), contact_page=contact)
    if private:
        PageViewRestriction.objects.create(page=contact, restriction_type=PageViewRestriction.LOGIN)
    site = Site.objects.get()
    with django_assert_num_queries(1):
        site_settings = SiteSettings.for_site(site)
        assert is_public(site_settings.contact_page) is not private
