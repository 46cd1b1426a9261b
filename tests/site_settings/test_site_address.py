"""The site's links use its configured address (SITE_URL), written into the Wagtail Site by migrate or
set_site_address: canonical links, og:url, the sitemap, feeds, calendar files and the partner's email."""

import re
from io import StringIO

import feedparser
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Site

from case_studies.models import CaseStudySubmission
from events.models import EventPage
from news.models import NewsPage
from pages.models import PolicyObjectivePage, SubgroupPage
from site_settings.site_address import parse_site_url

pytestmark = pytest.mark.django_db

ADDRESSES = [
    ("http://127.0.0.1:8123", "127.0.0.1", 8123, "http://127.0.0.1:8123/"),
    ("https://het.luton.gov.uk", "het.luton.gov.uk", 443, "https://het.luton.gov.uk/"),
    ("http://het.example.org/", "het.example.org", 80, "http://het.example.org/"),
]


@pytest.fixture(params=ADDRESSES[:2], ids=["make-run", "production"])
def address(request, het_site, settings):
    site_url, _hostname, _port, prefix = request.param
    settings.SITE_URL = site_url
    call_command("set_site_address", stdout=StringIO())
    return prefix


def test_every_published_link_uses_the_site_address(client, address, django_capture_on_commit_callbacks):
    for page in [Site.objects.get(is_default_site=True).root_page, NewsPage.objects.live().first()]:
        html = client.get(page.url).content.decode()
        expected = escape(address + page.url.lstrip("/"))
        assert f'<link rel="canonical" href="{expected}">' in html
        assert f'<meta property="og:url" content="{expected}">' in html

    locations = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    assert len(locations) > 30
    assert all(location.startswith(address) for location in locations), locations

    for route in ("rss/", "atom/"):
        feed = feedparser.parse(client.get("/news/" + route).content)
        assert feed.entries and feed.feed.link.startswith(address)
        assert all(entry.link.startswith(address) for entry in feed.entries)

    event = EventPage.objects.live().first()
    ics = client.get(event.url + "calendar.ics").content.decode().replace("\r\n ", "")
    assert f"URL:{address}{event.url.lstrip('/')}" in ics

    assert_partners_published_email_links_to(address, client, django_capture_on_commit_callbacks)


def assert_partners_published_email_links_to(address, client, django_capture_on_commit_callbacks):
    data = {
        "organisation_name": "Noah Enterprise",
        "submitter_name": "Sam Patel",
        "email": "sam.patel@noah.example",
        "title": "Welfare support for people who are homeless",
        "summary": "We helped people who are homeless get the benefits and health care they are entitled to.",
        "what_they_did": "We ran weekly drop-ins at the day centre.",
        "difference_made": "120 people got support.",
        "policy_objectives": [str(PolicyObjectivePage.objects.live().first().pk)],
        "subgroup": str(SubgroupPage.objects.live().first().pk),
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/case-studies/submit/", data).status_code == 302
    page = CaseStudySubmission.objects.get().page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    [email] = [message for message in mail.outbox if message.to == ["sam.patel@noah.example"]]
    assert "published" in email.subject
    assert f"{address}case-studies/" in email.body
    assert "localhost" not in email.body and "testserver" not in email.body


@pytest.mark.parametrize(("site_url", "hostname", "port", "root"), ADDRESSES)
def test_migrate_writes_the_address_into_the_default_site(settings, site_url, hostname, port, root):
    settings.SITE_URL = site_url
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (hostname, port)
    assert site.root_url + "/" == root


@pytest.mark.parametrize(
    "site_url",
    [
        "het.luton.gov.uk",
        "ftp://het.luton.gov.uk",
        "https://het.luton.gov.uk:8443",
        "http://het.luton.gov.uk:443",
        "https://het.luton.gov.uk/news/",
        "https://het.luton.gov.uk:port",
    ],
)
def test_addresses_a_site_cannot_stand_for_are_refused(site_url):
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        parse_site_url(site_url)


def test_set_site_address_says_where_links_now_point(het_site, settings):
    settings.SITE_URL = "https://het.luton.gov.uk"
    out = StringIO()
    call_command("set_site_address", stdout=out)
    assert "https://het.luton.gov.uk/" in out.getvalue()
