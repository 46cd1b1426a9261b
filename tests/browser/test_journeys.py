"""The four journeys people make through the site, each by keyboard alone: Tab, Shift+Tab, Enter, Space and typing.

Only the first page of each journey (and the admin's login page) is opened by address; everything after that is
reached by following links and sending forms from the keyboard.
"""

import datetime
import re
from urllib.parse import parse_qs, urlparse

import icalendar
import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from case_studies.models import CaseStudyPage, CaseStudySubmission
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from tests.browser.checks import tab_to
from tests.browser.conftest import LIVE_DATABASE, PHONE
from tests.support.case_studies import OBJECTIVES, SUBMIT_URL, valid_data
from tests.support.people import PASSWORD

pytestmark = [pytest.mark.browser, LIVE_DATABASE]

REFERENCE = re.compile(r"HET-\d{4}-\d{6}")


def focused_id(page):
    return page.evaluate("() => document.activeElement.id")


def query(page):
    return parse_qs(urlparse(page.url).query)


def press_on(locator, key="Enter"):
    """Tabs to the element, then presses a key on it."""
    tab_to(locator)
    locator.page.keyboard.press(key)


def test_resident_finds_an_upcoming_event_and_downloads_its_calendar_file(case_study_site, page):
    start = timezone.localtime().replace(microsecond=0, second=0, minute=0) + datetime.timedelta(days=10, hours=2)
    event = EventPageFactory(
        parent=case_study_site["events"],
        title="HealthFest family day",
        start=start,
        end=start + datetime.timedelta(hours=4),
        venue="Venue 360",
    )
    EventPageFactory(
        parent=case_study_site["events"],
        title="Marmot Town conference",
        start=start - datetime.timedelta(days=60),
        end=start - datetime.timedelta(days=60, hours=-6),
    )

    page.goto("/")
    press_on(page.get_by_role("link", name="HealthFest family day"))
    expect(page.get_by_role("heading", level=1)).to_have_text("HealthFest family day")

    # Visually hidden text names the event; browsers may put a space before it once the stylesheet has loaded.
    calendar_link = page.get_by_role("link", name=re.compile(r"^Add to your calendar\s*: HealthFest family day$"))
    tab_to(calendar_link)
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"

    calendar = icalendar.Calendar.from_ical(download.path().read_bytes())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "HealthFest family day"
    assert vevent.decoded("DTSTART") == start


def test_resident_filters_news_by_a_policy_objective_and_pages_through(case_study_site, page):
    chosen, other = case_study_site["objectives_list"][2], case_study_site["objectives_list"][0]
    first_day = datetime.date(2025, 3, 31)
    related = [
        NewsPageFactory(
            parent=case_study_site["news"],
            title=f"Good work story {n + 1}",
            date=first_day - datetime.timedelta(days=n),
            policy_objectives=[chosen],
        )
        for n in range(13)
    ]
    unrelated = [
        NewsPageFactory(
            parent=case_study_site["news"],
            title=f"Best start story {n + 1}",
            date=first_day - datetime.timedelta(days=n),
            policy_objectives=[other],
        )
        for n in range(3)
    ]

    page.goto("/")
    press_on(page.get_by_role("link", name="All HET news"))
    expect(page.get_by_role("heading", level=1)).to_have_text(case_study_site["news"].title)

    objective = page.get_by_label("Policy objective")
    tab_to(objective)
    # A closed select picks the option whose name starts with what is typed.
    page.keyboard.type(chosen.title[:12])
    expect(objective).to_have_value(str(chosen.pk))
    press_on(page.get_by_role("button", name="Apply filters"))

    page.wait_for_url(re.compile(rf"objective={chosen.pk}"))
    assert query(page) == {"objective": [str(chosen.pk)]}
    expect(page.locator(".results-count")).to_have_text(f"13 news items about {OBJECTIVES[2]}")
    titles = page.locator("main .card__title")
    expect(titles).to_have_text([item.title for item in related[:10]])
    expect(page.get_by_text("Page 1 of 2")).to_be_visible()

    press_on(page.get_by_role("link", name="Next page"))

    page.wait_for_url(re.compile(r"page=2"))
    assert query(page) == {"objective": [str(chosen.pk)], "page": ["2"]}
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(titles).to_have_text([item.title for item in related[10:]])
    expect(page.get_by_label("Policy objective")).to_have_value(str(chosen.pk))
    for item in unrelated:
        expect(page.get_by_text(item.title)).to_have_count(0)

    # And back again: the first page is still filtered.
    press_on(page.get_by_role("link", name="Previous page"))
    page.wait_for_url(re.compile(r"page=1"))
    assert query(page) == {"objective": [str(chosen.pk)], "page": ["1"]}
    expect(titles).to_have_text([item.title for item in related[:10]])


def type_into(page, label, text):
    tab_to(page.get_by_label(label, exact=True))
    page.keyboard.type(text)


