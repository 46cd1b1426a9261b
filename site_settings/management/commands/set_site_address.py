from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_settings.site_address import apply_site_address


class Command(BaseCommand):
    help = (
        "Write SITE_URL (the site's public address) into the default Wagtail Site, which every absolute link the "
        "site publishes comes from. `migrate` does this too."
    )

    def handle(self, *args, **options):
        site = apply_site_address()
        if site is None:
            raise CommandError("There is no default site yet: run `manage.py load_het_content` first.")
        self.stdout.write(f"The site's links now start with {site.root_url}/ (SITE_URL is {settings.SITE_URL}).")
