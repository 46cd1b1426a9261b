"""'Add to calendar' files and subscribable feeds, read back with the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.factories import EventPageFactory
from events.ical import london_vtimezone
from pages.factories import PolicyObjectivePageFactory, SubgroupPageFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_in(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_event_calendar_file_has_uk_times_location_url_and_a_stable_uid(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["events"],
        title="HealthFest",
        slug="healthfest",
        summary="A day of free health checks.",
        start=datetime.datetime(2030, 10, 27, 10, 0, tzinfo=LONDON),
        end=datetime.datetime(2030, 10, 27, 23, 30, tzinfo=LONDON),
        venue="Venue 360",
        address="1 Vauxhall Way\nLuton\nLU2 9AA",
        booking_url="https://example.org/book",
        cost="Free",
        step_free_access=True,
    )
    response = client.get(event.url + "calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="healthfest.ics"'
    calendar = parse(response)
    assert str(calendar["version"]) == "2.0"
    [component] = calendar.walk("VEVENT")
    assert component.decoded("dtstart") == datetime.datetime(2030, 10, 27, 10, 0, tzinfo=LONDON)
    # After the clocks go back, 11:30pm UK time is 23:30 UTC.
    assert component.decoded("dtend").astimezone(datetime.UTC) == datetime.datetime(
        2030, 10, 27, 23, 30, tzinfo=datetime.UTC
    )
    assert component["dtstart"].params["TZID"] == "Europe/London"
    assert str(component["location"]) == "Venue 360, 1 Vauxhall Way, Luton, LU2 9AA"
    assert str(component["url"]) == "http://testserver/events/healthfest/"
    assert "Book a place: https://example.org/book" in str(component["description"])
    assert "Step-free access" in str(component["description"])
    assert component.decoded("dtstamp").tzinfo is not None
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    again = parse(client.get(event.url + "calendar.ics"))
    assert str(again.walk("VEVENT")[0]["uid"]) == str(component["uid"])


def test_dates_only_events_are_all_day_date_values(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["events"],
        title="Walking festival",
        dates_only=True,
        start=datetime.datetime(2030, 3, 30, 9, 0, tzinfo=LONDON),
        end=datetime.datetime(2030, 3, 31, 17, 0, tzinfo=LONDON),
    )
    component = parse(client.get(event.url + "calendar.ics")).walk("VEVENT")[0]
    assert component["dtstart"].params.get("VALUE") == "DATE"
    assert component.decoded("dtstart") == datetime.date(2030, 3, 30)
    # DTEND of an all-day event is the day after the last day.
    assert component.decoded("dtend") == datetime.date(2030, 4, 1)


def test_the_vtimezone_matches_uk_clock_changes():
    tz = london_vtimezone().to_tz()
    for moment in [
        datetime.datetime(2024, 10, 27, 0, 59, tzinfo=datetime.UTC),
        datetime.datetime(2024, 10, 27, 1, 0, tzinfo=datetime.UTC),
        datetime.datetime(2025, 3, 30, 0, 59, tzinfo=datetime.UTC),
        datetime.datetime(2025, 3, 30, 1, 0, tzinfo=datetime.UTC),
        datetime.datetime(2031, 7, 1, 12, 0, tzinfo=datetime.UTC),
        datetime.datetime(2031, 12, 1, 12, 0, tzinfo=datetime.UTC),
    ]:
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(LONDON).utcoffset(), moment


def test_feed_lists_upcoming_events_and_narrows_by_objective_or_subgroup(client, site_tree):
    index = site_tree["events"]
    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"], title="Healthy standard of living")
    subgroup = SubgroupPageFactory(parent=site_tree["subgroups"], title="Housing and health")
    EventPageFactory(parent=index, title="Money advice", policy_objectives=[objective])
    EventPageFactory(parent=index, title="Damp and mould", subgroups=[subgroup])
    EventPageFactory(parent=index, title="Online talk", online_url="https://example.org/join")
    now = timezone.now()
    EventPageFactory(
        parent=index, title="Finished", start=now - datetime.timedelta(days=2), end=now - datetime.timedelta(days=1)
    )
    EventPageFactory(parent=index, title="Draft", live=False)

    calendar = parse(client.get(index.url + "feed.ics"))
    assert set(events_in(calendar)) == {"Money advice", "Damp and mould", "Online talk"}
    assert str(events_in(calendar)["Online talk"]["location"]) == "Venue 360"
    assert str(calendar["x-wr-calname"]) == "Luton Health Equity Town events"
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == 3

    by_objective = parse(client.get(index.url + f"feed.ics?objective={objective.pk}"))
    assert set(events_in(by_objective)) == {"Money advice"}
    assert "Healthy standard of living" in str(by_objective["x-wr-calname"])
    by_subgroup = parse(client.get(index.url + f"feed.ics?subgroup={subgroup.pk}"))
    assert set(events_in(by_subgroup)) == {"Damp and mould"}


def test_feed_and_calendar_links_appear_on_the_pages(client, site_tree):
    index = site_tree["events"]
    subgroup = SubgroupPageFactory(parent=site_tree["subgroups"])
    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"])
    event = EventPageFactory(parent=index, subgroups=[subgroup])
    assert f'href="{event.url}calendar.ics"' in client.get(event.url).content.decode()
    assert f'href="{index.url}feed.ics"' in client.get(index.url).content.decode()
    assert f'href="{index.url}feed.ics?subgroup={subgroup.pk}"' in client.get(subgroup.url).content.decode()
    assert f'href="{index.url}feed.ics?objective={objective.pk}"' in client.get(objective.url).content.decode()
    assert f'href="{index.url}feed.ics"' in client.get("/").content.decode()


def test_calendar_files_of_missing_or_draft_events_are_not_found(client, site_tree):
    draft = EventPageFactory(parent=site_tree["events"], live=False)
    assert client.get(draft.url_path.removeprefix("/home") + "calendar.ics").status_code == 404
    assert client.get("/events/no-such-event/calendar.ics").status_code == 404
    assert client.get("/no-such.ics").status_code == 404
