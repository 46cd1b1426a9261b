"""What other programs read: HEAD requests, RSS 2.0 and Atom (RFC 4287), iCalendar (RFC 5545) and sitemaps.org.

Checked with validators where one exists: the Atom RELAX NG grammar from RFC 4287 (tests/fixtures/atom.rnc) and
the sitemaps.org schema (tests/fixtures/sitemap.xsd), both with lxml; icalendar for calendars; and the required
elements of each specification spelled out where no schema covers them (RSS 2.0, RFC 5545's properties).
"""

import email.utils
from urllib.parse import urlsplit

import pytest
import rnc2rng
from icalendar import Calendar
from lxml import etree
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage
from tests.support.site import public_urls

pytestmark = pytest.mark.django_db

FIXTURES = __import__("pathlib").Path(__file__).parent.parent / "fixtures"
ATOM = "{http://www.w3.org/2005/Atom}"
# Headers that may differ between any two requests for the same thing (an empty feed's Last-Modified is "now").
VARYING_HEADERS = {"X-Cache", "Content-Security-Policy", "Date", "Expires", "Last-Modified"}


def atom_schema():
    # RFC 4287 declares `local` as the empty namespace, which RELAX NG XML cannot declare as a prefix.
    rng = rnc2rng.dumps(rnc2rng.load(str(FIXTURES / "atom.rnc"))).replace(' xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.encode()))


def test_head_robots_txt_answers_like_get(client):
    response = client.head("/robots.txt")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_every_public_url_answers_head_like_get(client, het_site, subtests):
    for url in public_urls():
        with subtests.test(url=url):
            head = client.head(url)
            get = client.get(url)
            assert get.status_code != 500
            assert head.status_code == get.status_code
            assert head.content == b""
            assert head.get("Content-Type") == get.get("Content-Type")
            assert {name: value for name, value in head.items() if name not in VARYING_HEADERS} == {
                name: value for name, value in get.items() if name not in VARYING_HEADERS
            }


def calendar_urls():
    events = EventIndexPage.objects.get()
    return [events.url + "feed.ics"] + [event.url + "calendar.ics" for event in EventPage.objects.live()]


def test_calendar_ttl_is_an_icalendar_duration(client, het_site):
    lines = client.get(calendar_urls()[0]).content.decode().split("\r\n")
    assert "X-PUBLISHED-TTL:PT6H" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in lines


def test_every_calendar_follows_rfc_5545(client, het_site, subtests):
    for url in calendar_urls():
        with subtests.test(url=url):
            data = client.get(url).content
            assert data.endswith(b"\r\n")
            lines = data.split(b"\r\n")[:-1]
            assert b"\n" not in b"".join(lines)
            # Lines are folded at 75 octets, continuation lines starting with a space.
            assert all(len(line) <= 75 for line in lines), [line for line in lines if len(line) > 75]
            calendar = Calendar.from_ical(data)
            assert not calendar.errors
            assert str(calendar["VERSION"]) == "2.0"
            assert str(calendar["PRODID"])
            assert str(calendar["METHOD"]) == "PUBLISH"
            assert str(calendar["X-WR-CALNAME"])
            defined_zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
            events = calendar.walk("VEVENT")
            if url.endswith("calendar.ics"):
                assert len(events) == 1
            uids = [str(event["UID"]) for event in events]
            assert len(set(uids)) == len(uids)
            for event in events:
                assert not event.errors
                for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                    assert name in event, name
                assert event["DTSTAMP"].dt.utcoffset().total_seconds() == 0
                for name in ("DTSTART", "DTEND"):
                    tzid = event[name].params.get("TZID")
                    assert tzid is None or tzid in defined_zones
                start, end = event["DTSTART"], event["DTEND"]
                if start.params.get("VALUE") == "DATE":
                    assert end.params.get("VALUE") == "DATE"
                    assert end.dt > start.dt  # DTEND of a whole-day event is the day after the last day
                else:
                    assert end.dt >= start.dt
                assert urlsplit(str(event["URL"])).scheme == "http"


def assert_absolute(url):
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.netloc, url


@pytest.mark.parametrize("query", ["", "?objective=best-start-in-life", "?objective=999999"])
def test_rss_feed_has_what_rss_2_requires(client, het_site, query):
    news = NewsIndexPage.objects.get()
    if query == "?objective=best-start-in-life":
        query = f"?objective={Page.objects.get(slug='best-start-in-life').pk}"
    address = "http://testserver" + news.url + "rss/" + query
    response = client.get(address)
    assert response.status_code == 200
    rss = etree.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    [channel] = rss.findall("channel")
    for name in ("title", "link", "description"):
        assert channel.findtext(name), name
    assert_absolute(channel.findtext("link"))
    [self_link] = channel.findall(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    # A filter that matches no topic is ignored, so the feed is the unfiltered one and says so.
    assert self_link.get("href") == address.removesuffix("?objective=999999")
    email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == len(guids)
    for item in items:
        assert item.findtext("title") or item.findtext("description")
        assert_absolute(item.findtext("link"))
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
    if not query:
        assert items


@pytest.mark.parametrize("filtered", [False, True])
def test_atom_feed_is_valid_rfc_4287(client, het_site, filtered):
    news = NewsIndexPage.objects.get()
    query = f"?objective={Page.objects.get(slug='best-start-in-life').pk}" if filtered else ""
    address = "http://testserver" + news.url + "atom/" + query
    response = client.get(address)
    assert response.status_code == 200
    feed = etree.fromstring(response.content)
    schema = atom_schema()
    assert schema.validate(feed), schema.error_log
    # The two rules RFC 4287 states in prose (and Schematron) rather than in the grammar.
    entries = feed.findall(f"{ATOM}entry")
    assert feed.find(f"{ATOM}author") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    for entry in entries:
        if entry.find(f"{ATOM}content") is None:
            assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link"))
    ids = [feed.findtext(f"{ATOM}id")] + [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    assert [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"] == [address]
    for link in feed.iter(f"{ATOM}link"):
        assert_absolute(link.get("href"))
    if not filtered:
        assert entries


def test_sitemap_is_valid_against_the_sitemaps_org_schema(client, het_site):
    schema = etree.XMLSchema(etree.parse(str(FIXTURES / "sitemap.xsd")))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = etree.fromstring(response.content)
    assert schema.validate(sitemap), schema.error_log
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locations) == Page.objects.live().public().count() - 1  # every page but the tree's root
    assert len(set(locations)) == len(locations)
