"""Plain-English event dates in UK time, across the clock changes."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from events.formatting import format_event_dates
from events.models import whole_local_days

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (london(2023, 12, 14, 9, 30), london(2023, 12, 14, 16), "Thursday 14 December 2023, 9:30am to 4pm"),
        (london(2024, 6, 1, 12), london(2024, 6, 1, 13, 15), "Saturday 1 June 2024, midday to 1:15pm"),
        (london(2024, 6, 1, 19), london(2024, 6, 2, 0, 0), "Saturday 1 June 2024, 7pm to midnight"),
        (
            london(2024, 6, 1, 10),
            london(2024, 6, 2, 15),
            "Saturday 1 June 2024, 10am to Sunday 2 June 2024, 3pm",
        ),
        # The clocks go back at 2am on Sunday 27 October 2024: the morning is BST, the evening GMT.
        (london(2024, 10, 27, 10), london(2024, 10, 27, 23, 30), "Sunday 27 October 2024, 10am to 11:30pm"),
        # The clocks go forward at 1am on Sunday 31 March 2024.
        (london(2024, 3, 31, 0, 30), london(2024, 3, 31, 23, 30), "Sunday 31 March 2024, 12:30am to 11:30pm"),
    ],
)
def test_times_are_shown_in_uk_time(start, end, expected):
    assert format_event_dates(start, end) == expected


def test_utc_values_are_converted_to_the_uk_clock_either_side_of_the_change():
    # 23:30 UTC on 26 October 2024 is 00:30 BST on the 27th; 23:30 UTC on the 27th is 23:30 GMT.
    start = datetime.datetime(2024, 10, 26, 23, 30, tzinfo=UTC)
    end = datetime.datetime(2024, 10, 27, 23, 30, tzinfo=UTC)
    assert format_event_dates(start, end) == "Sunday 27 October 2024, 12:30am to 11:30pm"
    summer = datetime.datetime(2024, 7, 4, 8, 0, tzinfo=UTC)
    assert format_event_dates(summer, summer + datetime.timedelta(hours=1)) == "Thursday 4 July 2024, 9am to 10am"


def test_dates_only_events_show_dates():
    start, end = whole_local_days(london(2024, 10, 26, 15), london(2024, 10, 27, 9))
    assert format_event_dates(start, end, dates_only=True) == "Saturday 26 October 2024 to Sunday 27 October 2024"
    start, end = whole_local_days(london(2024, 10, 27, 15), london(2024, 10, 27, 16))
    assert format_event_dates(start, end, dates_only=True) == "Sunday 27 October 2024"


@pytest.mark.parametrize(
    ("day", "hours"),
    [(datetime.date(2024, 10, 27), 25), (datetime.date(2025, 3, 30), 23), (datetime.date(2024, 6, 1), 24)],
)
def test_whole_days_follow_the_uk_calendar_on_clock_change_days(day, hours):
    start, end = whole_local_days(london(day.year, day.month, day.day, 12), london(day.year, day.month, day.day, 13))
    assert start.astimezone(LONDON).time() == datetime.time.min
    assert end.astimezone(LONDON).date() == day
    assert end.astimezone(LONDON).time() == datetime.time.max
    # Subtract in UTC: Python subtracts two times in the same zone by their clock readings.
    length = end.astimezone(UTC) - start.astimezone(UTC) + datetime.timedelta(microseconds=1)
    assert length == datetime.timedelta(hours=hours)
