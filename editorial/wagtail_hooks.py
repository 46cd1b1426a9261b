from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import policy_registry

from editorial.reports import BrokenLinksReportView, MissingReviewReportView
from editorial.review import overdue_pages
from editorial.views import EditorsGuideView


class OverdueReviewsPanel(Component):
    """Dashboard list of live pages whose review date has passed, so nobody has to go looking for them."""

    name = "overdue_reviews"
    template_name = "wagtailadmin/home/overdue_reviews.html"
    order = 150
    limit = 20

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = overdue_pages(user=self.user)
        context.update({"overdue_pages": pages[: self.limit], "overdue_count": len(pages)})
        return context


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request, panels):
    panels.append(OverdueReviewsPanel(request.user))


def report_urls(name, view_class, address):
    return [
        path(f"reports/{address}/", view_class.as_view(), name=name),
        path(f"reports/{address}/results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("editors-guide/", EditorsGuideView.as_view(), name="editors_guide"),
        *report_urls("missing_review_report", MissingReviewReportView, "pages-without-review"),
        *report_urls("broken_links_report", BrokenLinksReportView, "broken-links"),
    ]


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    return MenuItem(
        "Guide for editors", reverse("editors_guide"), name="het-editors-guide", icon_name="help", order=900
    )


class PublishersReportMenuItem(MenuItem):
    """A report for those who may publish (Moderators): the fixes it lists need publishing."""

    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "publish")


@hooks.register("register_reports_menu_item")
def register_missing_review_menu_item():
    return PublishersReportMenuItem(
        "Pages without review",
        reverse("missing_review_report"),
        name="pages-without-review",
        icon_name="warning",
        order=750,
    )


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return PublishersReportMenuItem(
        "Broken links", reverse("broken_links_report"), name="broken-links", icon_name="warning", order=760
    )
