"""Whole-page cache for anonymous visitors, emptied whenever anything they could see changes.

A visitor with no session, CSRF or messages cookie gets the same page as every other such visitor, so a GET of a
public page is stored in Django's cache (Redis when REDIS_URL is set) and served from there until it expires or
published content changes. Changes are caught by signals (publish, unpublish, move, delete, settings, menus,
images, documents, privacy); each one replaces the cache "generation", and an entry from an older generation is
never served. Responses carry `X-Cache: HIT`, `MISS` or `BYPASS`.

Only the query parameters the site's views read are part of a stored page's key: each app declares those its
views read with vary_on_query_parameters() in its AppConfig.ready(). The rest, such as a newsletter's
`utm_source`, are removed from the request before the view sees it. So a shared link with a tracking code is served
from the same entry as the plain address, and nobody can fill the cache with made-up parameters.
tests/test_page_cache_keys.py records which parameters every public page reads, so a view that starts reading a new
one fails there until its app declares it.

Never cached: other methods than GET and HEAD, the admin and the paths in PAGE_CACHE_EXCLUDED_PATHS, requests
with a session, CSRF or messages cookie or an Authorization header, and responses that set a cookie, say
`Cache-Control: private`, `no-cache` or `no-store` (Django's `never_cache` does), stream, or are not 200.
"""

import hashlib
import math
import uuid
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import cc_delim_re, has_vary_header
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "het:page-cache:generation"
BYPASS_COOKIES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME")
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def invalidate(**kwargs):
    """Start a new generation: every stored page is now out of date.

    Done at once and again after the transaction commits, so a page rendered from the old data while the change
    was being saved cannot be stored under the new generation.
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


# Models whose changes show on public pages, besides pages, images and documents. An app that adds such a model
# (a snippet shown on pages, say) calls invalidate_on_change(Model) from its AppConfig.ready().
CONTENT_MODELS = (
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "site_settings.SiteSettings",
    "site_settings.NavigationSettings",
    "site_settings.MainMenuItem",
    "site_settings.FooterLink",
    "site_settings.SocialLink",
    # Promoted search results show at the top of the search page.
    "wagtailsearchpromotions.SearchPromotion",
    "wagtailsearchpromotions.Query",
)


# Sitemap.xml's page number (Django's sitemap view reads `p`) and any listing's page number.
_query_parameters = {"page", "p"}


def vary_on_query_parameters(*names):
    """Declare GET parameters that change what a public page shows (a listing's filters, the search words), so
    they are kept in the request and in the stored page's key. Called from the AppConfig.ready() of the app whose
    views read them; every other parameter is removed before the view sees it."""
    _query_parameters.update(names)


def query_parameters():
    """The GET parameters declared with vary_on_query_parameters(), as a frozenset of names."""
    return frozenset(_query_parameters)


def invalidate_on_change(*models):
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")


def connect_signals():
    invalidate_on_change(*get_page_models(), get_image_model(), get_document_model())
    invalidate_on_change(*(apps.get_model(label) for label in CONTENT_MODELS))
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")


def expire_at(request, moment):
    """Keep the page this request renders only until `moment`, when it would change by itself: an event ending
    and so moving to past events, say. Stored pages are checked against Django's clock, so they expire exactly."""
    current = getattr(request, "page_cache_valid_until", None)
    if moment is not None and (current is None or moment < current):
        request.page_cache_valid_until = moment


def valid_until(request):
    """When the page rendered for `request` goes out of date by itself, if it does: the hints given with
    expire_at(), and the end of the site-wide alert banner."""
    from site_settings.models import SiteSettings

    site_settings = getattr(request, SiteSettings.get_cache_attr_name(), None)
    if site_settings is not None and site_settings.alert_is_showing:
        expire_at(request, site_settings.alert_ends_at)
    return getattr(request, "page_cache_valid_until", None)


def excluded_paths():
    return (reverse("wagtailadmin_home"), *getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ()))


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(getattr(settings, name) in request.COOKIES for name in BYPASS_COOKIES):
        return False
    return "messages" not in request.COOKIES


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & UNCACHEABLE_CACHE_CONTROL:
        return False
    return not (request.COOKIES and has_vary_header(response, "Cookie"))


def keep_query_parameters(request):
    """Drop the GET parameters no view reads (tracking codes and the like), in request.GET and the query string
    alike, so the page rendered depends only on what its cache key holds. The rest keep the visitor's order."""
    allowed = query_parameters()
    kept = [(name, value) for name, values in request.GET.lists() if name in allowed for value in values]
    query_string = urlencode(kept)
    if query_string != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query_string
        request.GET = QueryDict(query_string)


def page_key(request):
    """The cache key: the address with only the kept parameters, sorted so that their order does not matter (call
    keep_query_parameters first)."""
    query = urlencode(sorted((name, value) for name, values in request.GET.lists() for value in values))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "het:page:" + hashlib.sha256(url.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cache_seconds() or request.path.startswith(excluded_paths()):
            return self.get_response(request)
        if not request_is_cacheable(request):
            response = self.get_response(request)
            response["X-Cache"] = "BYPASS"
            return response

        keep_query_parameters(request)
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if (
            generation is not None
            and entry is not None
            and entry["generation"] == generation
            and (entry["valid_until"] is None or timezone.now() < entry["valid_until"])
        ):
            response = HttpResponse(entry["content"], status=entry["status"])
            for header, value in entry["headers"]:
                response[header] = value
            response["X-Cache"] = "HIT"
            return response

        response = self.get_response(request)
        if generation is None:
            # Nothing can be stored until a generation exists; starting one here would race with a change.
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        elif request.method == "GET" and response_is_cacheable(request, response):
            self.store(request, response, key, generation)
        response["X-Cache"] = "MISS"
        return response

    def store(self, request, response, key, generation):
        timeout = cache_seconds()
        until = valid_until(request)
        if until is not None:
            seconds_left = (until - timezone.now()).total_seconds()
            if seconds_left <= 0:
                return
            timeout = min(timeout, math.ceil(seconds_left))
        entry = {
            "generation": generation,
            "valid_until": until,
            "status": response.status_code,
            "headers": [(header, value) for header, value in response.items() if header != "X-Cache"],
            "content": response.content,
        }
        cache.set(key, entry, timeout=timeout)


SHARED_CACHE_BACKENDS = ("django.core.cache.backends.redis.RedisCache",)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Production's page cache must be one that every gunicorn worker and the scheduler share, on every machine."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if cache_seconds() and backend not in SHARED_CACHE_BACKENDS:
        where = "in each process's memory" if backend.endswith("LocMemCache") else "kept on this machine only"
        return [
            checks.Warning(
                f"The page cache is {where} ({backend.rsplit('.', 1)[-1]}): a process or server that did not make "
                "a change (a gunicorn worker, the scheduler publishing a page) would leave others serving the old "
                "page until it expires.",
                hint="Set REDIS_URL so every worker, server and the scheduler share one cache.",
                id="pages.W001",
            )
        ]
    return []
