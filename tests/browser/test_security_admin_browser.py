"""The Wagtail admin works in a real browser under its Content-Security-Policy: nothing is blocked."""

import pytest

from pages.factories import StandardPageFactory
from tests.browser.conftest import LIVE_DATABASE
from tests.support.case_studies import image_bytes
from tests.support.people import PASSWORD, make_superuser
from tests.support.site import build_site

pytestmark = [pytest.mark.browser, LIVE_DATABASE]

# Records every policy violation on every page and frame, before the page's own scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sourceFile || ""));
});
"""


def violations(page):
    found = []
    for frame in page.frames:
        found += frame.evaluate("window.__cspViolations || []")
    return found


def test_officer_edits_previews_and_uploads_with_no_policy_violations(live_server, new_context, settings, tmp_path):
    settings.AXES_ENABLED = True
    officer = make_superuser()
    home = build_site()["home"]
    story = StandardPageFactory(parent=home, title="Healthy homes", owner=officer)
    image_file = tmp_path / "town-hall.png"
    image_file.write_bytes(image_bytes("PNG", (40, 30)))
    console_errors = []

    page = new_context().new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert violations(page) == []

    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    page.fill("#id_title", "Healthy homes in Luton")
    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").filter(has_text="Healthy homes in Luton").wait_for(timeout=15000)
    assert violations(page) == []

    # Signed-in officers see Wagtail's user bar on public pages, under the strict public policy.
    page.goto(f"{live_server.url}{story.url}")
    page.locator("wagtail-userbar").wait_for(state="attached")
    assert violations(page) == []

    page.goto(f"{live_server.url}/admin/images/add/")
    page.fill("#id_title", "Luton town hall")
    page.fill("#id_description", "Luton town hall seen from George Street")
    page.set_input_files("#id_file", str(image_file))
    page.click("form[action*='/images/add/'] button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/images/**")
    assert "Luton town hall" in page.content()
    assert violations(page) == []

    assert [error for error in console_errors if "Content Security Policy" in error] == []
