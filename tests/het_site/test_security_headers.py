"""Production settings pass Django's deployment checklist, and every response carries the security headers."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.factories import HETImageFactory
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from tests.support.production_server import production_manage

BASE_DIR = Path(__file__).resolve().parents[2]
VIDEO_ORIGINS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def test_deploy_check_reports_no_warnings():
    result = production_manage("check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


def test_production_refuses_a_weak_secret_key():
    result = production_manage("check", secret_key="too-short")
    assert result.returncode != 0
    assert "Set SECRET_KEY to a random string of at least 50 characters." in result.stderr


def parse_policy(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


@pytest.mark.django_db
def test_public_pages_get_a_strict_policy_and_the_other_headers(client, site_tree):
    response = client.get(site_tree["news"].url)
    assert response.status_code == 200
    policy = parse_policy(response["Content-Security-Policy"])
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["default-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'self'"}
    assert policy["frame-src"] == VIDEO_ORIGINS
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert not response.cookies


@pytest.mark.django_db
def test_static_files_and_errors_carry_the_headers_too(client, home):
    for response in (client.get("/static/css/site.css"), client.get("/no-such-page/")):
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "Permissions-Policy" in response


class ScriptAndStyleCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in attributes:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}=...>")
        is_data = attributes.get("type") == "application/ld+json"
        if tag == "script" and not is_data and not (attributes.get("src") or "").startswith("/static/"):
            self.problems.append(f"<script {attributes}>")
        if tag == "style":
            self.problems.append("<style>")


@pytest.mark.django_db
def test_public_pages_need_no_inline_script_or_style(client, site_tree):
    """The strict policy would block inline code, so the pages must not depend on any."""
    video = {"type": "video", "value": {"title": "HealthFest", "url": "https://www.youtube.com/watch?v=abcdefghijk"}}
    pages = [
        site_tree["home"],
        StandardPageFactory(parent=site_tree["home"], body=[video]),
        NewsPageFactory(parent=site_tree["news"], listing_image=HETImageFactory()),
        EventPageFactory(parent=site_tree["events"], address="Town Hall, Luton LU1 2BQ"),
    ]
    urls = [page.url for page in pages] + [site_tree[key].url for key in site_tree] + ["/search/?q=health"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        collector = ScriptAndStyleCollector()
        collector.feed(response.content.decode())
        assert collector.problems == [], url
