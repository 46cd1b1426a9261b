"""The deploy check (`manage.py check --deploy`) that production's page cache is shared by every process."""

from django.conf import settings
from django.core import checks

from page_cache.cache import cache_seconds

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
                id="page_cache.W001",
            )
        ]
    return []
