"""pages/serving.py makes the same choices as Wagtail (site, root paths, the page for a path), in fewer queries."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from news.factories import NewsPageFactory
from pages.factories import HomePageFactory, StandardPageFactory
from pages.serving import match_site, prime_route, prime_site, site_root_paths
from site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db


def wagtail_site(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


@pytest.mark.parametrize("default_hostname", ["localhost", "example.org"])
def test_the_site_and_root_paths_match_wagtails_choice(home, default_hostname):
    Site.objects.filter(is_default_site=True).update(hostname=default_hostname)
    other_home = Page.get_first_root_node().add_child(instance=HomePageFactory.build(slug="other", title="Other"))
    Site.objects.create(hostname="partners.example.org", port=80, root_page=other_home)
    Site.objects.create(hostname="partners.example.org", port=8080, root_page=home)
    Site.objects.create(hostname="twin.example.org", port=80, root_page=other_home)
    Site.objects.create(hostname="twin.example.org", port=81, root_page=other_home)
    sites = list(Site.objects.select_related("root_page", "root_page__locale"))
    for hostname in ("localhost", "example.org", "partners.example.org", "twin.example.org", "unknown.example"):
        for port in (80, 81, 443, 8080):
            assert match_site(sites, hostname, port) == wagtail_site(hostname, port), (hostname, port)
    assert site_root_paths(sites) == Site.get_site_root_paths()


def test_the_site_settings_come_with_the_site(home, django_assert_num_queries):
    SiteSettings.objects.create(site=Site.objects.get(), contact_email="het@luton.gov.uk")
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        prime_site(request)
        assert Site.find_for_request(request).root_page_id == home.pk
        assert SiteSettings.for_request(request).contact_email == "het@luton.gov.uk"


def comparable(result):
    """The page and what it was asked to serve; a RoutablePageMixin view is a method bound to that page."""
    if result is None:
        return None
    page, args, kwargs = result
    args = tuple(getattr(arg, "__func__", arg) for arg in args)
    return page.pk, type(page), args, kwargs


def wagtail_route(path):
    return comparable(Page.route_for_request(RequestFactory().get(path), path))


def fast_route(path):
    request = RequestFactory().get(path)
    prime_site(request)
    prime_route(request, path)
    return comparable(request._wagtail_route_for_request)


def test_pages_are_found_exactly_as_wagtail_finds_them(site_tree):
    about = StandardPageFactory(parent=site_tree["home"], slug="about")
    draft = StandardPageFactory(parent=site_tree["home"], slug="draft", live=False)
    StandardPageFactory(parent=draft, slug="under-draft")  # Wagtail serves a live page below a draft one
    StandardPageFactory(parent=about, slug="team")
    NewsPageFactory(parent=site_tree["news"], slug="story")
    NewsPageFactory(parent=site_tree["news"], slug="unpublished", live=False)
    paths = [
        "",
        "about/",
        "about/team/",
        "about/team/extra/",
        "draft/",
        "draft/under-draft/",
        "news/",
        "news/rss/",
        "news/atom/",
        "news/story/",
        "news/unpublished/",
        "events/feed.ics/",
        "news/team/",
        "team/",
        "no-such-page/",
    ]
    for path in paths:
        assert fast_route(path) == wagtail_route(path), path


def test_a_private_page_is_still_protected(client, site_tree):
    item = NewsPageFactory(parent=site_tree["news"])
    PageViewRestriction.objects.create(page=site_tree["news"], restriction_type=PageViewRestriction.LOGIN)
    response = client.get(item.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_breadcrumbs_come_from_the_route(client, site_tree):
    about = StandardPageFactory(parent=site_tree["home"], title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")
    html = client.get("/about/team/").content.decode()
    breadcrumbs = html[html.index('aria-label="Breadcrumb"') :].split("</nav>")[0]
    assert '<a href="/">Home</a>' in breadcrumbs and '<a href="/about/">About us</a>' in breadcrumbs
