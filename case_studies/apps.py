from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "case_studies"
    verbose_name = "Case studies"

    def ready(self):
        from case_studies import checks, signal_handlers  # noqa: F401
        from page_cache.keys import vary_on_query_parameters

        # The confirmation page shows the submission's reference.
        vary_on_query_parameters("ref")
