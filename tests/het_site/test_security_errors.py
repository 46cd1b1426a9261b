"""Visitors see friendly error pages, never a traceback; logs are JSON lines without personal data; /healthz."""

import io
import json
import logging
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, override_settings
from django.utils.module_loading import import_string

from tests.support.production_server import production_manage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.support.security_urls")]


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def log_lines():
    """Whatever the site logs during the test, formatted by the configured formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(import_string(settings.LOGGING["formatters"]["json"]["()"])())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def assert_no_internals(html):
    for leak in ("Traceback", "SECRET_KEY", "DATABASES", 'File "', "Request Method"):
        assert leak not in html


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/test-only/bad-request/", 400, "Sorry, we could not understand that request"),
        ("/test-only/forbidden/", 403, "You cannot see this page"),
        ("/no-such-page/", 404, "Page not found"),
        ("/test-only/broken-form/", 500, "Sorry, there is a problem with the service"),
        ("/test-only/database-gone/", 503, "Sorry, the service is unavailable"),
    ],
)
def test_errors_get_friendly_pages(visitor, home, url, status, heading):
    response = visitor.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<a href="/">Go to the Health Equity Town home page</a>' in html or status == 404
    assert_no_internals(html)
    assert not response.cookies


def test_database_outage_page_asks_visitors_to_come_back(visitor):
    response = visitor.get("/test-only/database-gone/")
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_too_many_requests_page_reads_well_without_a_lockout():
    from django.template.loader import render_to_string

    html = render_to_string("429.html")
    assert "<h1>Too many attempts</h1>" in html
    assert "Wait a few minutes, then try again." in html


def test_debug_is_off_in_production():
    # Not settings.DEBUG here: pytest-django turns DEBUG off in the test process whatever the settings say.
    result = production_manage(
        "shell", "--verbosity", "0", "-c", "from django.conf import settings; print(settings.DEBUG)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_server_error_logs_one_json_line_without_what_was_submitted(visitor, log_lines):
    response = visitor.post(
        "/test-only/broken-form/?email=resident@example.org",
        {"email": "resident@example.org", "phone": "07700 900123", "story": "My private story"},
    )
    assert response.status_code == 500
    errors = [line for line in log_lines() if line["level"] == "ERROR"]
    assert len(errors) == 1
    error = errors[0]
    assert error["logger"] == "django.request"
    assert error["method"] == "POST"
    assert error["path"] == "/test-only/broken-form/"
    assert error["status_code"] == 500
    assert error["exception"] == "ValueError"
    assert "Could not save the submission from [redacted] ([redacted])" in error["traceback"]
    everything = json.dumps(log_lines())
    for personal in ("resident@example.org", "07700 900123", "My private story"):
        assert personal not in everything


def test_a_database_outage_logs_a_warning_not_a_traceback(visitor, log_lines):
    visitor.get("/test-only/database-gone/")
    [line] = [line for line in log_lines() if line["logger"] == "het_site.security"]
    assert line["level"] == "WARNING"
    assert line["status_code"] == 503
    assert line["error"] == "OperationalError"
    assert "traceback" not in line


def test_healthz_answers_from_the_database_alone(visitor, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = visitor.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_does_not_answer(visitor):
    with mock.patch("het_site.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = visitor.get("/healthz")
    assert response.status_code == 503
    assert not response.cookies


@override_settings(SECURE_SSL_REDIRECT=True)
def test_healthz_is_not_redirected_to_https(visitor, home):
    assert visitor.get("/healthz").status_code == 200
    assert visitor.get("/").status_code == 301
