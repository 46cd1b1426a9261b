"""Site-wide views: the health check and the error pages that need more than Django's defaults."""

import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from het_site.security import DATABASE_ERRORS, database_unavailable_response


@never_cache
@csrf_exempt
@require_safe
def healthz(request):
    """200 when the database answers a trivial query, 503 when it does not. Touches no session or cache."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page, or the 503 page when the error was the database going away outside a view."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response()
    # Rendered without the request, so a broken database or session cannot break the error page too.
    return HttpResponse(render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    """A form was sent without a valid security token, usually because it sat open for too long."""
    return HttpResponse(render_to_string("403_csrf.html"), status=403)
