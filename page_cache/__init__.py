"""Whole-page cache for anonymous visitors, emptied whenever anything they can see changes.

A visitor with no session, CSRF or messages cookie gets the same page as every other such visitor, so a GET of a
public page is stored in Django's cache (Redis when REDIS_URL is set) and served from there until it expires or
something visitors see changes. Responses carry `X-Cache: HIT`, `MISS` or `BYPASS`.

- cache.py: the cache "generation" every stored page belongs to, `invalidate()`, which starts a new one, and
  `expire_at()` for pages that go out of date by themselves.
- keys.py: which query parameters are part of a stored page's key (`vary_on_query_parameters()`).
- middleware.py: `PageCacheMiddleware`, which stores and serves pages, and what it never stores.
- signal_handlers.py: what empties the cache: publishing, unpublishing, moving and deleting pages, privacy and site
  changes, and changes to the models declared visible in core/visibility.py. Not draft saves or workflow steps.
- checks.py: the deploy check that production shares one cache between processes.
"""
