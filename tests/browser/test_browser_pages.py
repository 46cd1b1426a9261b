"""Every page type, in a real browser, at desktop and phone widths: WCAG 2.2 AA, keyboard use, reflow, zoom, no JS."""

import pytest

from tests.browser import checks
from tests.browser.conftest import DESKTOP, LIVE_DATABASE, NARROWEST, PHONE, ZOOMED
from tests.support.content import build_showcase_site

pytestmark = [pytest.mark.browser, LIVE_DATABASE]

# The live server empties the database after every test, so each test builds the site once and checks a group
# of page types on it; the groups let the two test processes share the work.
PAGE_GROUPS = {
    "home and topic listings": ["home", "objective index", "priority index", "subgroup index"],
    "news, event and case study listings": ["news index", "event index", "case study index"],
    "topics": ["policy objective", "priority", "subgroup"],
    "articles": ["standard page", "news item", "event", "case study"],
    "search and not found": ["search", "404"],
}


@pytest.fixture
def site(transactional_db):
    return build_showcase_site()


def page_problems(page, no_js, page_type, url):
    response = page.goto(url)
    assert response.status == (404 if page_type == "404" else 200), url
    if page_type == "search":
        assert page.locator(".search-results li").count() > 1

    problems = []
    for name, viewport in (("1280px", DESKTOP), ("390px", PHONE)):
        page.set_viewport_size(viewport)
        problems += [f"{name}: {problem}" for problem in checks.axe_problems(page)]
        problems += [f"{name}: {problem}" for problem in checks.keyboard_problems(page)]
    problems += checks.heading_problems(page)
    problems += checks.skip_link_problems(page)

    page.set_viewport_size(NARROWEST)
    problems += [f"320px: {problem}" for problem in checks.horizontal_scroll_problems(page)]
    page.set_viewport_size(ZOOMED)
    problems += [f"200% zoom: {problem}" for problem in checks.zoom_problems(page)]

    page.set_viewport_size(DESKTOP)
    no_js.goto(url)
    problems += checks.text_difference(checks.main_text(page), checks.main_text(no_js))
    return problems


@pytest.mark.parametrize("group", PAGE_GROUPS)
def test_every_page_type_is_accessible(group, site, new_context):
    page = new_context().new_page()
    no_js = new_context(java_script_enabled=False).new_page()
    problems = []
    for page_type in PAGE_GROUPS[group]:
        found = page_problems(page, no_js, page_type, site[page_type])
        problems += [f"{page_type} page, {problem}" for problem in found]
    assert not problems, f"{len(problems)} problem(s):\n  - " + "\n  - ".join(problems)


def test_search_form_works_without_javascript(site, new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(site["home"])
    checks.tab_to(page.get_by_role("searchbox", name="Search this site"))
    page.keyboard.type("walking maps")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=walking+maps")
    assert page.get_by_role("link", name="Walking maps for every ward").is_visible()
