"""The Wagtail admin keeps working under the security settings, and its login is throttled."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory, override_settings
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import HETImage
from pages.factories import StandardPageFactory
from public_forms.ratelimit import client_ip
from tests.support.case_studies import image_bytes
from tests.support.people import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def log_in(client, username, password, ip="192.0.2.10"):
    """Sign in through the real Wagtail login form, with CSRF checks on, from the given address."""
    form = client.get("/admin/login/", REMOTE_ADDR=ip)
    data = {"csrfmiddlewaretoken": csrf_token(form.content.decode()), "username": username, "password": password}
    return client.post("/admin/login/", data, REMOTE_ADDR=ip)


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def test_officer_logs_in_and_the_session_cookies_are_locked_down(browser, superuser, home):
    response = log_in(browser, "officer", PASSWORD)
    assert response.status_code == 302
    session_cookie = browser.cookies["sessionid"]
    assert session_cookie["httponly"] and session_cookie["samesite"] == "Lax"
    assert not session_cookie["max-age"], "the session should end when the browser closes"
    assert browser.cookies["csrftoken"]["httponly"]
    assert browser.session.get_expiry_age() == 8 * 60 * 60

    dashboard = browser.get("/admin/")
    assert dashboard.status_code == 200
    policy = dashboard["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy


def test_page_editor_preview_and_image_upload_work(browser, superuser, home):
    page = StandardPageFactory(parent=home, title="Healthy homes", owner=superuser)
    log_in(browser, "officer", PASSWORD)

    edit = browser.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "'unsafe-inline'" in edit["Content-Security-Policy"]
    token = csrf_token(edit.content.decode())

    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = nested_form_data(
        {
            "title": "Healthy homes preview",
            "slug": page.slug,
            "summary": "How housing affects health in Luton.",
            "body": streamfield([("text", rich_text("<p>Damp and cold homes make people ill.</p>"))]),
        }
    )
    stored = browser.post(preview_url, {**form, "csrfmiddlewaretoken": token})
    assert json.loads(stored.content) == {"is_valid": True, "is_available": True}
    preview = browser.get(preview_url)
    assert preview.status_code == 200
    assert "Healthy homes preview" in preview.content.decode()
    assert "Damp and cold homes make people ill." in preview.content.decode()
    # The editor shows the preview in a frame on the same site, so framing must be allowed from there.
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]

    upload = browser.post(
        "/admin/images/add/",
        {
            "csrfmiddlewaretoken": token,
            "title": "Luton town hall",
            "description": "Luton town hall seen from George Street",
            "file": SimpleUploadedFile("town-hall.png", image_bytes("PNG", (40, 30)), content_type="image/png"),
        },
    )
    assert upload.status_code == 302, upload.context["form"].errors
    assert HETImage.objects.filter(title="Luton town hall").exists()


def test_a_form_without_its_token_gets_the_friendly_403(browser, superuser):
    response = browser.post("/admin/login/", {"username": "officer", "password": PASSWORD})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()


def locked_out(response):
    return response.status_code == 429 and "Too many attempts" in response.content.decode()


def test_repeated_failures_lock_the_account_from_any_address(superuser, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(Client(enforce_csrf_checks=True), "officer", "wrong password", ip=f"198.51.100.{attempt}")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()
    # The failure that reaches the limit already gets the lockout page.
    assert locked_out(log_in(Client(enforce_csrf_checks=True), "officer", "wrong password", ip="198.51.100.99"))
    # Even the right password, from an address that has never failed, is refused while the lock lasts.
    response = log_in(Client(enforce_csrf_checks=True), "officer", PASSWORD, ip="203.0.113.50")
    assert locked_out(response)
    assert "Wait 15 minutes" in response.content.decode()
    assert response["Retry-After"] == "900"
    assert "sessionid" not in response.cookies


def test_repeated_failures_lock_the_client_out_for_every_account(superuser, settings):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess{attempt}", "wrong password", ip="198.51.100.77")
    assert locked_out(log_in(client, "officer", PASSWORD, ip="198.51.100.77"))
    # The officer signing in from their own machine is not affected by somebody else's guessing.
    assert log_in(Client(enforce_csrf_checks=True), "officer", PASSWORD, ip="192.0.2.20").status_code == 302


def test_a_successful_login_clears_earlier_failures(superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(Client(enforce_csrf_checks=True), "officer", "wrong password")
    assert log_in(Client(enforce_csrf_checks=True), "officer", PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(Client(enforce_csrf_checks=True), "officer", "wrong password")
    assert log_in(Client(enforce_csrf_checks=True), "officer", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "192.0.2.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "10.9.9.9, 203.0.113.9", "203.0.113.9"),
        (2, "10.9.9.9, 203.0.113.9, 198.51.100.2", "203.0.113.9"),
        (2, "203.0.113.9", "192.0.2.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_password_validators_refuse_weak_passwords(superuser):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password1234", "officer12345", "123456789012", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak, superuser)
    validate_password(PASSWORD, superuser)
