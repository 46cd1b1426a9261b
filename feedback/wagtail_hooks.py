import django_filters
from django.db.models import Exists, OuterRef
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from feedback.models import PageFeedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Feedback is what visitors said, so officers can read and delete it but not write or change it."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(PageFeedback, FeedbackPermissionPolicy(PageFeedback), exact_class=True)


def pages_with_feedback(request):
    return Page.objects.filter(Exists(PageFeedback.objects.filter(page=OuterRef("pk")))).order_by("title")


class PageFeedbackFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(queryset=pages_with_feedback, label="Page", empty_label="All pages")
    useful = django_filters.BooleanFilter(
        label="Useful?", widget=django_filters.widgets.BooleanWidget(), help_text="Whether the visitor said yes."
    )
    created_at = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)
    has_comment = django_filters.BooleanFilter(
        label="Has a comment", method="filter_has_comment", widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = PageFeedback
        fields = ["page", "useful", "created_at"]

    def filter_has_comment(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(comment="") if value else queryset.filter(comment="")


class PageFeedbackViewSet(ModelViewSet):
    model = PageFeedback
    icon = "comment"
    menu_label = "Page feedback"
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "url",
        Column("useful_answer", label="Useful?"),
        "comment",
        DateColumn("created_at", label="Sent"),
    ]
    list_export = ["created_at", "url", "useful_answer", "comment"]
    export_headings = {"created_at": "Sent", "url": "Page address", "useful_answer": "Useful?", "comment": "Comment"}
    filterset_class = PageFeedbackFilterSet
    search_fields = ["comment", "url"]
    search_backend_name = None
    form_fields = ["useful", "comment"]
    inspect_view_fields = ["page", "url", "useful_answer", "comment", "created_at"]


@hooks.register("register_admin_viewset")
def register_page_feedback_viewset():
    return PageFeedbackViewSet("page_feedback")
