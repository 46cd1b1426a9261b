"""News and case study listings: topic filters that keep pagination, and fixed query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from case_studies.factories import CaseStudyPageFactory
from case_studies.models import CASE_STUDIES_PER_PAGE
from news.factories import NewsPageFactory
from news.models import NEWS_PER_PAGE
from pages.factories import PolicyObjectivePageFactory, PriorityPageFactory, SubgroupPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h[23] class="card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.fixture
def topics(site_tree):
    return {
        "objective": PolicyObjectivePageFactory(
            parent=site_tree["objectives"], title="Give every child the best start"
        ),
        "priority": PriorityPageFactory(parent=site_tree["priorities"], title="A healthy, fair town"),
        "subgroup": SubgroupPageFactory(parent=site_tree["subgroups"], title="Children and young people"),
    }


def test_news_filters_by_objective_priority_and_subgroup_and_keep_pagination(client, site_tree, topics):
    index = site_tree["news"]
    start = datetime.date(2024, 1, 1)
    for number in range(NEWS_PER_PAGE + 2):
        NewsPageFactory(
            parent=index,
            title=f"Early years {number:02d}",
            date=start + datetime.timedelta(days=number),
            policy_objectives=[topics["objective"]],
            subgroups=[topics["subgroup"]],
        )
    NewsPageFactory(parent=index, title="Only the objective", date=start, policy_objectives=[topics["objective"]])
    NewsPageFactory(parent=index, title="About the priority", date=start, priorities=[topics["priority"]])

    query = f"?objective={topics['objective'].pk}&subgroup={topics['subgroup'].pk}"
    first = client.get(index.url + query)
    html = first.content.decode()
    newest_first = [f"Early years {number:02d}" for number in reversed(range(NEWS_PER_PAGE + 2))]
    assert titles(first) == newest_first[:NEWS_PER_PAGE]
    assert "12 news items about Give every child the best start, Children and young people" in html
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert titles(client.get(index.url + next_link)) == newest_first[NEWS_PER_PAGE:]
    assert f"objective={topics['objective'].pk}" in next_link and f"subgroup={topics['subgroup'].pk}" in next_link

    assert titles(client.get(index.url + f"?priority={topics['priority'].pk}")) == ["About the priority"]
    assert len(titles(client.get(index.url))) == NEWS_PER_PAGE
    # The chosen options stay selected, and there is a way back to everything.
    assert re.search(rf'<option value="{topics["subgroup"].pk}" selected>', html)
    assert f'<a href="{index.url}">Clear filters</a>' in html


def test_topic_page_links_use_the_listing_filter_names(client, site_tree, topics):
    NewsPageFactory(parent=site_tree["news"], title="Linked story", priorities=[topics["priority"]])
    CaseStudyPageFactory(parent=site_tree["case_studies"], title="Linked case", priorities=[topics["priority"]])
    html = client.get(topics["priority"].url).content.decode()
    news_link = f"{site_tree['news'].url}?priority={topics['priority'].pk}"
    case_link = f"{site_tree['case_studies'].url}?priority={topics['priority'].pk}"
    assert f'href="{news_link}"' in html and f'href="{case_link}"' in html
    assert titles(client.get(news_link)) == ["Linked story"]
    assert titles(client.get(case_link)) == ["Linked case"]


def test_case_studies_filter_by_objective_and_subgroup(client, site_tree, topics):
    index = site_tree["case_studies"]
    for number in range(CASE_STUDIES_PER_PAGE + 1):
        CaseStudyPageFactory(parent=index, title=f"Family hub {number:02d}", subgroups=[topics["subgroup"]])
    CaseStudyPageFactory(parent=index, title="Breakfast club", policy_objectives=[topics["objective"]])
    assert titles(client.get(index.url + f"?objective={topics['objective'].pk}")) == ["Breakfast club"]
    page_one = client.get(index.url + f"?subgroup={topics['subgroup'].pk}")
    assert len(titles(page_one)) == CASE_STUDIES_PER_PAGE
    assert "Breakfast club" not in titles(page_one)
    page_two = client.get(index.url + f"?subgroup={topics['subgroup'].pk}&page=2")
    assert len(titles(page_two)) == 1
    empty = client.get(index.url + f"?objective={topics['objective'].pk}&subgroup={topics['subgroup'].pk}")
    assert "No case studies match your filters." in empty.content.decode()


def test_bad_filter_values_are_explained_and_ignored(client, site_tree, topics):
    NewsPageFactory(parent=site_tree["news"], title="Everyone sees this")
    for query in ("?objective=abc", "?objective=999999999999999999999", "?subgroup=%00", "?priority=-1&page=-5"):
        response = client.get(site_tree["news"].url + query)
        assert response.status_code == 200, query
        assert titles(response) == ["Everyone sees this"], query
        assert "so the results are not filtered by it" in response.content.decode(), query


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("section", "factory"), [("news", NewsPageFactory), ("case_studies", CaseStudyPageFactory)])
def test_listing_queries_do_not_grow_with_the_number_of_items(client, site_tree, topics, section, factory, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering the page, not of serving it from the cache
    index = site_tree[section]
    factory(parent=index, subgroups=[topics["subgroup"]])
    urls = [index.url, index.url + f"?subgroup={topics['subgroup'].pk}", topics["subgroup"].url]
    for url in urls:
        client.get(url)
    few = [count_queries(client, url) for url in urls]
    for _ in range(5):
        factory(parent=index, subgroups=[topics["subgroup"]])
    for url in urls:
        client.get(url)  # publishing emptied what pages keep until visitors see a change (core/freshness.py)
    assert [count_queries(client, url) for url in urls] == few
