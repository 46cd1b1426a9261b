"""How officers work in the admin: roles and moderation, media permissions, content review, reports."""

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from editorial.permissions import register_media_permission_policies
        from editorial.spreadsheets import protect_spreadsheet_exports

        register_media_permission_policies()
        protect_spreadsheet_exports()
