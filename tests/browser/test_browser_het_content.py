"""Every page of the real Health Equity Town content, as `load_het_content` builds it, on phones.

The factory-built pages in test_browser_pages.py cover every template; this catches problems that only the real
text brings, such as headings inside rich text or very long words.
"""

import pytest
from wagtail.models import Page

from tests.browser import checks
from tests.browser.conftest import LIVE_DATABASE, NARROWEST, PHONE

pytestmark = [pytest.mark.browser, LIVE_DATABASE]


def test_every_page_of_the_het_content_passes_axe_and_has_ordered_headings(het_site, new_context):
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
