from django.core.management.base import BaseCommand

from page_cache import cache as page_cache


class Command(BaseCommand):
    help = (
        "Stop serving every cached public page, so the next visitor to each page gets it fresh from the database. "
        "Run it after changing the database outside the admin, such as restoring a backup."
    )

    def handle(self, *args, **options):
        page_cache.invalidate()
        self.stdout.write("Cached pages will be rebuilt from the database on their next visit.")
