"""The task that hands a queued email to the real mail server, trying again later while the server is down."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from mail.messages import describe, message_from_dict

logger = logging.getLogger(__name__)

# The backend alias in TASKS that carries email: a database queue in production, immediate elsewhere.
EMAIL_TASK_BACKEND = "email"

# A mail server that is down, refusing connections, timing out or refusing the message for now. Anything else
# (a message that cannot be built, a delivery backend that is misconfigured) fails at once: trying again
# would not help.
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)


class EmailNotDelivered(Exception):
    """Every attempt to deliver a queued email failed; the task's stored arguments still hold the message."""


def retry_delay(attempt):
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...): doubling from
    EMAIL_RETRY_FIRST_DELAY, never longer than EMAIL_RETRY_MAX_DELAY."""
    return min(settings.EMAIL_RETRY_FIRST_DELAY * 2 ** (attempt - 1), settings.EMAIL_RETRY_MAX_DELAY)


@task(backend=EMAIL_TASK_BACKEND, takes_context=True)
def deliver_email(context, message, attempt=1):
    """Send one message (a dictionary from mail.messages.message_to_dict) through EMAIL_DELIVERY_BACKEND.

    Returns {"delivered": True, "attempt": n} once the server has accepted it. When the server cannot be
    reached, queues attempt n + 1 after retry_delay(n) seconds and returns {"delivered": False, "attempt": n,
    "error": ..., "next_attempt": task id}. After EMAIL_DELIVERY_ATTEMPTS attempts (or at once, when the task
    backend cannot run tasks later) raises EmailNotDelivered, so the task is recorded as failed with the message
    in its arguments, for `manage.py resend_failed_emails`.
    """
    email = message_from_dict(message, connection=get_connection(settings.EMAIL_DELIVERY_BACKEND))
    try:
        email.send()
    except DELIVERY_ERRORS as error:
        # Only the error's type: mail servers quote recipients' addresses in their replies, and logs hold no addresses.
        reason = type(error).__name__
        backend = deliver_email.using(backend=context.task_result.backend).get_backend()
        if attempt < settings.EMAIL_DELIVERY_ATTEMPTS and backend.supports_defer:
            delay = retry_delay(attempt)
            retry = deliver_email.using(
                backend=context.task_result.backend,
                run_after=timezone.now() + datetime.timedelta(seconds=delay),
            ).enqueue(message, attempt=attempt + 1)
            logger.warning(
                "Email %s not delivered on attempt %d of %d (%s); trying again in %d seconds as task %s",
                describe(message),
                attempt,
                settings.EMAIL_DELIVERY_ATTEMPTS,
                reason,
                delay,
                retry.id,
            )
            return {"delivered": False, "attempt": attempt, "error": reason, "next_attempt": retry.id}
        logger.error(
            "Email %s not delivered after %d attempts (%s); kept as failed task %s for resend_failed_emails",
            describe(message),
            attempt,
            reason,
            context.task_result.id,
        )
        raise EmailNotDelivered(f"{describe(message)} not delivered after {attempt} attempts: {reason}") from error
    return {"delivered": True, "attempt": attempt}
