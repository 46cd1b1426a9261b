from django.core.paginator import Paginator
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from case_studies import drafts, views
from case_studies.panels import SubmissionPanel
from case_studies.signals import submission_received
from core.blocks import RICH_TEXT_FEATURES, StoryBodyBlock
from core.models import BasePage, IndexPage
from pages.filters import TopicFilterForm
from pages.models import RelatedTopicsMixin

CASE_STUDIES_PER_PAGE = 12


class CaseStudyIndexPage(RoutablePageMixin, IndexPage):
    """Partner case studies showing how organisations are tackling health inequalities, filterable by topic, and
    the form partners send theirs in with (at `submit/` under this page, so it moves if the page does)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["case_studies.CaseStudyPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = TopicFilterForm(request.GET)
        case_studies = form.filter(CaseStudyPage.objects.child_of(self).for_listing()).order_by(
            "-first_published_at", "-pk"
        )
        context["filter_form"] = form
        context["case_studies_page"] = Paginator(case_studies, CASE_STUDIES_PER_PAGE).get_page(request.GET.get("page"))
        context["submit_url"] = self.route_url(request, "submit")
        return context

    def route_url(self, request, name):
        """The address of one of this page's routes ("submit", "submitted"), as `{% routablepageurl %}` gives it;
        None while the page has no address (a new page previewed before its first save)."""
        address = self.get_url(request)
        return address.rstrip("/") + "/" + self.reverse_subpage(name) if address else None

    @path("submit/", name="submit")
    def submission_form(self, request):
        return views.submit(request, self)

    @path("submit/confirmation/", name="submitted")
    def submission_confirmation(self, request):
        return views.submitted(request, self)

    @transaction.atomic
    def receive_submission(self, data, notice_recipient=""):
        """Store a partner's submission (the form's cleaned data) and its draft page under this page together, start
        its moderation, and send `submission_received` once the transaction has committed. Returns the
        CaseStudySubmission."""
        # Lock this page so submissions arriving together take turns to add their pages to the tree.
        index = type(self).objects.select_for_update().get(pk=self.pk)
        submission = CaseStudySubmission.objects.create(
            organisation_name=data["organisation_name"],
            submitter_name=data["submitter_name"],
            email=data["email"],
            phone=data.get("phone", ""),
            title=data["title"],
            summary=data["summary"],
            what_they_did=data["what_they_did"],
            difference_made=data["difference_made"],
            subgroup=data.get("subgroup"),
            photo_description=data.get("photo_description", "") if data.get("photo") else "",
            consent_given_at=timezone.now(),
        )
        submission.policy_objectives.set(data.get("policy_objectives") or [])
        if data.get("photo"):
            submission.photo = drafts.save_photo(submission, data["photo"], data["photo_description"])
        submission.page = drafts.create_draft_page(submission, index, CaseStudyPage)
        drafts.start_moderation(submission.page, submission)
        submission.save(update_fields=["photo", "page"])
        transaction.on_commit(
            lambda: submission_received.send(
                sender=CaseStudySubmission, submission_pk=submission.pk, notice_recipient=notice_recipient
            )
        )
        return submission


class CaseStudyPage(RelatedTopicsMixin, BasePage):
    """A partner organisation's work on health equity: what they did and the difference it made."""

    partner_organisation = models.CharField(max_length=200, help_text="The organisation whose work this is.")
    body = StreamField(StoryBodyBlock(), help_text="What the organisation did.")
    outcomes = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What difference the work made, with figures where there are any.",
    )

    parent_page_types = ["case_studies.CaseStudyIndexPage"]
    subpage_types = []

    content_panels = [
        SubmissionPanel(heading="Sent in by a partner"),
        *BasePage.content_panels,
        FieldPanel("partner_organisation"),
        FieldPanel("body"),
        FieldPanel("outcomes"),
        *RelatedTopicsMixin.topic_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("partner_organisation"),
        index.SearchField("body"),
        index.SearchField("outcomes"),
    ]

    og_type = "article"

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"


