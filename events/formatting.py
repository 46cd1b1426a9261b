"""Plain-English event dates in UK time, for example 'Thursday 14 December 2023, 9:30am to 4pm'.

Every value is converted to Europe/London before its date or hour is read, so an event is shown with the
clock time people in Luton see on the day, whether that day is in GMT or BST.
"""

import datetime

from django.utils import timezone


def format_time(value):
    if value.minute == 0 and value.hour == 0:
        return "midnight"
    if value.minute == 0 and value.hour == 12:
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.minute:
        return f"{hour}:{value.minute:02d}{suffix}"
    return f"{hour}{suffix}"


def format_date(value):
    return f"{value:%A} {value.day} {value:%B %Y}"


def last_day(start, end):
    """The last local day of an event: one that ends at midnight finished on the day before."""
    if end > start and end.time() == datetime.time.min:
        return end.date() - datetime.timedelta(days=1)
    return end.date()


def format_event_dates(start, end, dates_only=False):
    start = timezone.localtime(start)
    end = timezone.localtime(end)
    end_date = last_day(start, end)
    same_day = start.date() >= end_date
    if dates_only:
        if same_day:
            return format_date(start)
        return f"{format_date(start)} to {format_date(end_date)}"
    if same_day:
        if start == end:
            return f"{format_date(start)}, {format_time(start)}"
        return f"{format_date(start)}, {format_time(start)} to {format_time(end)}"
    return f"{format_date(start)}, {format_time(start)} to {format_date(end_date)}, {format_time(end)}"
