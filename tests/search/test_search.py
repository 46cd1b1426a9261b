"""Site search: words from page bodies, the type filter, pagination, promotions and junk queries."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from case_studies.factories import CaseStudyPageFactory
from core.factories import text_body
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE, clean_query

pytestmark = pytest.mark.django_db


def result_titles(response):
    assert response.status_code == 200
    return re.findall(r'<li>\s*<h2><a href="[^"]*">([^<]*)</a></h2>', response.content.decode())


@pytest.fixture
def content(site_tree):
    return {
        "news": NewsPageFactory(
            parent=site_tree["news"], title="Allotment news", body=text_body("Volunteers grow quinoa at the allotment.")
        ),
        "event": EventPageFactory(
            parent=site_tree["events"], title="Allotment open day", body=text_body("Taste quinoa grown in Luton.")
        ),
        "case_study": CaseStudyPageFactory(
            parent=site_tree["case_studies"], title="Food bank", body=text_body("Parcels now include quinoa.")
        ),
        "page": StandardPageFactory(
            parent=site_tree["home"], title="Healthy eating", body=text_body("Quinoa is a good source of protein.")
        ),
    }


def test_finds_pages_by_words_in_their_body(client, content):
    # The titles do not contain the word: it is only in each page's body.
    assert set(result_titles(client.get("/search/?q=quinoa"))) == {
        "Allotment news",
        "Allotment open day",
        "Food bank",
        "Healthy eating",
    }
    assert result_titles(client.get("/search/?q=protein")) == ["Healthy eating"]


def test_draft_pages_are_not_found(client, site_tree):
    StandardPageFactory(
        parent=site_tree["home"], title="Secret plans", body=text_body("Unannounced quinoa."), live=False
    )
    assert result_titles(client.get("/search/?q=unannounced")) == []


@pytest.mark.parametrize(
    ("search_type", "expected"),
    [
        ("news", "Allotment news"),
        ("event", "Allotment open day"),
        ("case-study", "Food bank"),
        ("page", "Healthy eating"),
    ],
)
def test_results_filter_by_type(client, content, search_type, expected):
    response = client.get(f"/search/?q=quinoa&type={search_type}")
    assert result_titles(response) == [expected]
    assert re.search(rf'value="{search_type}" checked', response.content.decode())


def test_results_are_paginated_and_pages_keep_the_query_and_type(client, site_tree):
    for number in range(RESULTS_PER_PAGE + 2):
        NewsPageFactory(parent=site_tree["news"], title=f"Dumpling story {number}", body=text_body("Dumplings."))
    StandardPageFactory(parent=site_tree["home"], title="Dumpling recipe", body=text_body("Dumplings."))
    response = client.get("/search/?q=dumplings&type=news")
    assert len(result_titles(response)) == RESULTS_PER_PAGE
    html = response.content.decode()
    assert f"{RESULTS_PER_PAGE + 2} results for ‘dumplings’ in news" in html
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "q=dumplings" in next_link and "type=news" in next_link
    page_two = result_titles(client.get("/search/" + next_link))
    assert len(page_two) == 2 and "Dumpling recipe" not in page_two


def test_results_show_summaries_and_dates(client, site_tree):
    EventPageFactory(parent=site_tree["events"], title="Cook-along", summary="Learn to cook on a budget.")
    html = client.get("/search/?q=cook").content.decode()
    assert "Learn to cook on a budget." in html
    assert re.search(r'<p class="meta">Event: \w+day \d+ \w+ \d{4}', html)


def test_promoted_pages_come_first_and_only_once(client, site_tree, content):
    query = Query.get("Quinoa")
    SearchPromotion.objects.create(query=query, page=content["page"], description="Our advice on healthy eating.")
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.nhs.uk/", external_link_text="NHS healthy eating"
    )
    html = client.get("/search/?q=QUINOA").content.decode()
    promoted = html.split('id="promotions-heading"')[1].split("</section>")[0]
    assert "Healthy eating" in promoted and "Our advice on healthy eating." in promoted
    assert 'href="https://www.nhs.uk/"' in promoted
    assert html.index("promotions-heading") < html.index('class="search-results"')
    assert "Healthy eating" not in result_titles(client.get("/search/?q=quinoa"))
    # Typing a type or going to page 2 shows ordinary results only.
    assert "promotions-heading" not in client.get("/search/?q=quinoa&type=page").content.decode()


TYPE_WORDS = "Type words in the box above"
NO_WORDS = "Your search did not include any words we can look for."
SHORTENED = "Your search was very long, so we searched for the first part of it only."


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("", TYPE_WORDS),
        ("   ", TYPE_WORDS),
        ("!!!", NO_WORDS),
        ("&&& ||| ::* <script>alert(1)</script>", "No results for ‘script alert 1 script’"),
        ("'\"\\", NO_WORDS),
        ("\x00\x01 nul", "No results for ‘nul’"),
        ("🙂🙂🙂", NO_WORDS),
        ("a" * 5000, SHORTENED),
        ("word " * 500, SHORTENED),
        ("ﬁsh ＦＵＬＬ ｗｉｄｔｈ", "No results for ‘fish FULL width’"),
        ("الصحة", "No results for ‘الصحة’"),
        ("健康", "No results for ‘健康’"),
        ("zero\u200bwidth", "No results for ‘zero width’"),
        ("quinoa:* & !protein", " for ‘quinoa protein’"),
        ("(quinoa", "4 results for ‘quinoa’"),
        ('"unclosed', "No results for ‘unclosed’"),
        ("title:quinoa", " for ‘title quinoa’"),
    ],
)
def test_junk_queries_get_a_helpful_page(client, content, raw, shown):
    """Whatever is typed, the page says what it searched for, or why it searched for nothing."""
    response = client.get("/search/", {"q": raw, "page": "x", "type": "nonsense"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Search</h1>" in html
    assert shown in html


def test_junk_in_the_query_string_itself_is_harmless(client, content):
    for url in ("/search/?q=%FF%FE", "/search/?q=%00quinoa", "/search/?q=quinoa&page=99999", "/search/?q=quinoa&q=x"):
        assert client.get(url).status_code == 200, url
    assert "Allotment news" in result_titles(client.get("/search/?q=%00quinoa"))


def test_query_cleaning():
    assert clean_query("  Children's   long-term\thealth!! ") == ("Children's long-term health", False)
    assert clean_query("🙂 <b>&amp;</b>") == ("b amp b", False)
    assert clean_query("\x00") == ("", False)
    assert clean_query("ﬁsh") == ("fish", False)
    long_query, shortened = clean_query("health " * 100)
    assert shortened and len(long_query) <= MAX_QUERY_LENGTH and long_query.endswith("health")


def test_empty_and_symbol_only_searches_explain_what_to_do(client, home):
    assert "Type words in the box above" in client.get("/search/").content.decode()
    assert "did not include any words" in client.get("/search/?q=%21%21%21").content.decode()
    assert "searched for the first part" in client.get("/search/", {"q": "health " * 100}).content.decode()
