"""Response headers, the database-outage page and the client address used for login throttling."""

import logging
import math

from axes.helpers import get_cool_off
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("het_site.security")

DATABASE_ERRORS = (OperationalError, InterfaceError)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's looser policy under the admin path, plus Permissions-Policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A policy set on the view itself with django-csp's decorators still wins.
        in_admin = request.path_info.startswith(settings.WAGTAIL_ADMIN_PATH_PREFIX)
        if in_admin and not report_only and parts.config is None:
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def database_unavailable_response():
    """The friendly 'try again shortly' page; it needs no database, session or cache to render."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a lost or refused database connection into a 503 page instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning(
                "Database unavailable",
                extra={"request": request, "status_code": 503, "error": type(exception).__name__},
            )
            return database_unavailable_response()
        return None


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the friendly 429 page, saying how long to wait."""
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else None
    response = HttpResponse(render_to_string("429.html", {"cooloff_minutes": minutes}), status=429)
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response
