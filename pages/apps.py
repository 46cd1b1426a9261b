from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from pages import page_cache, text
        from pages.permissions import register_media_permission_policies
        from pages.spreadsheets import protect_spreadsheet_exports

        page_cache.connect_signals()
        text.connect_signals()
        register_media_permission_policies()
        protect_spreadsheet_exports()
