"""What a stored page is keyed on: the host, the path and only the query parameters the site's views read.

Each app declares the parameters its views read with vary_on_query_parameters() in its AppConfig.ready(). The rest,
such as a newsletter's `utm_source`, are removed from the request before the view sees it. So a shared link with a
tracking code is served from the same entry as the plain address, and nobody can fill the cache with made-up
parameters. tests/page_cache/test_page_cache_keys.py records which parameters every public page reads, so a view
that starts reading a new one fails there until its app declares it.
"""

import hashlib
from urllib.parse import urlencode

from django.http import QueryDict

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
