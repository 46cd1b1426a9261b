"""The shared base of every page: abstract page types, blocks, images, querysets and text rules."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page base"

    def ready(self):
        from core import text

        text.connect_signals()
