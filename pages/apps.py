"""The site's own page types: home, standard pages and the Marmot objectives, priorities and subgroups."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from page_cache.keys import vary_on_query_parameters
        from pages.filters import TOPIC_FIELDS

        vary_on_query_parameters(*TOPIC_FIELDS)
