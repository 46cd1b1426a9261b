from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Page feedback"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from page_cache.keys import vary_on_query_parameters

        # The step of the "Is this page useful?" form shown after an answer.
        vary_on_query_parameters("feedback")
