from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from pages import page_cache
        from pages.permissions import register_media_permission_policies

        page_cache.connect_signals()
        register_media_permission_policies()
