"""Site-wide settings officers edit: contact details, the alert banner, menus and the site's address."""

from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "site_settings"
    verbose_name = "Site settings"

    def ready(self):
        from django.db.models.signals import post_migrate

        from site_settings import site_address

        post_migrate.connect(site_address.apply_after_migrate, sender=self, dispatch_uid="site-settings-site-address")
