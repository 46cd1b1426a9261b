from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from public_forms.ratelimit import parse_rate


@checks.register(checks.Tags.compatibility)
def check_case_study_settings(app_configs, **kwargs):
    """Catch a mistyped rate limit or retention period at start-up rather than on a partner's first visit."""
    errors = []
    try:
        parse_rate(settings.CASE_STUDY_RATE_LIMIT)
    except ImproperlyConfigured as error:
        errors.append(
            checks.Error(str(error), hint="Set CASE_STUDY_RATE_LIMIT to, for example, 5/hour.", id="het.E401")
        )
    if settings.CASE_STUDY_RETENTION_DAYS < 1:
        errors.append(checks.Error("CASE_STUDY_RETENTION_DAYS must be at least 1.", id="het.E402"))
    return errors
