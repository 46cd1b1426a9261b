"""The cache generation: every stored page belongs to one, and a page from an older generation is never served.

Emptying the cache is starting a new generation (`invalidate()`), one write however many pages are stored. A page
that goes out of date by itself (an event ending) says when with `expire_at()`.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "het:page-cache:generation"


def cache_seconds():
    """How long a page is kept, in seconds (PAGE_CACHE_SECONDS, default 300); 0 turns the page cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def invalidate(**kwargs):
    """Start a new generation: every stored page is now out of date. Takes a signal's arguments and ignores them.

    Done at once and again after the transaction commits, so a page rendered from the old data while the change
    was being saved cannot be stored under the new generation.
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def start_generation_if_none():
    """Start a generation if the cache has none (it was emptied or restarted), without replacing a newer one."""
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def expire_at(request, moment):
    """Keep the page this request renders only until `moment` (an aware datetime, or None for no limit), when it
    would change by itself: an event ending and so moving to past events, say. Stored pages are checked against
    Django's clock, so they expire exactly."""
    current = getattr(request, "page_cache_valid_until", None)
    if moment is not None and (current is None or moment < current):
        request.page_cache_valid_until = moment


def valid_until(request):
    """When the page rendered for `request` goes out of date by itself (an aware datetime), or None: the hints given
    with expire_at(), and the end of the site-wide alert banner."""
    from site_settings.models import SiteSettings

    site_settings = getattr(request, SiteSettings.get_cache_attr_name(), None)
    if site_settings is not None and site_settings.alert_is_showing:
        expire_at(request, site_settings.alert_ends_at)
    return getattr(request, "page_cache_valid_until", None)
