"""The editors' guide (docs/editors.md), shown in the admin from the Help menu."""

from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

EDITORS_GUIDE = Path(settings.BASE_DIR) / "docs" / "editors.md"


@cache
def editors_guide_html():
    """docs/editors.md as HTML. The file ships with the code, so it is trusted and read once per process."""
    # Tables for the roles table; fenced code for the cron lines; toc gives headings ids to link to.
    return markdown.markdown(EDITORS_GUIDE.read_text(encoding="utf-8"), extensions=["tables", "fenced_code", "toc"])


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The guide for officers (docs/editors.md), shown in the admin from the Help menu."""

    template_name = "editorial/editors_guide.html"
    page_title = "Guide for editors"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide"] = mark_safe(editors_guide_html())  # noqa: S308 - our own markdown file, not user input
        return context
