"""Admin pages of this site's own: the editors' guide and the report of pages content review does not cover."""

from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView

from pages.review import pages_missing_review

EDITORS_GUIDE = Path(settings.BASE_DIR) / "docs" / "editors.md"


@cache
def editors_guide_html():
    """docs/editors.md as HTML. The file ships with the code, so it is trusted and read once per process."""
    # Tables for the roles table; fenced code for the cron lines; toc gives headings ids to link to.
    return markdown.markdown(EDITORS_GUIDE.read_text(encoding="utf-8"), extensions=["tables", "fenced_code", "toc"])


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The guide for officers (docs/editors.md), shown in the admin from the Help menu."""

    template_name = "pages/admin/editors_guide.html"
    page_title = "Guide for editors"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide"] = mark_safe(editors_guide_html())  # noqa: S308 - our own markdown file, not user input
        return context


class MissingReviewReportView(PageReportView):
    """Live pages with no owner or no review date: nobody would be reminded to check them. For Moderators."""

    results_template_name = "pages/admin/missing_review_results.html"
    page_title = "Pages without review"
    header_icon = "warning"
    index_url_name = "missing_review_report"
    index_results_url_name = "missing_review_report_results"
    # Moderators publish; they are the ones who can hand a page to an owner and publish the change.
    permission_required = "publish"
    list_export = ["title", "owner", "next_review_date", "url_path"]
    export_headings = {"owner": "Owner", "next_review_date": "Review date", "url_path": "Path"}

    def get_queryset(self):
        self.queryset = pages_missing_review().select_related("owner").specific()
        return super().get_queryset()

    def get_filename(self):
        return "pages-without-review"
