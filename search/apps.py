"""The site's search page."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from page_cache.cache import vary_on_query_parameters

        # The search words and the type of page searched for.
        vary_on_query_parameters("q", "type")
