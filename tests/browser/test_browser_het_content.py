"""Every page of the real Health Equity Town content, as `load_het_content` builds it, on phones.

The factory-built pages in test_browser_pages.py cover every template; this catches problems that only the real
text brings, such as headings inside rich text or very long words.
"""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.browser import checks
from tests.browser.conftest import LIVE_DATABASE, NARROWEST, PHONE
from tests.browser.content import ensure_tree_root

pytestmark = [pytest.mark.browser, LIVE_DATABASE]


def test_every_page_of_the_het_content_passes_axe_and_has_ordered_headings(transactional_db, new_context):
    ensure_tree_root()
    call_command("load_het_content", stdout=io.StringIO())
    urls = [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")]
    assert len(urls) > 30

    page = new_context().new_page()
    problems = []
    for url in urls:
        assert page.goto(url).status == 200, url
        page.set_viewport_size(PHONE)
        found = checks.axe_problems(page) + checks.heading_problems(page)
        page.set_viewport_size(NARROWEST)
        found += [f"320px: {problem}" for problem in checks.horizontal_scroll_problems(page)]
        problems += [f"{url}: {problem}" for problem in found]
    assert not problems, f"{len(problems)} problem(s):\n  - " + "\n  - ".join(problems)
