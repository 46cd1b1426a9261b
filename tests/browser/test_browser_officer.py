"""A Public Health officer uses the Wagtail admin with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import tab_to
from tests.browser.conftest import LIVE_DATABASE
from tests.support.content import build_showcase_site
from tests.support.people import PASSWORD

pytestmark = [pytest.mark.browser, LIVE_DATABASE]


@pytest.fixture
def officer(superuser):
    build_showcase_site()
    return superuser


def test_officer_logs_in_and_reaches_the_page_explorer_by_keyboard(officer, page):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    tab_to(page.get_by_label("Username"))
    page.keyboard.type("officer")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Luton Health Equity Town")

    tab_to(page.get_by_role("button", name="Pages"))
    page.keyboard.press("Enter")
    tab_to(page.get_by_role("link", name="Luton's Health Equity Town", exact=True))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Luton's Health Equity Town")
    for section in ("Marmot policy objectives", "News", "What's on", "Case studies"):
        expect(page.get_by_role("link", name=section, exact=True).first).to_be_visible()
