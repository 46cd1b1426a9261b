from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from django.db.models.signals import post_migrate

        from pages import page_cache, text
        from pages.permissions import register_media_permission_policies
        from pages.site_address import apply_after_migrate
        from pages.spreadsheets import protect_spreadsheet_exports

        page_cache.connect_signals()
        text.connect_signals()
        register_media_permission_policies()
        post_migrate.connect(apply_after_migrate, sender=self, dispatch_uid="pages-site-address")
        protect_spreadsheet_exports()