class CaseStudySubmission(models.Model):
    """A case study sent in through the public form, with the partner's contact details. Never shown publicly."""

    STATUS_AWAITING_REVIEW = "awaiting_review"
    STATUS_PUBLISHED = "published"
    STATUS_REJECTED = "rejected"
    STATUS_PAGE_DELETED = "page_deleted"
    STATUS_CHOICES = [
        (STATUS_AWAITING_REVIEW, "Awaiting review"),
        (STATUS_PUBLISHED, "Published"),
        (STATUS_REJECTED, "Changes requested or rejected"),
        (STATUS_PAGE_DELETED, "Draft page deleted"),
    ]
    DECIDED_STATUSES = (STATUS_PUBLISHED, STATUS_REJECTED, STATUS_PAGE_DELETED)

    # Null until the row has a primary key: unlike empty strings, nulls never clash in a unique column.
    reference = models.CharField(max_length=20, unique=True, null=True, blank=True, editable=False)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=STATUS_AWAITING_REVIEW, db_index=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the latest decision was made. The retention period for personal data counts from here.",
    )

    organisation_name = models.CharField(max_length=200)
    submitter_name = models.CharField("name", max_length=200)
    email = models.EmailField("email address", max_length=254)
    phone = models.CharField("phone number", max_length=40, blank=True)
    title = models.CharField("case study title", max_length=120)
    summary = models.TextField(max_length=300)
    what_they_did = models.TextField("what they did", max_length=5000)
    difference_made = models.TextField("what difference it made", max_length=3000)
    policy_objectives = models.ManyToManyField("pages.PolicyObjectivePage", blank=True, related_name="+")
    subgroup = models.ForeignKey(
        "pages.SubgroupPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo = models.ForeignKey("core.HETImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    photo_description = models.CharField(max_length=255, blank=True)
    consent_given_at = models.DateTimeField(help_text="When the partner confirmed permission and the privacy notice.")

    page = models.ForeignKey(
        CaseStudyPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text="The draft case study page made from this submission.",
    )

    # Emails go out through the mail queue (mail/), which retries until the mail server takes them.
    notice_sent_at = models.DateTimeField("team notice queued", null=True, blank=True)
    acknowledgement_sent_at = models.DateTimeField("acknowledgement queued", null=True, blank=True)
    email_failed_at = models.DateTimeField(
        null=True, blank=True, help_text="When an email about this submission last could not be written or addressed."
    )
    email_error = models.CharField(max_length=255, blank=True, help_text="Which email failed and why.")
    outcome_emailed = models.CharField(
        max_length=20,
        choices=STATUS_CHOICES,
        blank=True,
        help_text="The last decision the partner was emailed about, so they are told about each decision once.",
    )
    outcome_emailed_at = models.DateTimeField("outcome email queued", null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(
        null=True, blank=True, help_text="When the partner's name, email and phone number were erased."
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "case study submission"
        verbose_name_plural = "case study submissions"

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.reference:
            # The primary key makes the reference unique, even for submissions sent at the same moment.
            self.reference = f"HET-{self.submitted_at.year}-{self.pk:06d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    @property
    def problems(self):
        """What officers need to act on, shown in the admin list."""
        return self.email_error

    def record_email_failure(self, which, error):
        """Note a failed email without personal data: SMTP errors can quote the recipient's address."""
        self.record_email_problem(f"{which} not sent ({type(error).__name__})")

    def record_email_problem(self, problem):
        """Show `problem` (a sentence for officers, with no personal data) in the admin's Problems column."""
        self.email_failed_at = timezone.now()
        self.email_error = problem[:255]
        type(self).objects.filter(pk=self.pk).update(email_failed_at=self.email_failed_at, email_error=self.email_error)

    def mark_decided(self, status):
        """Record a moderator's decision. Returns False when it repeats the current one (a page re-published)."""
        if self.status == status:
            return False
        self.status = status
        self.decided_at = timezone.now()
        type(self).objects.filter(pk=self.pk).update(status=self.status, decided_at=self.decided_at)
        return True

    def erase_personal_data(self):
        self.submitter_name = ""
        self.email = ""
        self.phone = ""
        self.personal_data_erased_at = timezone.now()
        self.save(update_fields=["submitter_name", "email", "phone", "personal_data_erased_at"])
