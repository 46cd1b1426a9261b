import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Min
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.models import BasePage, IndexPage
from core.query import HETPageQuerySet
from events import ical
from events.blocks import EventBodyBlock
from events.formatting import format_event_dates, last_day
from page_cache.cache import expire_at
from pages.filters import TopicFilterForm
from pages.models import RelatedTopicsMixin
from seo.structured_data import image_urls, organization, with_context

EVENTS_PER_PAGE = 10
# A subscribed calendar gets at most this many upcoming events.
FEED_LIMIT = 200

# GET value for the accessibility filter: (field on EventPage, what visitors read).
ACCESSIBILITY_FEATURES = {
    "step-free": ("step_free_access", "Step-free access"),
    "hearing-loop": ("hearing_loop", "Hearing loop"),
    "bsl": ("british_sign_language", "British Sign Language interpretation"),
    "quiet-space": ("quiet_space", "Quiet space"),
}


def whole_local_days(start, end):
    """From the start of the first UK day to the end of the last. Built from the calendar dates rather than by
    adding 24 hours, because the days the clocks change are 23 and 25 hours long."""
    london = timezone.get_default_timezone()
    first = timezone.localtime(start, london).date()
    last = timezone.localtime(end, london).date()
    return (
        datetime.datetime.combine(first, datetime.time.min, tzinfo=london),
        datetime.datetime.combine(last, datetime.time.max, tzinfo=london),
    )


class EventPageQuerySet(HETPageQuerySet):
    def upcoming(self, now=None):
        """Events that have not yet ended, soonest first. An event moves to past the moment it ends."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def with_features(self, features):
        return self.filter(**{ACCESSIBILITY_FEATURES[feature][0]: True for feature in features})


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventFilterForm(TopicFilterForm):
    """The topic filters plus accessibility, keeping whether visitors are looking at upcoming or past events."""

    carried_fields = ("when",)

    access = forms.MultipleChoiceField(
        label="Accessibility",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(value, label) for value, (_field, label) in ACCESSIBILITY_FEATURES.items()],
        error_messages={"invalid_choice": "Choose accessibility needs from the list."},
    )
    when = forms.ChoiceField(required=False, choices=[("", "Upcoming"), ("past", "Past")], widget=forms.HiddenInput)

    def filter(self, queryset):
        return super().filter(queryset).with_features(self.clean_values().get("access", []))


class EventIndexPage(RoutablePageMixin, IndexPage):
    """'What's on': upcoming events soonest first, with past events a click away."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    def events(self):
        return EventPage.objects.child_of(self).published()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(request.GET)
        show_past = form.clean_values().get("when") == "past"
        events = form.filter(self.events()).defer_streamfields()  # event cards show no picture and no body
        events = events.past() if show_past else events.upcoming()
        context["show_past"] = show_past
        context["filter_form"] = form
        context["events_page"] = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        context["feed_query"] = form.filter_query
        # Either list changes the moment the next upcoming event ends: the page cache keeps it until then.
        expire_at(request, self.events().upcoming().aggregate(next_end=Min("end"))["next_end"])
        return context

    @re_path(r"^feed\.ics/$", name="feed")
    def feed(self, request):
        """A calendar of upcoming events that apps can subscribe to; the topic filters narrow it."""
        form = EventFilterForm(request.GET)
        events = form.filter(self.events()).upcoming()[:FEED_LIMIT]
        topics = form.chosen_topics
        name = "Luton Health Equity Town events" + (f": {', '.join(topics)}" if topics else "")
        calendar = ical.build_calendar(events, request, name=name, description=self.summary)
        return ical.calendar_response(calendar)

    @property
    def feed_url(self):
        return self.url + "feed.ics"


