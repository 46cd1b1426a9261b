from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Health equity indicators"

    def ready(self):
        from indicators.models import ImportRun, Indicator
        from page_cache.cache import invalidate_on_change

        # An officer's edit to an indicator, or a finished import (its ImportRun is saved last, after the values),
        # changes the indicator pages and the objective and priority pages that list them.
        invalidate_on_change(Indicator, ImportRun)
