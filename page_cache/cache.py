"""The cache generation (core/freshness.py): every stored page belongs to one, and a page from an older generation is
never served.

Emptying the cache is starting a new generation (`invalidate()`), one write however many pages are stored. A page
that goes out of date by itself (an event ending) says when with `expire_at()`.
"""

from django.conf import settings

from core.freshness import new_generation


def cache_seconds():
    """How long a page is kept, in seconds (PAGE_CACHE_SECONDS, default 300); 0 turns the page cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def invalidate(**kwargs):
    """Empty the page cache, and everything else kept until visitors see a change, by starting a new generation
    (core/freshness.py). Takes a signal's arguments and ignores them."""
    new_generation()


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
