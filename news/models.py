from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.blocks import StoryBodyBlock
from core.models import BasePage, IndexPage
from core.query import HETPageQuerySet
from news.feeds import NewsAtomFeed, NewsFeed
from pages.filters import TopicFilterForm, live_topics_prefetches
from pages.models import RelatedTopicsMixin
from seo.structured_data import image_urls, organization, with_context

NEWS_PER_PAGE = 10


class NewsPageQuerySet(HETPageQuerySet):
    def newest_first(self):
        return self.annotate(
            news_date=Coalesce("date", TruncDate("first_published_at"), output_field=models.DateField())
        ).order_by("-news_date", "-first_published_at", "-pk")


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The news listing, newest first, ten to a page, with RSS and Atom feeds."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    def news(self, request):
        form = TopicFilterForm(request.GET)
        return form, form.filter(NewsPage.objects.child_of(self).published()).newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, news = self.news(request)
        context["filter_form"] = form
        context["news_page"] = Paginator(news.for_listing(), NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context["news_index"] = self
        return context

    def feed(self, request, feed_class):
        form, news = self.news(request)
        news = news.prefetch_related(*live_topics_prefetches())
        return feed_class(self, news, form.filter_query)(request)

    @path("rss/", name="rss")
    def rss(self, request):
        return self.feed(request, NewsFeed)

    @path("atom/", name="atom")
    def atom(self, request):
        return self.feed(request, NewsAtomFeed)


class NewsPage(RelatedTopicsMixin, BasePage):
    """A news item about Luton's Health Equity Town."""

    date = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "The date shown on the news item and in listings. Leave blank to show no date: the item is then listed "
            "by when it was first published."
        ),
    )
    body = StreamField(StoryBodyBlock(), help_text="The full story.")

    objects = NewsPageManager()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
        *RelatedTopicsMixin.topic_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]

    og_type = "article"

    class Meta:
        verbose_name = "news item"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # For the feed links in the page head.
        context["news_index"] = self.get_parent()
        return context

    @property
    def display_date(self):
        """The date visitors see: only one an officer has set, never the day the page happened to be published."""
        return self.date

    @property
    def published_date(self):
        """The news date, or failing that the day first published, for feeds and search engines that need one."""
        if self.date:
            return self.date
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return None

    def structured_data(self, request):
        url = self.get_full_url(request)
        publisher = organization(request)
        data = {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "url": url,
            "mainEntityOfPage": url,
            "author": publisher,
            "publisher": publisher,
            "image": image_urls(self, request),
        }
        if self.meta_description:
            data["description"] = self.meta_description
        if self.published_date:
            data["datePublished"] = self.published_date.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return with_context(data)
