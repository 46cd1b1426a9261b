from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from events.models import EventFilterForm
        from page_cache.keys import vary_on_query_parameters

        vary_on_query_parameters(*EventFilterForm.declared_fields)
