"""The health equity indicators on phones, at 320 px, without JavaScript and in print: axe finds nothing, nothing
scrolls sideways, and every chart is a captioned figure with its title and description."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser import checks
from tests.browser.conftest import LIVE_DATABASE, NARROWEST, PHONE
from tests.support.site import ensure_tree_root

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


PASSWORD = "correct horse battery staple"


def test_a_moderator_uploads_a_fingertips_file_previews_it_and_imports_it(transactional_db, django_user_model, page):
    from django.contrib.auth.models import Group

    from indicators.models import ImportRun, Value
    from indicators.shipped import SHIPPED_FILE

    moderator = django_user_model.objects.create_user("morris", "morris@luton.gov.uk", PASSWORD, first_name="Morris")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("morris")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.get_by_role("button", name="Health indicators").click()
    page.get_by_role("link", name="Upload data").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Upload indicator data")
    page.get_by_label("Fingertips data file (CSV)").set_input_files(str(SHIPPED_FILE))
    page.get_by_role("button", name="Check this file").click()

    expect(page.get_by_text("440 added, 0 changed, 0 unchanged, 0 refused")).to_be_visible()
    added = page.locator('table[data-preview="added"] tbody tr')
    expect(added).to_have_count(200)
    expect(added.first).to_contain_text("Percentage of physically active children and young people, England, 2017/18")
    assert not Value.objects.exists()

    page.get_by_role("button", name="Import this file").click()
    expect(page.get_by_text("Imported fingertips-luton-england.csv: 440 added")).to_be_visible()
    assert Value.objects.count() == 440
    assert ImportRun.objects.get().status == ImportRun.Status.IMPORTED
    expect(page.get_by_role("link", name="fingertips-luton-england.csv")).to_be_visible()
