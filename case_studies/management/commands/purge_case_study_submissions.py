import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from case_studies.models import CaseStudySubmission


class Command(BaseCommand):
    help = (
        "Erase partners' names, email addresses and phone numbers from case study submissions decided more than "
        "CASE_STUDY_RETENTION_DAYS days ago (published, rejected or draft deleted). Run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention period in days. Defaults to the CASE_STUDY_RETENTION_DAYS setting.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be erased.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.CASE_STUDY_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        due = CaseStudySubmission.objects.filter(
            status__in=CaseStudySubmission.DECIDED_STATUSES,
            decided_at__lt=cutoff,
            personal_data_erased_at__isnull=True,
        )
        if dry_run:
            self.stdout.write(f"{due.count()} submission(s) would have personal data erased.")
            return
        erased = 0
        for submission in due.iterator():
            submission.erase_personal_data()
            erased += 1
        self.stdout.write(f"Erased personal data from {erased} submission(s) decided before {cutoff:%d/%m/%Y}.")
