"""iCalendar (.ics) files for events: one event to add to a calendar, or a feed people can subscribe to."""

import datetime
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

from core.text import clean_line, clean_text
from events.formatting import last_day

TZID = "Europe/London"
LONDON = ZoneInfo(TZID)
PRODID = "-//Luton Council//Health Equity Town//EN"
# How often subscribed calendar apps should check the feed for changes.
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def london_vtimezone():
    """The UK rules since 1996, as calendar apps expect them: BST from the last Sunday in March
    to the last Sunday in October, changing at 01:00 UTC."""
    tz = Timezone()
    tz.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("dtstart", datetime.datetime(1996, 3, 31, 1, 0))
    summer.add("tzoffsetfrom", datetime.timedelta(hours=0))
    summer.add("tzoffsetto", datetime.timedelta(hours=1))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("dtstart", datetime.datetime(1996, 10, 27, 2, 0))
    winter.add("tzoffsetfrom", datetime.timedelta(hours=1))
    winter.add("tzoffsetto", datetime.timedelta(hours=0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def event_uid(event, request):
    # translation_key is a UUID that never changes for the life of the page, even if it is renamed or moved.
    return f"event-{event.translation_key}@{request.get_host().split(':')[0]}"


def event_location(event):
    location = ", ".join(part for part in (event.venue, event.address_one_line) if part)
    return location or event.online_url


def event_description(event):
    lines = [event.summary]
    if event.cost:
        lines.append(f"Cost: {event.cost}")
    if event.booking_url:
        lines.append(f"Book a place: {event.booking_url}")
    if event.online_url:
        lines.append(f"Join online: {event.online_url}")
    features = event.accessibility_features
    if features:
        lines.append("Accessibility: " + ", ".join(features))
    if event.accessibility_notes:
        lines.append(event.accessibility_notes)
    return "\n\n".join(line for line in lines if line)


def event_component(event, request, stamp):
    component = Event()
    component.add("uid", event_uid(event, request))
    component.add("dtstamp", stamp)
    # RFC 5545 TEXT allows no control character but a tab: the text properties are cleaned, whatever was stored.
    component.add("summary", clean_line(event.title))
    start = timezone.localtime(event.start, LONDON)
    end = timezone.localtime(event.end, LONDON)
    if event.dates_only:
        # All-day events are DATE values; the end date is exclusive, so it is the day after the last day.
        component.add("dtstart", start.date())
        component.add("dtend", last_day(start, end) + datetime.timedelta(days=1))
    else:
        component.add("dtstart", start)
        component.add("dtend", end)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("url", event.get_full_url(request))
    location = event_location(event)
    if location:
        component.add("location", clean_line(location))
    description = event_description(event)
    if description:
        component.add("description", clean_text(description))
    return component


def build_calendar(events, request, name, description=""):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", clean_line(name))
    calendar.add("x-wr-timezone", TZID)
    if description:
        calendar.add("x-wr-caldesc", clean_text(description))
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    # Outlook's name for the same thing. icalendar does not know this property's type, so without vDuration it would
    # write Python's "6:00:00" instead of an iCalendar duration.
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    calendar.add_component(london_vtimezone())
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(event_component(event, request, stamp))
    return calendar


def calendar_response(calendar, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
