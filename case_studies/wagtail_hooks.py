import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from case_studies.models import CaseStudySubmission


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Submissions only come from the public form and are kept as sent: officers can view and delete them."""

    read_only_actions = {"add", "change", "copy"}

    def user_has_permission(self, user, action):
        return action not in self.read_only_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SubmissionFilterSet(WagtailFilterSet):
    email_failed = django_filters.BooleanFilter(
        label="An email failed to send",
        field_name="email_failed_at",
        lookup_expr="isnull",
        exclude=True,
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = CaseStudySubmission
        fields = ["status"]


class CaseStudySubmissionViewSet(SnippetViewSet):
    model = CaseStudySubmission
    icon = "mail"
    menu_label = "Case study submissions"
    menu_name = "case-study-submissions"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = SubmissionFilterSet
    search_fields = ["reference", "organisation_name", "submitter_name", "email", "title"]
    search_backend_name = None
    list_display = [
        "reference",
        Column("title", label="Case study title"),
        "organisation_name",
        Column("submitter_name", label="Name"),
        "email",
        "status",
        DateColumn("submitted_at", label="Sent"),
        Column("problems", label="Problems"),
    ]
    list_per_page = 50
    inspect_view_fields = [
        "reference",
        "status",
        "submitted_at",
        "decided_at",
        "page",
        "organisation_name",
        "submitter_name",
        "email",
        "phone",
        "title",
        "summary",
        "what_they_did",
        "difference_made",
        "policy_objectives",
        "subgroup",
        "photo",
        "photo_description",
        "consent_given_at",
        "notice_sent_at",
        "acknowledgement_sent_at",
        "email_failed_at",
        "email_error",
        "outcome_emailed",
        "outcome_emailed_at",
        "personal_data_erased_at",
    ]


register_permission_policy(CaseStudySubmission, SubmissionPermissionPolicy(CaseStudySubmission))
register_snippet(CaseStudySubmissionViewSet)
