"""List the emails the queue gave up on, and queue them again once the mail server works."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from mail.messages import describe
from mail.tasks import EMAIL_TASK_BACKEND, deliver_email


class Command(BaseCommand):
    help = (
        "List emails whose every delivery attempt failed (kept in the database task queue), "
        "and with --resend queue them again for the worker, starting from a first attempt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--resend", action="store_true", help="Queue every listed email again.")

    def handle(self, *, resend, **options):
        from django_tasks import task_backends
        from django_tasks_db import DatabaseBackend

        if not isinstance(task_backends[EMAIL_TASK_BACKEND], DatabaseBackend):
            raise CommandError(
                f"The {EMAIL_TASK_BACKEND!r} task backend does not keep tasks in the database, "
                "so no failed emails are stored (see TASKS in the settings)."
            )
        failed = DBTaskResult.objects.failed().filter(
            task_path=deliver_email.module_path, backend_name=EMAIL_TASK_BACKEND
        )
        count = 0
        for result in failed.order_by("enqueued_at"):
            message = result.args_kwargs["args"][0]
            recipients = ", ".join(message["to"] + message["cc"] + message["bcc"])
            self.stdout.write(f"{result.id}  {result.finished_at:%Y-%m-%d %H:%M}  {describe(message)}: {recipients}")
            if resend:
                with transaction.atomic():
                    retry = deliver_email.enqueue(message)
                    # The new task holds the message now; leaving the old one would list and resend it again.
                    result.delete()
                self.stdout.write(f"    queued again as task {retry.id}")
            count += 1
        verb = "queued again" if resend else "not delivered"
        self.stdout.write(f"{count} email{'s' if count != 1 else ''} {verb}.")
