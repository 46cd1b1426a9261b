from wagtail import hooks
from wagtail.admin.ui.components import Component

from pages.review import overdue_pages


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
