import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from case_studies.factories import CaseStudyPageFactory
from core.factories import HETImageFactory
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import PolicyObjectivePageFactory, PriorityPageFactory, StandardPageFactory, SubgroupPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_objectives_news_and_events(client, site_tree):
    objective = PolicyObjectivePageFactory(
        parent=site_tree["objectives"], title="Give every child the best start in life"
    )
    NewsPageFactory(parent=site_tree["news"], title="ShinyMind app")
    EventPageFactory(parent=site_tree["events"], title="HealthFest")
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert objective.title in html
    assert "ShinyMind app" in html
    assert "HealthFest" in html
    assert '<a href="#main-content" class="skip-link">' in html


def test_every_index_page_renders(client, site_tree):
    for key in ("objectives", "priorities", "subgroups", "news", "events", "case_studies"):
        response = client.get(site_tree[key].url)
        assert response.status_code == 200, key
        assert f"<h1>{escape(site_tree[key].title)}</h1>" in response.content.decode()


def test_topic_pages_list_their_related_content(client, site_tree):
    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"])
    priority = PriorityPageFactory(parent=site_tree["priorities"])
    subgroup = SubgroupPageFactory(parent=site_tree["subgroups"], title="Housing and health")
    news = NewsPageFactory(parent=site_tree["news"], title="Walking maps", policy_objectives=[objective])
    event = EventPageFactory(parent=site_tree["events"], title="Workshop", priorities=[priority])
    case_study = CaseStudyPageFactory(parent=site_tree["case_studies"], title="Period poverty", subgroups=[subgroup])
    NewsPageFactory(parent=site_tree["news"], title="Unrelated story")

    html = client.get(objective.url).content.decode()
    assert news.title in html and "Unrelated story" not in html
    assert event.title in client.get(priority.url).content.decode()
    subgroup_html = client.get(subgroup.url).content.decode()
    assert case_study.title in subgroup_html
    assert "Family Hubs programme" in subgroup_html


def test_detail_pages_render_with_realistic_content(client, site_tree):
    image = HETImageFactory()
    pages = [
        StandardPageFactory(parent=site_tree["home"], title="HET activities"),
        NewsPageFactory(parent=site_tree["news"], listing_image=image, date=datetime.date(2024, 6, 1)),
        EventPageFactory(
            parent=site_tree["events"],
            address="Town Hall, Luton LU1 2BQ",
            step_free_access=True,
            body=[
                {"type": "key_facts", "value": {"heading": "", "facts": [{"figure": "80+", "label": "people"}]}},
                {
                    "type": "accordion",
                    "value": {"heading": "Agenda", "sections": [{"title": "Opening", "content": "<p>Welcome</p>"}]},
                },
            ],
        ),
        CaseStudyPageFactory(parent=site_tree["case_studies"], listing_image=image),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page
        assert page.title in response.content.decode()
    event_html = client.get(pages[2].url).content.decode()
    assert "Step-free access" in event_html
    assert "openstreetmap.org/search?query=Town+Hall" in event_html
    assert image.description in client.get(pages[1].url).content.decode()


def test_past_events_move_off_the_upcoming_list(client, site_tree):
    now = timezone.now()
    EventPageFactory(
        parent=site_tree["events"],
        title="Finished event",
        start=now - datetime.timedelta(days=2),
        end=now - datetime.timedelta(days=1),
    )
    EventPageFactory(parent=site_tree["events"], title="Next event")
    upcoming = client.get(site_tree["events"].url).content.decode()
    past = client.get(site_tree["events"].url + "?when=past").content.decode()
    assert "Next event" in upcoming and "Finished event" not in upcoming
    assert "Finished event" in past and "Next event" not in past


def test_missing_page_gets_the_friendly_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_search_page_finds_nothing_politely(client, home):
    response = client.get("/search/?q=zzzzqqq")
    assert response.status_code == 200
    assert "No results" in response.content.decode()
    assert client.get("/search/").status_code == 200
