"""What only a browser shows on the case study form: focus moving to the error summary, and the character count."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_DATABASE, PHONE
from tests.support.case_studies import SUBMIT_URL

pytestmark = [pytest.mark.browser, LIVE_DATABASE]


@pytest.fixture
def page(case_study_site, new_context):
    """On a phone, once the site is built."""
    return new_context(viewport=PHONE).new_page()


def test_error_summary_takes_focus_and_links_to_fields(live_server, case_study_site, page):
    page.goto(live_server.url + SUBMIT_URL)
    page.fill("#id_organisation_name", "Noah Enterprise")
    with page.expect_navigation():
        page.click("text=Send case study")
    expect(page.locator(".error-summary")).to_be_focused()

    assert page.title().startswith("Error: ")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "error-summary"
    assert page.input_value("#id_organisation_name") == "Noah Enterprise"

    page.click(".error-summary a[href='#id_submitter_name']")
    assert page.evaluate("document.activeElement.id") == "id_submitter_name"


def test_character_count_counts_as_people_type(live_server, case_study_site, page):
    page.goto(live_server.url + SUBMIT_URL)
    page.fill("#id_summary", "x" * 290)
    message = page.locator("#id_summary-info + .character-count__message")
    assert message.inner_text() == "You have 10 characters remaining"
    page.fill("#id_summary", "x" * 302)
    assert message.inner_text() == "You have 2 characters too many"
    assert "character-count__message--over" in message.get_attribute("class")
    # The limit is only a warning in the browser; the server refuses the extra characters with a message.
    assert page.input_value("#id_summary") == "x" * 302
