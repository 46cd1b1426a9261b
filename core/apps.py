"""The shared base of every page: abstract page types, blocks, images, querysets and text rules."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page base"

    def ready(self):
        from wagtail.documents import get_document_model

        from core import text
        from core.visibility import show_to_visitors

        text.connect_signals()
        # Like images (core.models.HETImage), a new document is on no page until a page linking to it is published.
        show_to_visitors(get_document_model(), when_created=False)
