"""What's on: upcoming and past events, accessibility and topic filters, pagination and query counts."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.factories import EventPageFactory
from events.models import EVENTS_PER_PAGE, EventPage
from pages.factories import PolicyObjectivePageFactory, SubgroupPageFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC


def titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.mark.parametrize(
    ("end", "still_upcoming_at", "past_at"),
    [
        # Clocks go back at 2am on 27 October 2024, so 11:30pm that night is 23:30 UTC, not 22:30.
        (
            datetime.datetime(2024, 10, 27, 23, 30, tzinfo=LONDON),
            datetime.datetime(2024, 10, 27, 23, 29, tzinfo=UTC),
            datetime.datetime(2024, 10, 27, 23, 31, tzinfo=UTC),
        ),
        # Clocks go forward at 1am on 30 March 2025, so 11:30pm that night is 22:30 UTC.
        (
            datetime.datetime(2025, 3, 30, 23, 30, tzinfo=LONDON),
            datetime.datetime(2025, 3, 30, 22, 29, tzinfo=UTC),
            datetime.datetime(2025, 3, 30, 22, 31, tzinfo=UTC),
        ),
    ],
)
def test_event_moves_to_past_the_moment_it_ends_on_a_clock_change_day(
    client, site_tree, monkeypatch, end, still_upcoming_at, past_at
):
    index = site_tree["events"]
    EventPageFactory(parent=index, title="Late finish", start=end.replace(hour=10, minute=0), end=end)

    at(monkeypatch, still_upcoming_at)
    assert titles(client.get(index.url)) == ["Late finish"]
    assert titles(client.get(index.url + "?when=past")) == []
    assert EventPage.objects.get().is_past is False

    at(monkeypatch, past_at)
    assert titles(client.get(index.url)) == []
    assert titles(client.get(index.url + "?when=past")) == ["Late finish"]
    assert EventPage.objects.get().is_past is True


def test_dates_only_event_stays_upcoming_until_the_end_of_its_last_uk_day(client, site_tree, monkeypatch):
    index = site_tree["events"]
    # Typed as midnight to midnight; shown as dates only, so it lasts the whole of Sunday 27 October (25 hours).
    EventPageFactory(
        parent=index,
        title="Family fun day",
        dates_only=True,
        start=datetime.datetime(2024, 10, 27, 0, 0, tzinfo=LONDON),
        end=datetime.datetime(2024, 10, 27, 0, 0, tzinfo=LONDON),
    )
    event = EventPage.objects.get()
    assert event.when == "Sunday 27 October 2024"
    at(monkeypatch, datetime.datetime(2024, 10, 27, 23, 59, tzinfo=UTC))
    assert titles(client.get(index.url)) == ["Family fun day"]
    at(monkeypatch, datetime.datetime(2024, 10, 28, 0, 0, 1, tzinfo=UTC))
    assert titles(client.get(index.url)) == []


def test_upcoming_soonest_first_and_past_newest_first(client, site_tree):
    index = site_tree["events"]
    now = timezone.now()
    for days, title in [(9, "Later"), (2, "Sooner"), (-5, "Last week"), (-40, "Last month")]:
        start = now + datetime.timedelta(days=days)
        EventPageFactory(parent=index, title=title, start=start, end=start + datetime.timedelta(hours=2))
    assert titles(client.get(index.url)) == ["Sooner", "Later"]
    assert titles(client.get(index.url + "?when=past")) == ["Last week", "Last month"]


def test_accessibility_filters_combine_with_topics_past_events_and_pagination(client, site_tree):
    index = site_tree["events"]
    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"], title="Fair employment")
    now = timezone.now()
    for number in range(EVENTS_PER_PAGE + 3):
        start = now + datetime.timedelta(days=number + 1)
        EventPageFactory(
            parent=index,
            title=f"Accessible {number:02d}",
            start=start,
            end=start + datetime.timedelta(hours=1),
            step_free_access=True,
            hearing_loop=True,
            policy_objectives=[objective],
        )
    EventPageFactory(parent=index, title="Steps only", policy_objectives=[objective])
    EventPageFactory(parent=index, title="Loop but other topic", step_free_access=True, hearing_loop=True)
    start = now - datetime.timedelta(days=3)
    EventPageFactory(
        parent=index, title="Past accessible", start=start, end=start + datetime.timedelta(hours=1), hearing_loop=True
    )

    query = f"?access=step-free&access=hearing-loop&objective={objective.pk}"
    first = client.get(index.url + query)
    html = first.content.decode()
    assert titles(first) == [f"Accessible {number:02d}" for number in range(EVENTS_PER_PAGE)]
    assert f"{EVENTS_PER_PAGE + 3} events about Fair employment" in html
    # The next-page link keeps every filter.
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "access=step-free" in next_link and "access=hearing-loop" in next_link
    assert f"objective={objective.pk}" in next_link and "page=2" in next_link
    assert titles(client.get(index.url + next_link)) == [f"Accessible {number:02d}" for number in range(10, 13)]
    # The ticked boxes stay ticked and "Clear filters" appears.
    assert re.search(r'<input type="checkbox" name="access" value="step-free"[^>]*checked', html)
    assert "Clear filters" in html

    assert titles(client.get(index.url + "?when=past&access=hearing-loop")) == ["Past accessible"]
    assert titles(client.get(index.url + "?when=past&access=bsl")) == []
    # The past-events tab keeps the filters and drops the page number.
    assert 'href="?access=step-free&amp;access=hearing-loop&amp;objective=' in html
    assert "when=past" in re.search(r'<a href="([^"]*when=past[^"]*)"', html).group(1)


def test_unknown_filter_values_get_a_polite_message_not_an_error(client, site_tree):
    index = site_tree["events"]
    EventPageFactory(parent=index, title="Still listed")
    response = client.get(index.url + "?objective=99999&access=teleport&page=abc&when=nonsense")
    assert response.status_code == 200
    html = response.content.decode()
    assert "We could not find that policy objective" in html
    assert "Choose accessibility needs from the list." in html
    assert titles(response) == ["Still listed"]


def test_filter_form_is_accessible_without_javascript(client, site_tree):
    html = client.get(site_tree["events"].url).content.decode()
    form = re.search(r'<form class="filters" method="get".*?</form>', html, re.S).group(0)
    assert "<fieldset" in form and "<legend" in form
    assert '<button type="submit">Apply filters</button>' in form
    for value in ("step-free", "hearing-loop", "bsl", "quiet-space"):
        checkbox_id = re.search(rf'<input type="checkbox" name="access" value="{value}"[^>]*id="([^"]+)"', form)
        assert checkbox_id and f'<label for="{checkbox_id.group(1)}">' in form
    assert '<label for="id_objective">' in form and '<label for="id_subgroup">' in form


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_the_number_of_events(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering the page, not of serving it from the cache
    index = site_tree["events"]
    subgroup = SubgroupPageFactory(parent=site_tree["subgroups"])
    EventPageFactory(parent=index, subgroups=[subgroup], step_free_access=True)
    url = index.url + f"?subgroup={subgroup.pk}&access=step-free"
    client.get(url)
    client.get(index.url)
    few = count_queries(client, url), count_queries(client, index.url)
    for _ in range(6):
        EventPageFactory(parent=index, subgroups=[subgroup], step_free_access=True)
    client.get(url)  # publishing emptied what pages keep until visitors see a change (core/freshness.py)
    client.get(index.url)
    assert (count_queries(client, url), count_queries(client, index.url)) == few
