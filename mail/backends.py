"""An email backend that queues every message as a task, to be delivered once the transaction has committed."""

import logging

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from mail.messages import describe, message_to_dict
from mail.tasks import deliver_email

logger = logging.getLogger(__name__)


class TaskEmailBackend(BaseEmailBackend):
    """Every email the site sends, its own and Wagtail's, goes through here (EMAIL_BACKEND).

    Each message is stored as it is now, then queued as a `mail.tasks.deliver_email` task when the current
    database transaction commits: nothing is sent for a change that is rolled back, and no request or locked
    transaction waits for the mail server. Outside a transaction the message is queued at once.
    send_messages returns the number of messages queued.
    """

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                stored = message_to_dict(message)
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Email %r could not be queued", message.subject)
                continue
            transaction.on_commit(lambda stored=stored: queue(stored))
            queued += 1
        return queued


def queue(stored):
    # Runs after the commit, so raising would only turn a saved change into an error page for the visitor.
    try:
        deliver_email.enqueue(stored)
    except Exception:
        logger.exception("Email %s could not be queued after the change was saved", describe(stored))