class EventPage(RoutablePageMixin, RelatedTopicsMixin, BasePage):
    """An event: when and where it is, how to book, and its agenda and speakers."""

    start = models.DateTimeField(help_text="When the event starts (UK time).")
    end = models.DateTimeField(help_text="When the event ends (UK time). It moves to past events after this.")
    dates_only = models.BooleanField(
        "show dates only",
        default=False,
        help_text=(
            "Tick for all-day events, or when the times are not known. Visitors then see only the dates, and the "
            "event lasts from the start of its first day to the end of its last day."
        ),
    )
    venue = models.CharField(max_length=200, blank=True, help_text="The name of the place, for example 'Venue 360'.")
    address = models.TextField(blank=True, help_text="The full postal address, including the postcode.")
    online_url = models.URLField(
        "online joining link", blank=True, help_text="For online or hybrid events: the link to join."
    )
    booking_url = models.URLField(
        "booking link", blank=True, help_text="Where people book a place. Leave blank if no booking is needed."
    )
    cost = models.CharField(max_length=100, blank=True, help_text="For example 'Free' or '£5, free for under-16s'.")
    step_free_access = models.BooleanField(default=False, help_text="Tick if there is step-free access throughout.")
    hearing_loop = models.BooleanField(default=False, help_text="Tick if a hearing loop is available.")
    british_sign_language = models.BooleanField(
        "British Sign Language", default=False, help_text="Tick if British Sign Language interpretation is provided."
    )
    quiet_space = models.BooleanField(default=False, help_text="Tick if there is a quiet space people can use.")
    accessibility_notes = models.TextField(
        blank=True, help_text="Anything else visitors should know, for example parking or toilets."
    )
    body = StreamField(
        EventBodyBlock(), blank=True, help_text="The agenda, speakers and anything else about the event."
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("dates_only")], heading="When"
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("booking_url"),
                FieldPanel("cost"),
            ],
            heading="Where and how to take part",
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("hearing_loop"),
                FieldPanel("british_sign_language"),
                FieldPanel("quiet_space"),
                FieldPanel("accessibility_notes"),
            ],
            heading="Accessibility",
        ),
        FieldPanel("body"),
        *RelatedTopicsMixin.topic_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    objects = EventPageManager()

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The end must be after the start."})

    def save(self, *args, **kwargs):
        # Times are not shown for dates-only events, so they run for whole days and stay upcoming until the
        # end of their last day.
        if self.dates_only and self.start and self.end:
            self.start, self.end = whole_local_days(self.start, self.end)
        return super().save(*args, **kwargs)

    @re_path(r"^calendar\.ics/$", name="calendar")
    def calendar(self, request):
        """This event as an .ics file to add to a calendar."""
        calendar = ical.build_calendar([self], request, name=self.title)
        return ical.calendar_response(calendar, filename=f"{self.slug}.ics")

    @property
    def calendar_url(self):
        return self.url + "calendar.ics"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not self.is_past:
            expire_at(request, self.end)  # it then says "This event has finished"
        return context

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def when(self):
        return format_event_dates(self.start, self.end, dates_only=self.dates_only)

    @property
    def address_one_line(self):
        return ", ".join(line.strip() for line in self.address.splitlines() if line.strip())

    @property
    def map_url(self):
        if not self.address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": " ".join(self.address.split())})

    def structured_data(self, request):
        start = timezone.localtime(self.start)
        end = timezone.localtime(self.end)
        if self.dates_only:
            start_value, end_value = start.date().isoformat(), last_day(start, end).isoformat()
        else:
            start_value, end_value = start.isoformat(), end.isoformat()
        locations = []
        if self.venue or self.address:
            place = {"@type": "Place", "name": self.venue or self.address_one_line}
            if self.address:
                place["address"] = self.address_one_line
            locations.append(place)
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if self.online_url and len(locations) == 1:
            mode = "OnlineEventAttendanceMode"
        elif self.online_url:
            mode = "MixedEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        data = {
            "@type": "Event",
            "name": self.title,
            "url": self.get_full_url(request),
            "startDate": start_value,
            "endDate": end_value,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "organizer": organization(request),
            "image": image_urls(self, request),
        }
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.meta_description:
            data["description"] = self.meta_description
        if self.booking_url:
            data["offers"] = {"@type": "Offer", "url": self.booking_url, "availability": "https://schema.org/InStock"}
        return with_context(data)

    @property
    def accessibility_features(self):
        return [label for field, label in ACCESSIBILITY_FEATURES.values() if getattr(self, field)]
