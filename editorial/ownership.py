"""Who looks after pages no officer made: the pages the loader builds and drafts made from partners' case studies.

They belong to the Public Health team's account. It has no password, so nobody signs in with it; its email address
is the team's shared inbox (CASE_STUDY_NOTIFY_EMAIL when the account is first made, then edited in Settings > Users),
so review reminders for the loaded pages reach the team until an officer hands a page to a named colleague.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

TEAM_USERNAME = "public-health-team"
DAYS_IN_YEAR = 365


def team_account():
    """The Public Health team's account, made the first time it is needed."""
    User = get_user_model()
    account, created = User.objects.get_or_create(
        username=TEAM_USERNAME,
        defaults={"first_name": "Public Health", "last_name": "team", "email": settings.CASE_STUDY_NOTIFY_EMAIL},
    )
    if created:
        account.set_unusable_password()
        account.save(update_fields=["password"])
    return account


def spread_review_date(position, count, start=None):
    """The review date for the page at `position` (0-based) of `count` pages loaded together.

    The dates are spread evenly over the year after `start` (default today, UK time), so reviews fall due a few at a
    time, not all on one day. The first is due after 365 // count days, the last a year after `start`.
    """
    if not 0 <= position < count:
        raise ValueError(f"position {position} is outside 0..{count - 1}")
    start = start or timezone.localdate()
    return start + datetime.timedelta(days=(position + 1) * DAYS_IN_YEAR // count)
