"""Being found: sitemap.xml, robots.txt, canonical links, descriptions, social tags and schema.org JSON-LD."""

import datetime
import json
import re
import xml.etree.ElementTree as ET  # noqa: N817
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Page, PageViewRestriction, get_page_models

from core.factories import HETImageFactory
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from site_settings.models import SiteSettings
from tests.support.site import build_site

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def json_ld(response):
    assert response.status_code == 200
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_sitemap_lists_every_live_page_and_no_draft_or_private_page(client, db):
    site = build_site(items=1)
    live = [*site.values(), *(page for pages in site.content.values() for page in pages)]
    draft = NewsPageFactory(parent=site["news"], title="Draft story", live=False)
    private = StandardPageFactory(parent=site["home"], title="Officers only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = ET.fromstring(response.content)  # noqa: S314 (our own sitemap, not untrusted input)
    locations = {element.text for element in sitemap.iter(f"{SITEMAP}loc")}
    expected = {page.full_url for page in live}
    assert locations == expected
    assert draft.full_url not in locations and private.full_url not in locations
    assert Page.objects.live().exclude(depth=1).count() == len(expected) + 1  # every live page but the private one


def test_no_page_type_changes_its_sitemap_entry():
    # seo.sitemap lists plain pages, so a page type with its own get_sitemap_urls() would be left out of it.
    for model in get_page_models():
        assert model.get_sitemap_urls is Page.get_sitemap_urls, model


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_pages_have_canonical_description_and_social_tags(client, site_tree):
    image = HETImageFactory(description="Volunteers planting trees in Wardown Park")
    news = NewsPageFactory(
        parent=site_tree["news"], title="Tree planting", summary="Residents planted 200 trees.", listing_image=image
    )
    head = client.get(news.url).content.decode().split("</head>")[0]
    assert f'<link rel="canonical" href="{news.full_url}">' in head
    assert '<meta name="description" content="Residents planted 200 trees.">' in head
    assert '<meta property="og:type" content="article">' in head
    assert '<meta property="og:title" content="Tree planting">' in head
    assert f'<meta property="og:url" content="{news.full_url}">' in head
    assert '<meta property="og:description" content="Residents planted 200 trees.">' in head
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', head)
    assert '<meta property="og:image:alt" content="Volunteers planting trees in Wardown Park">' in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head

    home_head = client.get("/").content.decode().split("</head>")[0]
    assert '<meta property="og:type" content="website">' in home_head
    assert '<meta name="twitter:card" content="summary">' in home_head


def test_event_pages_describe_the_event(client, site_tree):
    london = ZoneInfo("Europe/London")
    event = EventPageFactory(
        parent=site_tree["events"],
        title="HealthFest",
        summary="Free health checks for everyone.",
        start=datetime.datetime(2030, 10, 27, 10, 0, tzinfo=london),
        end=datetime.datetime(2030, 10, 27, 23, 30, tzinfo=london),
        venue="Venue 360",
        address="1 Vauxhall Way\nLuton LU2 9AA",
        online_url="https://example.org/join",
        booking_url="https://example.org/book",
    )
    data = json_ld(client.get(event.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "HealthFest"
    assert data["startDate"] == "2030-10-27T10:00:00+00:00"
    assert data["endDate"] == "2030-10-27T23:30:00+00:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": "Venue 360", "address": "1 Vauxhall Way, Luton LU2 9AA"},
        {"@type": "VirtualLocation", "url": "https://example.org/join"},
    ]
    assert data["offers"]["url"] == "https://example.org/book"
    assert data["url"] == event.full_url
    assert data["description"] == "Free health checks for everyone."

    all_day = EventPageFactory(
        parent=site_tree["events"],
        dates_only=True,
        start=datetime.datetime(2030, 6, 1, 9, tzinfo=london),
        end=datetime.datetime(2030, 6, 2, 9, tzinfo=london),
    )
    data = json_ld(client.get(all_day.url))
    assert (data["startDate"], data["endDate"]) == ("2030-06-01", "2030-06-02")
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_news_pages_are_news_articles(client, site_tree):
    news = NewsPageFactory(parent=site_tree["news"], title="GoodGym launches", date=datetime.date(2024, 5, 2))
    data = json_ld(client.get(news.url))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "GoodGym launches"
    assert data["datePublished"] == "2024-05-02"
    assert data["publisher"]["name"] == "Luton Health Equity Town"
    assert data["mainEntityOfPage"] == news.full_url


def test_home_page_describes_the_organisation(client, home):
    SiteSettings.objects.create(site=home.get_site(), contact_email="het@luton.gov.uk", contact_phone="01582 546000")
    data = json_ld(client.get("/"))
    assert data["@type"] == "Organization"
    assert data["name"] == "Luton Health Equity Town"
    assert data["email"] == "het@luton.gov.uk"
    assert data["telephone"] == "01582 546000"
    assert data["parentOrganization"]["name"] == "Luton Council"


def test_json_ld_cannot_break_out_of_its_script_element(client, site_tree):
    news = NewsPageFactory(
        parent=site_tree["news"],
        title="</script><script>alert(1)</script>",
        summary="Tom & Jerry <b>bold</b> \u2028 line",
    )
    html = client.get(news.url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    data = json.loads(script)
    assert data["headline"] == "</script><script>alert(1)</script>"
    # The line separator is a line break like any other (core/text.py), and JSON escapes it.
    assert data["description"] == "Tom & Jerry <b>bold</b> \n line"
    assert "<script>alert(1)" not in html


def test_other_page_types_have_no_json_ld(client, site_tree):
    page = StandardPageFactory(parent=site_tree["home"])
    assert "application/ld+json" not in client.get(page.url).content.decode()
