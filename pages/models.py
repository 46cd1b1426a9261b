from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, StandardBodyBlock
from core.freshness import remember
from core.models import BasePage, BasePageForm, IndexPage
from core.query import published
from core.renditions import attach_renditions, listing_images
from page_cache.cache import expire_at
from pages.blocks import WorkAreasBlock
from pages.filters import TOPIC_FIELDS, TOPIC_PARAMETERS
from seo.structured_data import organization, with_context


class RelatedTopicsForm(BasePageForm):
    """Lists topic checkboxes in the order editors arranged the pages in the tree."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TOPIC_FIELDS.values():
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.order_by("path")


class RelatedTopicsMixin(models.Model):
    """Links news, events and case studies to the objectives, priorities and subgroups they concern."""

    policy_objectives = ParentalManyToManyField(
        "pages.PolicyObjectivePage",
        blank=True,
        related_name="+",
        help_text="Tick the Marmot policy objectives this is about. It will then be listed on those pages.",
    )
    priorities = ParentalManyToManyField(
        "pages.PriorityPage",
        blank=True,
        related_name="+",
        help_text="Tick the Luton 2040 priorities this is about.",
    )
    subgroups = ParentalManyToManyField(
        "pages.SubgroupPage",
        blank=True,
        related_name="+",
        help_text="Tick the HET subgroups whose work this is.",
    )

    topic_fields = tuple(TOPIC_FIELDS.values())

    base_form_class = RelatedTopicsForm

    topic_panels = [
        MultiFieldPanel(
            [FieldPanel(name, widget=forms.CheckboxSelectMultiple) for name in TOPIC_FIELDS.values()],
            heading="What this is about",
        )
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic_links"] = self.get_topic_links(preview=getattr(request, "is_preview", False))
        return context

    def get_topic_links(self, preview=False):
        """The published objectives, priorities and subgroups this is linked to, in tree order, in one query."""
        if preview or self.pk is None:
            # A preview shows the ticks in the unsaved form, which only the in-memory relations know.
            topics = [topic for name in self.topic_fields for topic in getattr(self, name).all()]
            return sorted((topic for topic in topics if topic.live), key=lambda topic: topic.path)
        linked = Q()
        for name in self.topic_fields:
            field = self._meta.get_field(name)
            links = field.remote_field.through.objects.filter(**{field.m2m_field_name(): self.pk})
            linked |= Q(pk__in=links.values(field.m2m_reverse_field_name()))
        return list(published(Page.objects.filter(linked)).order_by("path"))


def upcoming_events():
    EventPage = apps.get_model("events", "EventPage")
    return EventPage.objects.published().defer_streamfields().upcoming()


def latest_news():
    NewsPage = apps.get_model("news", "NewsPage")
    return NewsPage.objects.published().newest_first()


def latest_case_studies():
    CaseStudyPage = apps.get_model("case_studies", "CaseStudyPage")
    return CaseStudyPage.objects.published().order_by("-first_published_at", "-pk")


def shown_until_one_ends(request, events):
    """The events, as a list; the page cache keeps the page only until the first of them ends."""
    events = list(events)
    if events:
        expire_at(request, min(event.end for event in events))
    return events


SECTION_INDEXES = {
    "news_index": ("news", "NewsIndexPage"),
    "event_index": ("events", "EventIndexPage"),
    "case_study_index": ("case_studies", "CaseStudyIndexPage"),
    "objective_index": ("pages", "PolicyObjectiveIndexPage"),
    "priority_index": ("pages", "PriorityIndexPage"),
    "subgroup_index": ("pages", "SubgroupIndexPage"),
}


def section_indexes(request):
    """{"news_index": page or None, "event_index": ..., ...} (the keys of SECTION_INDEXES): the first live index page
    of each section directly under the request's site's home page. Each is of its own page type, with only the fields
    every page has (so the case studies index can give its form's address). One query (content types come from
    Django's cache), none when kept from an earlier request; every key is None when no site matches the request."""
    site = Site.find_for_request(request)
    if site is None:
        return dict.fromkeys(SECTION_INDEXES)
    # Kept until visitors next see a change (core/freshness.py): a section's index published, moved or deleted.
    return remember(f"section-indexes:{site.pk}", lambda: site_section_indexes(site))


def site_section_indexes(site):
    indexes = dict.fromkeys(SECTION_INDEXES)
    keys = {
        ContentType.objects.get_for_model(apps.get_model(app_label, model_name)).pk: key
        for key, (app_label, model_name) in SECTION_INDEXES.items()
    }
    children = Page.objects.child_of(site.root_page).live().filter(content_type_id__in=keys).order_by("path")
    for page in children:
        key = keys[page.content_type_id]
        if indexes[key] is None:
            indexes[key] = page.specific_deferred
    return indexes


class HomePage(BasePage):
    """The front page: health equity, the objectives and priorities, news, events and a call for case studies."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="The opening paragraphs explaining health equity and Luton as a Marmot Town.",
    )
    body = StreamField(StandardBodyBlock(), blank=True, help_text="Optional sections below the introduction.")
    case_study_call_heading = models.CharField(
        max_length=120,
        default="Share your work",
        help_text="Heading of the box inviting partners to submit a case study.",
    )
    case_study_call_text = models.TextField(
        max_length=400,
        default="Tell us how your organisation is tackling health inequalities in Luton.",
        help_text="One or two sentences inviting partners to submit a case study.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.PolicyObjectiveIndexPage",
        "pages.PriorityIndexPage",
        "pages.SubgroupIndexPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "case_studies.CaseStudyIndexPage",
        "indicators.IndicatorIndexPage",
        "pages.StandardPage",
    ]
    max_count = 1

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("case_study_call_heading"), FieldPanel("case_study_call_text")], heading="Case study invitation"
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    def get_context(self, request, *args, **kwargs):
        priorities = list(PriorityPage.objects.for_listing(image_style=None).order_by("path"))
        news = list(latest_news().for_listing(image_style=None)[:3])
        attach_renditions(listing_images([self, *priorities, *news]), *BasePage.own_image_styles, "card")
        context = super().get_context(request, *args, **kwargs)
        context["objectives"] = PolicyObjectivePage.objects.published().defer_streamfields().order_by("path")
        context["priorities"] = priorities
        context["latest_news"] = news
        context["next_events"] = shown_until_one_ends(request, upcoming_events()[:3])
        context.update(section_indexes(request))
        return context

    def structured_data(self, request):
        return with_context(organization(request, full=True))


class StandardPage(BasePage):
    """A general page: HET activities, the toolkit, contact details, the accessibility statement, the privacy notice."""

    body = StreamField(StandardBodyBlock(), help_text="The page's content, built from sections.")

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = published(self.get_children())
        return context


class TopicPage(BasePage):
    """A policy objective, priority or subgroup, with the news, events and case studies linked to it."""

    body = StreamField(
        StandardBodyBlock(),
        blank=True,
        help_text="What this means for Luton's residents and what is being done.",
    )
    # Name of the many-to-many field on news, events and case studies that points at this page type.
    topic_field = None
    related_limit = 3

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    def related(self, queryset):
        return queryset.filter(**{self.topic_field: self})[: self.related_limit]

    def get_context(self, request, *args, **kwargs):
        news = list(self.related(latest_news().for_listing(image_style=None)))
        case_studies = list(self.related(latest_case_studies().for_listing(image_style=None)))
        attach_renditions(listing_images([self, *news, *case_studies]), *BasePage.own_image_styles, "card")
        context = super().get_context(request, *args, **kwargs)
        context["related_news"] = news
        context["related_events"] = shown_until_one_ends(request, self.related(upcoming_events()))
        context["related_case_studies"] = case_studies
        context["filter_query"] = f"{self.topic_field_param}={self.pk}"
        context.update(section_indexes(request))
        return context

    @property
    def topic_field_param(self):
        return TOPIC_PARAMETERS[self.topic_field]


class TopicIndexPage(IndexPage):
    """Lists its topic pages as cards, in the order editors arrange them."""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        [topic_model] = self.allowed_subpage_models()
        context["topics"] = topic_model.objects.child_of(self).for_listing().order_by("path")
        return context


class PolicyObjectiveIndexPage(TopicIndexPage):
    """Lists the eight Marmot policy objectives."""

    template = "pages/topic_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PolicyObjectivePage"]
    max_count = 1


class PolicyObjectivePage(TopicPage):
    """One of the eight Marmot policy objectives and what it means for residents."""

    template = "pages/topic_page.html"
    topic_field = "policy_objectives"
    parent_page_types = ["pages.PolicyObjectiveIndexPage"]
    subpage_types = []


class PriorityIndexPage(TopicIndexPage):
    """Lists the five Luton 2040 priorities."""

    template = "pages/topic_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PriorityPage"]
    max_count = 1


class PriorityPage(TopicPage):
    """One of the five Luton 2040 priorities."""

    template = "pages/topic_page.html"
    topic_field = "priorities"
    parent_page_types = ["pages.PriorityIndexPage"]
    subpage_types = []


class SubgroupIndexPage(TopicIndexPage):
    """'Driving change': the HET subgroups leading work on the report's recommendations."""

    template = "pages/topic_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.SubgroupPage"]
    max_count = 1


class SubgroupPage(TopicPage):
    """A HET subgroup and its areas of work."""

    work_areas = StreamField(
        WorkAreasBlock(), blank=True, help_text="Each piece of work the subgroup leads, with its main points."
    )

    topic_field = "subgroups"
    parent_page_types = ["pages.SubgroupIndexPage"]
    subpage_types = []

    content_panels = [*TopicPage.content_panels, FieldPanel("work_areas")]
    search_fields = [*TopicPage.search_fields, index.SearchField("work_areas")]
