"""The whole-page cache for anonymous visitors and the signals that empty it."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        from wagtail.models import PageViewRestriction, Site

        from core.visibility import show_to_visitors
        from page_cache import (
            checks,  # noqa: F401  (importing it registers the deploy check)
            signal_handlers,
        )

        # How Wagtail serves pages: which site and home page answer an address, and who may see a page.
        show_to_visitors(Site)
        show_to_visitors(PageViewRestriction)
        signal_handlers.connect()
