"""The partner behind a case study, shown on the case study's edit page in the admin."""

from wagtail.admin.panels import Panel


class SubmissionPanel(Panel):
    """Which public form submission a draft case study came from.

    Officers who may view submissions (Moderators) see who sent it, how to contact them and when they consented,
    with a link to the whole submission. Others (Editors) are told only that it came from a partner, by reference:
    submissions hold personal data. Not shown on case studies written by officers.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "case_studies/admin/submission_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.submission = None
            if self.instance is not None and self.instance.pk:
                self.submission = self.instance.submissions.order_by("-submitted_at", "-pk").first()

        def is_shown(self):
            return self.submission is not None and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            viewset = type(self.submission).snippet_viewset
            can_view = viewset.permission_policy.user_has_permission(self.request.user, "view")
            context.update(
                {
                    "submission": self.submission,
                    "can_view_submission": can_view,
                    "inspect_url": viewset.get_url_name("inspect") if can_view else "",
                }
            )
            return context
