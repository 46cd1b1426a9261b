"""The page cache switched on for a test, in local memory or in Redis, as the page cache tests run it.

Redis is used as production does when REDIS_URL is set, under a key prefix of the test's own; the Redis run is
skipped only when no Redis server is reachable.
"""

import os
import uuid

import pytest
import redis
from wagtail.models import Site

from page_cache.cache import invalidate
from site_settings.models import SiteSettings

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
BACKENDS = ["locmem", "redis"]


def page_cache_on(backend, settings):
    """Generator for a fixture: switch the page cache on with `backend` ("locmem" or "redis"), yield the backend's
    name, and afterwards remove what the test stored in Redis."""
    settings.PAGE_CACHE_SECONDS = 300
    server = prefix = None
    if backend == "locmem":
        location = f"page-cache-test-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": location}
        }
    else:
        server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
        try:
            server.ping()
        except redis.exceptions.ConnectionError:
            pytest.skip(f"No Redis server reachable at {REDIS_URL}")
        prefix = f"het-test-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": prefix,
            }
        }
    # The first visit to a new site would create its settings row, which (like any settings change) empties the
    # cache; creating it here keeps each test about the change it makes.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    invalidate()
    yield backend
    if server is not None:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)


def stored(client, url):
    """Visit `url` until the page cache serves it, and return that response (the first visit stores it)."""
    for _ in range(2):
        response = client.get(url)
        if response["X-Cache"] == "HIT":
            return response
    raise AssertionError(f"{url} was not served from the page cache: X-Cache {response['X-Cache']}")
