"""Anonymous visitors get no cookies at all on public pages, so the site needs no cookie banner."""

import pytest

from case_studies.factories import CaseStudyPageFactory
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import PolicyObjectivePageFactory, PriorityPageFactory, StandardPageFactory, SubgroupPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(site_tree):
    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"])
    subgroup = SubgroupPageFactory(parent=site_tree["subgroups"])
    event = EventPageFactory(parent=site_tree["events"], policy_objectives=[objective])
    details = [
        StandardPageFactory(parent=site_tree["home"]),
        NewsPageFactory(parent=site_tree["news"], subgroups=[subgroup]),
        event,
        CaseStudyPageFactory(parent=site_tree["case_studies"]),
        objective,
        PriorityPageFactory(parent=site_tree["priorities"]),
        subgroup,
    ]
    return [
        *(page.url for page in site_tree.values()),
        *(page.url for page in details),
        site_tree["events"].url + "?when=past&access=bsl",
        site_tree["news"].url + f"?objective={objective.pk}&page=2",
        site_tree["news"].url + "rss/",
        site_tree["news"].url + "atom/",
        site_tree["events"].url + "feed.ics",
        event.url + "calendar.ics",
        details[0].url + "?feedback=sent",
        details[0].url + "?feedback=not-a-real-token",
        "/search/",
        "/search/?q=health&type=news",
        "/sitemap.xml",
        "/robots.txt",
    ]


def assert_no_cookies(response, url):
    assert not response.cookies, f"{url} set {list(response.cookies)}"
    assert "Set-Cookie" not in response.headers, url


def test_no_public_page_sets_a_cookie(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_cookies(response, url)


def test_not_found_pages_set_no_cookie(client, site_tree):
    for url in ("/no-such-page/", site_tree["news"].url + "no-such-story/", "/events/missing/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 404
        assert_no_cookies(response, url)


def test_sending_feedback_sets_no_cookie(client, site_tree):
    page = StandardPageFactory(parent=site_tree["home"])
    for data in ({"page": page.pk, "useful": "yes"}, {"page": page.pk}):
        response = client.post("/feedback/", data, HTTP_ORIGIN="http://testserver")
        assert_no_cookies(response, "/feedback/")
