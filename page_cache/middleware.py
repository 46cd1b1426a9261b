"""PageCacheMiddleware: stores public pages for anonymous visitors and serves them while their generation lasts.

Never cached: other methods than GET and HEAD, the admin and the paths in PAGE_CACHE_EXCLUDED_PATHS, requests
with a session, CSRF or messages cookie or an Authorization header, and responses that set a cookie, say
`Cache-Control: private`, `no-cache` or `no-store` (Django's `never_cache` does), stream, or are not 200.
"""

import math

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import cc_delim_re, has_vary_header

from core.freshness import GENERATION_KEY, start_generation_if_none
from page_cache.cache import cache_seconds, valid_until
from page_cache.keys import keep_query_parameters, page_key

BYPASS_COOKIES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME")
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


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
            start_generation_if_none()
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
