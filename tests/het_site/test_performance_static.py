"""In production, static files have content-hashed names, are cached for a year and are sent compressed."""

import importlib
import io
import secrets
import sys

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from het_site.settings import base


@pytest.fixture
def production_settings(monkeypatch):
    """het_site.settings.production as a module, loaded with a key long enough for it to start."""
    monkeypatch.setattr(base, "SECRET_KEY", secrets.token_urlsafe(64))
    monkeypatch.delitem(sys.modules, "het_site.settings.production", raising=False)
    yield importlib.import_module("het_site.settings.production")
    sys.modules.pop("het_site.settings.production", None)


@pytest.fixture
def collected_static(settings, tmp_path, production_settings):
    settings.STORAGES = production_settings.STORAGES
    settings.STATIC_ROOT = tmp_path / "static"
    # Only the site's own files: Wagtail's admin files would make the test slow and prove nothing more.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0, stdout=io.StringIO())
    return settings.STATIC_ROOT


@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip"), ("", None)])
def test_css_is_served_compressed_with_a_hashed_name_and_cached_for_good(collected_static, accept, encoding):
    url = static("css/site.css")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"  # a content hash in the name
    response = Client().get(url, headers={"accept-encoding": accept})
    assert response.status_code == 200
    assert response.get("Content-Encoding") == encoding
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control and "max-age=315360000" in cache_control
    body = b"".join(response.streaming_content)
    if encoding:
        assert len(body) < 15 * 1024
        assert len(body) < len((collected_static / url.removeprefix("/static/")).read_bytes()) / 2


def test_pages_link_the_hashed_stylesheet(collected_static, client, home):
    html = client.get("/").content.decode()
    assert f'href="{static("css/site.css")}"' in html
    assert f'src="{static("js/site.js")}"' in html
