"""RSS and Atom feeds of news, read back with feedparser."""

import datetime

import feedparser
import pytest

from news.factories import NewsPageFactory
from pages.factories import PolicyObjectivePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"], title="Create fair employment")
    older = NewsPageFactory(
        parent=site_tree["news"],
        title="GoodGym launches in Luton",
        summary="Volunteers who run to do good.",
        date=datetime.date(2024, 3, 1),
        policy_objectives=[objective],
    )
    newer = NewsPageFactory(
        parent=site_tree["news"], title="ShinyMind app & <wellbeing>", date=datetime.date(2024, 6, 30)
    )
    NewsPageFactory(parent=site_tree["news"], title="Not yet published", live=False)
    return {"objective": objective, "older": older, "newer": newer}


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_news_feeds_parse_newest_first(client, site_tree, news, route, version):
    response = client.get(site_tree["news"].url + route)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["ShinyMind app & <wellbeing>", "GoodGym launches in Luton"]
    goodgym = feed.entries[1]
    assert goodgym.link == "http://testserver/news/goodgym-launches-in-luton/"
    assert goodgym.summary == "Volunteers who run to do good."
    assert goodgym.published_parsed[:3] == (2024, 3, 1)
    assert [tag.term for tag in goodgym.tags] == ["Create fair employment"]
    assert feed.feed.title == "News: Luton Health Equity Town"


def test_feeds_narrow_by_topic(client, site_tree, news):
    response = client.get(site_tree["news"].url + f"rss/?objective={news['objective'].pk}")
    assert [entry.title for entry in feedparser.parse(response.content).entries] == ["GoodGym launches in Luton"]


def test_feeds_are_linked_from_the_page_head(client, site_tree, news):
    rss = f'type="application/rss+xml" title="Health Equity Town news (RSS)" href="{site_tree["news"].url}rss/"'
    atom = f'type="application/atom+xml" title="Health Equity Town news (Atom)" href="{site_tree["news"].url}atom/"'
    for url in ("/", site_tree["news"].url, news["older"].url, news["objective"].url):
        html = client.get(url).content.decode()
        head = html.split("</head>")[0]
        assert rss in head and atom in head, url
