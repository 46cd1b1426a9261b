"""Moderators' reports: Broken links (content pointing at something visitors can no longer reach) and Pages without
review (live pages nobody would be reminded to check)."""

import datetime

from wagtail.admin.views.reports import PageReportView

from core.links import broken_references
from editorial.review import pages_missing_review


class BrokenLinksReportView(PageReportView):
    """For moderators (and anyone who may publish): each page listed says which block or field to fix and why."""

    page_title = "Broken links"
    header_icon = "warning"
    results_template_name = "editorial/reports/broken_links_results.html"
    index_url_name = "broken_links_report"
    index_results_url_name = "broken_links_report_results"
    permission_required = "publish"
    list_export = [*PageReportView.list_export, "broken_link_text"]
    export_headings = {**PageReportView.export_headings, "broken_link_text": "Broken links"}

    def get_filename(self):
        return f"broken-links-report-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        self.broken = broken_references()
        pages = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = pages.filter(pk__in=self.broken).order_by("path").specific(defer=True)
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.broken_links = self.broken.get(page.pk, [])
            page.broken_link_text = "; ".join(f"{field}: {kind} {state}" for field, state, kind in page.broken_links)
        return object_list


class MissingReviewReportView(PageReportView):
    """Live pages with no owner or no review date: nobody would be reminded to check them. For Moderators."""

    results_template_name = "editorial/reports/missing_review_results.html"
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
