"""The whole-page cache for anonymous visitors and the signals that empty it."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        from page_cache import cache

        cache.connect_signals()
