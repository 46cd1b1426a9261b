"""RSS and Atom feeds of news, served from the news listing page (see NewsIndexPage's routes)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.text import clean_data, clean_line

FEED_LENGTH = 20
# Atom requires an author for a feed whose entries have none; news items are written by the programme's team.
AUTHOR_NAME = "Luton Council Public Health"


class CleanTextFeedMixin:
    """XML cannot hold control characters, and Django refuses to write them (UnserializableContentError), so
    every text of the feed and its items is cleaned here, whatever was stored. Feed passes them as keywords."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **self.clean(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **self.clean(kwargs))

    @staticmethod
    def clean(kwargs):
        kwargs = clean_data(kwargs)
        if "title" in kwargs:
            kwargs = {**kwargs, "title": clean_line(kwargs["title"])}
        return kwargs


class CleanRssFeed(CleanTextFeedMixin, Rss201rev2Feed):
    pass


class CleanAtomFeed(CleanTextFeedMixin, Atom1Feed):
    pass


class NewsFeed(Feed):
    """The latest news; the same topic filters as the listing narrow it, for example ?objective=12."""

    feed_type = CleanRssFeed

    author_name = AUTHOR_NAME

    def __init__(self, index_page, items, filter_query=""):
        """`items`: the news pages, newest first; `filter_query`: "?objective=12" and the like for a filtered feed,
        so the feed's own address and Atom id name exactly the filters it applies (invalid ones are left out)."""
        super().__init__()
        self.index_page = index_page
        self.news_items = items
        self.filter_query = filter_query

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return f"{obj.title}: Luton Health Equity Town"

    def link(self, obj):
        return obj.get_full_url(self.request)

    def feed_url(self, obj):
        """The feed's own address (RSS atom:link rel="self", Atom link rel="self")."""
        return self.request.build_absolute_uri(self.request.path) + self.filter_query

    # Atom's feed id: the same permanent address, so each filtered feed has an id of its own.
    feed_guid = feed_url

    def description(self, obj):
        return obj.summary or "News from Luton's Health Equity Town."

    subtitle = description

    def items(self, obj):
        return self.news_items[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        if item.date:
            # The news date has no time; publish it at the start of that day in the UK.
            return datetime.datetime.combine(item.date, datetime.time.min, tzinfo=timezone.get_default_timezone())
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.title for name in item.topic_fields for topic in getattr(item, name).all()]


class NewsAtomFeed(NewsFeed):
    feed_type = CleanAtomFeed
