import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.freshness import remember
from core.query import HETPageManager
from core.renditions import IMAGE_STYLES, attach_renditions
from core.text import CleanTextFormMixin

# How long a new page's content is trusted before someone should check it again.
REVIEW_INTERVAL = datetime.timedelta(days=365)


# Officers all work in UK time (settings.WAGTAIL_USER_TIME_ZONES), and these are the times the dialog asks for.
SCHEDULE_HELP_TEXT = {
    "go_live_at": (
        "Optional. The date and time, UK time, when the page (or this change) should appear on the website. "
        "Leave blank to publish straight away when approved."
    ),
    "expire_at": "Optional. The date and time, UK time, when the page should be taken off the website.",
}


def default_review_date():
    return timezone.localdate() + REVIEW_INTERVAL


class BasePageForm(CleanTextFormMixin, WagtailAdminPageForm):
    """Every page edited in the admin has an owner, and new pages get a review date a year ahead.

    Both are in the Settings tab; the owner starts as whoever creates the page. A page that has no owner (one
    made in code before owners were required) is given the officer editing it, rather than refusing their edit.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields and self.instance.owner_id:
            # Offer only real people: a page that has an owner can be handed over, not orphaned.
            self.fields["owner"].empty_label = None
        if self.instance._state.adding and "next_review_date" in self.fields and not self.instance.next_review_date:
            self.initial["next_review_date"] = default_review_date()
        for name, help_text in SCHEDULE_HELP_TEXT.items():
            if name in self.fields:
                self.fields[name].help_text = help_text

    def clean_owner(self):
        # Not sent (a form built in code): keep the current owner, who is the creator on a new page.
        owner = self.cleaned_data.get("owner") or self.instance.owner
        if owner is None and self.for_user is not None and self.for_user.is_authenticated:
            owner = self.for_user
        if owner is None:
            raise forms.ValidationError("Choose who looks after this page.")
        return owner


class BasePage(Page):
    """Fields every page on the site has: a summary for listings and search engines, and a listing image."""

    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text=(
            "One or two sentences saying what the page is about. Shown in listings, search results "
            "and by search engines. At most 300 characters."
        ),
    )
    listing_image = models.ForeignKey(
        "core.HETImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown on cards that link to this page and when the page is shared.",
    )
    next_review_date = models.DateField(
        null=True,
        blank=True,
        help_text="When this page's content should next be checked. The owner gets a reminder once it has passed.",
    )

    base_form_class = BasePageForm

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("listing_image")]
    # The site's menus come from Settings > Navigation, so Wagtail's 'Show in menus' box is left out.
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug",
                    help_text=(
                        "The last part of the page's web address, in lower-case words joined by hyphens, "
                        "for example 'healthfest-2025'. If you change it on a published page, people using the "
                        "old address are sent to the new one automatically."
                    ),
                ),
                FieldPanel(
                    "seo_title",
                    help_text=(
                        "Optional. A clearer title for search engines and browser tabs, if the page title only "
                        "makes sense on the page itself. Leave blank to use the page title."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    help_text=(
                        "Optional. The text shown under the link in search engine results. "
                        "Leave blank to use the summary."
                    ),
                ),
            ],
            heading="For search engines",
        )
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel(
                    "owner",
                    help_text=(
                        "The person responsible for keeping this page up to date. They are emailed when the page "
                        "is due for review."
                    ),
                ),
                FieldPanel(
                    "next_review_date",
                    help_text=(
                        "When the content should next be checked. New pages start a year from today. Once this date "
                        "has passed the page is listed on the admin dashboard and the owner gets a reminder; after "
                        "checking the page, set a new date and publish."
                    ),
                ),
            ],
            heading="Content review",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    objects = HETPageManager()

    class Meta:
        abstract = True

    # Open Graph type for social sharing; stories are "article".
    og_type = "website"

    @property
    def meta_description(self):
        return self.search_description or self.summary

    def with_content_json(self, content):
        """The page as a revision saved it, keeping the owner chosen in that revision.

        Wagtail keeps the current page's owner instead, which would throw away the owner an Editor picks when a
        Moderator approves the change. A revision with no owner, or one whose account has since been deleted,
        keeps the current owner.
        """
        page = super().with_content_json(content)
        owner_id = content.get("owner")
        if owner_id and owner_id != self.owner_id and get_user_model().objects.filter(pk=owner_id).exists():
            page.owner_id = owner_id
        return page

    @property
    def breadcrumb_pages(self):
        """The pages above this one, below Wagtail's invisible root (a list, home page first). Kept until visitors
        next see a change (core/freshness.py), as a title above or the page's place in the tree changes only then."""
        if self.pk is None:
            return []
        return remember(f"breadcrumbs:{self.pk}:{self.path}", lambda: list(self.get_ancestors().filter(depth__gt=1)))

    @cached_property
    def social_image(self):
        """The listing image at the size social media and search engines prefer, or None."""
        if self.listing_image is None:
            return None
        return self.listing_image.get_rendition(IMAGE_STYLES["social"].filters[0])

    # The page's own picture: for sharing on every page, and at the top of news items, events and case studies.
    own_image_styles = ("hero", "social")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Pages that show cards fetch these together with the cards' renditions, before calling this.
        if self.listing_image_id and not hasattr(self.listing_image, "prefetched_renditions"):
            attach_renditions([self.listing_image], *self.own_image_styles)
        return context


class IndexPage(BasePage):
    """A section's landing page: an introduction above a list of its pages."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, help_text="Optional text above the list.")

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True
