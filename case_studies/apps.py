from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "case_studies"
    verbose_name = "Case studies"

    def ready(self):
        from case_studies import checks, signal_handlers  # noqa: F401
