from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from editorial.review import overdue_pages, reminders_for


class Command(BaseCommand):
    help = (
        "Email each page owner one list of their live pages whose review date has passed. "
        "Pages whose owner cannot be emailed are listed in the output."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show who would be emailed about which pages, without sending."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        reminders = reminders_for(overdue_pages(today=today))
        if not reminders.by_owner and not reminders.unreachable:
            self.stdout.write("No pages are overdue for review.")
            return

        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        from_email = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL)
        for owner, pages in reminders.by_owner.items():
            context = {
                "owner": owner,
                "pages": [(page, base_url + reverse("wagtailadmin_pages:edit", args=[page.pk])) for page in pages],
                "site_name": settings.WAGTAIL_SITE_NAME,
                "today": today,
            }
            subject = " ".join(render_to_string("editorial/emails/review_reminder_subject.txt", context).split())
            body = render_to_string("editorial/emails/review_reminder.txt", context)
            count = f"{len(pages)} overdue page{'' if len(pages) == 1 else 's'}"
            if dry_run:
                self.stdout.write(f"Would email {owner.email} about {count}.")
                continue
            # Queued (mail/backends.py); the email worker delivers it, trying again while the mail server is down.
            send_mail(subject, body, from_email, [owner.email])
            self.stdout.write(f"Queued an email to {owner.email} about {count}.")

        if reminders.unreachable:
            self.stdout.write(
                self.style.WARNING(
                    f"Could not email anyone about {len(reminders.unreachable)} overdue "
                    f"page{'' if len(reminders.unreachable) == 1 else 's'}. Set an owner with an email address "
                    "in each page's Settings tab:"
                )
            )
            for page, reason in reminders.unreachable:
                edit_url = base_url + reverse("wagtailadmin_pages:edit", args=[page.pk])
                due = f"{page.next_review_date:%d/%m/%Y}"
                self.stdout.write(f"  '{page.title}' (review due {due}): {reason}. {edit_url}")
