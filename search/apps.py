"""The site's search page."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from core.visibility import show_to_visitors
        from page_cache.keys import vary_on_query_parameters

        # The search words and the type of page searched for.
        vary_on_query_parameters("q", "type")
        # Promoted results show at the top of the search page; a search term alone, with none, shows nothing.
        show_to_visitors(SearchPromotion)
        show_to_visitors(Query, when_created=False)
