from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from core.query import in_private_section
from core.visibility import VisibleToVisitors


@register_setting(icon="site")
class SiteSettings(VisibleToVisitors, BaseSiteSetting):
    """Contact details, key pages and the site-wide alert banner, edited by officers."""

    contact_email = models.EmailField(
        blank=True, help_text="The public address residents and partners write to. Shown in the footer."
    )
    contact_phone = models.CharField(max_length=40, blank=True, help_text="Shown in the footer. Leave blank to hide.")
    contact_address = models.TextField(blank=True, help_text="Postal address shown in the footer.")
    public_health_team_email = models.EmailField(
        blank=True,
        help_text="Where notices about new case study submissions are sent. Not shown on the site.",
    )
    newsletter_url = models.URLField(blank=True, help_text="Link to the newsletter sign-up page. Leave blank to hide.")
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from every page's footer.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the footer and the case study form.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The contact page, linked from the footer.",
    )

    alert_active = models.BooleanField("show the alert banner", default=False)
    alert_message = models.CharField(
        max_length=300, blank=True, help_text="A short message shown at the top of every page while the banner is on."
    )
    alert_level = models.CharField(
        max_length=10,
        choices=[("info", "Information"), ("warning", "Warning"), ("urgent", "Urgent")],
        default="info",
        help_text="How important the message is. The banner says this in words as well as colour.",
    )
    alert_link = models.URLField(blank=True, help_text="Optional link for more information.")
    alert_ends_at = models.DateTimeField(
        null=True, blank=True, help_text="Optional. The banner disappears by itself at this date and time (UK time)."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
                FieldPanel("public_health_team_email"),
                FieldPanel("newsletter_url"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_page"), FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading="Key pages",
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "alert_active",
                    help_text="Tick to show the message at the top of every page. Untick to remove it straight away.",
                ),
                FieldPanel("alert_message"),
                FieldPanel("alert_level"),
                FieldPanel("alert_link"),
                FieldPanel("alert_ends_at"),
            ],
            heading="Alert banner",
        ),
    ]

    # Fetched in the same query as the settings, for the footer's links.
    select_related = ["contact_page", "accessibility_page", "privacy_page"]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def base_queryset(cls):
        # Whether each linked page is private, in the same query, so `core.query.is_public` needs none.
        privacy = {f"{name}_private": in_private_section(f"{name}__path") for name in cls.select_related}
        return super().base_queryset().annotate(**privacy)

    @classmethod
    def for_site(cls, site):
        """The settings for `site` (created blank if it has none yet); each linked page carries
        `in_private_section` when it was read from the database with them."""
        instance = super().for_site(site)
        for name in cls.select_related:
            page, private = getattr(instance, name), getattr(instance, f"{name}_private", None)
            if page is not None and private is not None:
                page.in_private_section = private
        return instance

    def clean(self):
        super().clean()
        if self.alert_active and not self.alert_message.strip():
            raise ValidationError({"alert_message": "Write the message to show, or turn the banner off."})

    @property
    def alert_is_showing(self):
        if not self.alert_active or not self.alert_message:
            return False
        return self.alert_ends_at is None or self.alert_ends_at > timezone.now()


class LinkFields(VisibleToVisitors, models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose a page on this site, or enter a web address below.",
    )
    url = models.URLField("web address", blank=True)
    label = models.CharField(max_length=60, blank=True, help_text="The link text. Leave blank to use the page's title.")

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError("Choose a page or enter a web address, not both.")
        if self.url and not self.label:
            raise ValidationError({"label": "Give the link some text."})

    def __str__(self):
        return self.text

    @property
    def href(self):
        return self.page.url if self.page_id else self.url

    @property
    def text(self):
        return self.label or (self.page.title if self.page_id else self.url)


@register_setting(icon="list-ul")
class NavigationSettings(VisibleToVisitors, ClusterableModel, BaseSiteSetting):
    """The main menu in the header and the links in the footer."""

    panels = [
        InlinePanel("main_menu_items", label="Main menu link", heading="Main menu"),
        InlinePanel("footer_links", label="Footer link", heading="Footer links"),
        InlinePanel("social_links", label="Social media link", heading="Social media"),
    ]

    class Meta:
        verbose_name = "navigation"


class MainMenuItem(Orderable, LinkFields):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="main_menu_items")


class FooterLink(Orderable, LinkFields):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")


class SocialLink(VisibleToVisitors, Orderable):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="social_links")
    service = models.CharField(max_length=40, help_text="For example 'Facebook', 'X' or 'LinkedIn'.")
    url = models.URLField("web address")

    panels = [
        FieldPanel("service"),
        FieldPanel("url", help_text="The full address of your page on that service, starting with https://"),
    ]