def fill_in_correctly(page, case_study_site, answers):
    """Types each answer and ticks the choices, moving between the questions with Tab as a partner would."""
    for label, text in answers.items():
        type_into(page, label, text)
    press_on(page.get_by_role("checkbox", name=case_study_site["objectives_list"][3].title), " ")
    press_on(page.get_by_role("checkbox", name=case_study_site["objectives_list"][5].title), " ")
    press_on(page.get_by_role("checkbox", name=re.compile("^I confirm we have permission")), " ")


def send_and_read_reference(page):
    press_on(page.get_by_role("button", name="Send case study"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Case study sent")
    reference = REFERENCE.search(page.locator(".panel__body").inner_text()).group()
    assert CaseStudySubmission.objects.filter(reference=reference).exists()
    return reference


def test_partner_corrects_mistakes_and_sends_a_case_study(case_study_site, page):
    data = valid_data(case_study_site)
    page.goto("/")
    press_on(page.get_by_role("link", name="Submit a case study", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Share your work: submit a case study")

    # First go: a name, a mistyped email address, a title, and nothing else.
    type_into(page, "Organisation name", data["organisation_name"])
    type_into(page, "Email address", "sam.patel.noah.example")
    type_into(page, "Case study title", data["title"])
    press_on(page.get_by_role("button", name="Send case study"))

    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Enter your name",
            "Enter an email address in the correct format, like name@example.com",
            "Enter a summary of your case study",
            "Enter what your organisation did",
            "Enter what difference your work made",
            "Select at least one Marmot policy objective",
            "Confirm you have permission to publish this and agree to the privacy notice",
        ]
    )
    for link in summary.get_by_role("link").all():
        target = link.get_attribute("href").removeprefix("#")
        assert page.locator(f"#{target}").count() == 1, f"the error summary links to a missing field: #{target}"
    expect(page.get_by_label("Organisation name")).to_have_value(data["organisation_name"])
    expect(page.get_by_label("Email address")).to_have_value("sam.patel.noah.example")
    expect(page.get_by_label("Case study title")).to_have_value(data["title"])

    # The first Tab from the focused summary reaches its first link; Tab again to the email error, and follow it.
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link", name="Enter your name")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused_id(page) == "id_email"
    # The question is in view, not only the box: its label, hint and error message sit above it.
    expect(page.get_by_text("Email address", exact=True)).to_be_in_viewport()
    expect(page.locator("#id_email-error")).to_be_in_viewport()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(data["email"])
    # Shift+Tab back to the name, which was missed the first time.
    page.keyboard.press("Shift+Tab")
    assert focused_id(page) == "id_submitter_name"
    page.keyboard.type(data["submitter_name"])

    fill_in_correctly(
        page,
        case_study_site,
        {
            "Summary": data["summary"],
            "What did you do?": data["what_they_did"],
            "What difference did it make?": data["difference_made"],
        },
    )
    reference = send_and_read_reference(page)

    submission = CaseStudySubmission.objects.get(reference=reference)
    assert (submission.organisation_name, submission.submitter_name, submission.email) == (
        data["organisation_name"],
        data["submitter_name"],
        data["email"],
    )
    # Browsers send a textarea's line breaks as CR LF.
    assert submission.what_they_did.replace("\r\n", "\n") == data["what_they_did"]
    assert sorted(submission.policy_objectives.values_list("pk", flat=True)) == sorted(
        int(pk) for pk in data["policy_objectives"]
    )


def test_partner_sends_a_case_study_without_javascript(case_study_site, new_context):
    data = valid_data(case_study_site, title="Cooking classes at the family hub")
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(SUBMIT_URL)
    fill_in_correctly(
        page,
        case_study_site,
        {
            "Organisation name": data["organisation_name"],
            "Your name": data["submitter_name"],
            "Email address": data["email"],
            "Case study title": data["title"],
            "Summary": data["summary"],
            "What did you do?": data["what_they_did"],
            "What difference did it make?": data["difference_made"],
        },
    )
    reference = send_and_read_reference(page)
    assert CaseStudySubmission.objects.get(reference=reference).title == data["title"]


@pytest.fixture
def submitted_case_study(case_study_site):
    """A partner's case study sent through the public form, waiting in the moderation queue."""
    response = Client().post(SUBMIT_URL, valid_data(case_study_site))
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(title=valid_data(case_study_site)["title"])
    assert not page.live and page.current_workflow_task is not None
    return page


def test_officer_approves_a_submitted_case_study_and_it_goes_live(submitted_case_study, moderator, new_context):
    title = submitted_case_study.title
    page = new_context().new_page()
    page.goto("/admin/login/")
    tab_to(page.get_by_label("Username"))
    page.keyboard.type(moderator.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    panel = page.get_by_role("region", name="Awaiting your review")
    expect(panel.get_by_role("link", name=title)).to_be_visible()
    row = panel.get_by_role("row").filter(has=page.get_by_role("link", name=title))
    press_on(row.get_by_role("button", name="Actions"))
    approve = row.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    press_on(approve)

    expect(page.get_by_role("link", name=title)).to_have_count(0)
    submitted_case_study.refresh_from_db()
    assert submitted_case_study.live

    public = new_context().new_page()
    response = public.goto(submitted_case_study.url)
    assert response.status == 200
    expect(public.get_by_role("heading", level=1)).to_have_text(title)
