"""The health equity indicators on phones, at 320 px, without JavaScript and in print: axe finds nothing, nothing
scrolls sideways, and every chart is a captioned figure with its title and description."""

import io

import pytest
from django.core.management import call_command

from tests.browser import checks
from tests.browser.conftest import LIVE_DATABASE, NARROWEST, PHONE
from tests.browser.content import ensure_tree_root

pytestmark = [pytest.mark.browser, LIVE_DATABASE]

PAGES = [
    "/measuring-health-equity/",
    "/measuring-health-equity/90366/",  # split by sex
    "/measuring-health-equity/93721/",  # persons and each sex
    "/measuring-health-equity/92026/",  # a value not published, and a five-year period
    "/measuring-health-equity/91112/",  # cumulative quarters with long period labels
    "/policy-objectives/best-start-in-life/",
]


def test_indicator_pages_pass_axe_fit_320px_and_work_without_javascript(transactional_db, new_context):
    ensure_tree_root()
    call_command("load_het_content", stdout=io.StringIO())
    problems = []
    for javascript in (True, False):
        page = new_context(java_script_enabled=javascript).new_page()
        for url in PAGES:
            assert page.goto(url).status == 200, url
            page.set_viewport_size(PHONE)
            found = checks.chart_problems(page) + checks.heading_problems(page)
            if javascript:
                found += checks.axe_problems(page)
            page.set_viewport_size(NARROWEST)
            found += [f"320px: {problem}" for problem in checks.horizontal_scroll_problems(page)]
            found += [f"320px: {problem}" for problem in checks.chart_problems(page)]
            page.emulate_media(media="print")
            found += [f"print: {problem}" for problem in checks.horizontal_scroll_problems(page)]
            page.emulate_media(media="screen")
            problems += [f"{url}{'' if javascript else ' (no JavaScript)'}: {problem}" for problem in found]
    assert not problems, f"{len(problems)} problem(s):\n  - " + "\n  - ".join(problems)
