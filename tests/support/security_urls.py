"""The site's URLs plus views that fail on purpose, used only by the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from het_site.urls import handler500  # noqa: F401 - Django looks for handler500
from het_site.urls import urlpatterns as site_urlpatterns


def bad_request(request):
    raise SuspiciousOperation("Malformed request")


def forbidden(request):
    raise PermissionDenied


@csrf_exempt
def broken_form(request):
    # Exception messages can repeat what was typed: the logs must not.
    raise ValueError(f"Could not save the submission from {request.POST.get('email')} ({request.POST.get('phone')})")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


urlpatterns = [
    path("test-only/bad-request/", bad_request),
    path("test-only/forbidden/", forbidden),
    path("test-only/broken-form/", broken_form),
    path("test-only/database-gone/", database_gone),
    *site_urlpatterns,
]
