from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from indicators.admin_views import UploadViewSet
from indicators.models import ImportRun, Indicator


class ImportRunPermissionPolicy(ModelPermissionPolicy):
    """The import history is a record: it is written by imports, never added, edited or deleted by hand. The
    permission to add one ("Can add import run", which Moderators have) is the permission to upload a file
    (indicators/admin_views.py)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ImportRun, ImportRunPermissionPolicy(ImportRun), exact_class=True)


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = "Indicators"
    menu_name = "indicators"
    copy_view_enabled = False
    inspect_view_enabled = True
    search_fields = ["name"]
    search_backend_name = None
    list_display = [
        "name",
        Column("fingertips_id", label="Fingertips ID"),
        BooleanColumn("shown", label="Shown on the site"),
    ]

    def get_queryset(self, request):
        return Indicator.objects.with_shown()


class ImportRunViewSet(ModelViewSet):
    model = ImportRun
    icon = "history"
    menu_label = "Import history"
    name = "indicator_imports"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "file_name",
        Column("status", accessor="get_status_display", label="Status"),
        Column("who", label="By"),
        DateColumn("created_at", label="Uploaded"),
        DateColumn("imported_at", label="Imported"),
        Column("rows_added", label="Added"),
        Column("rows_changed", label="Changed"),
        Column("rows_refused", label="Refused"),
    ]
    inspect_view_fields = [
        "file_name",
        "status",
        "imported_by",
        "created_at",
        "imported_at",
        "rows_added",
        "rows_changed",
        "rows_unchanged",
        "rows_refused",
        "rows_not_tracked",
    ]
    form_fields = ["file_name"]


class IndicatorsGroup(ViewSetGroup):
    menu_label = "Health indicators"
    menu_icon = "table"
    menu_order = 260
    items = (IndicatorViewSet, UploadViewSet, ImportRunViewSet)


@hooks.register("register_admin_viewset")
def register_indicators():
    return IndicatorsGroup()
