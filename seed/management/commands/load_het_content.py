"""Build the Health Equity Town site from the seed content in seed/content/*.yaml (see seed/loader.py).

Safe to run again: a page, setting or menu that already exists is left alone, because officers may have edited it.
"""

from django.core.management.base import BaseCommand, CommandError

from indicators.shipped import load_shipped_indicators
from seed.loader import SeedContentError, SeedLoader, read_content


class Command(BaseCommand):
    help = "Load the Health Equity Town pages, site settings and menus. Existing pages and settings are not changed."

    def handle(self, *args, **options):
        try:
            report = SeedLoader(read_content()).load()
        except SeedContentError as error:
            raise CommandError(str(error)) from error
        indicators = load_shipped_indicators()
        if indicators.values_imported:
            self.stdout.write(
                f"Imported {indicators.values_imported} indicator values from the shipped Fingertips file"
            )
        if indicators.indicators_mapped:
            self.stdout.write(
                plural(len(indicators.indicators_mapped), "Linked {} indicator")
                + " to objectives and priorities, with a first summary for officers to review"
            )

        for page in report.not_given_review:
            self.stdout.write(
                self.style.WARNING(
                    f"'{page.title}' has no owner or review date and was left alone because an officer is working "
                    "on it: set them in its Settings tab."
                )
            )
        if not (report.created or report.changed or report.given_review):
            self.stdout.write("HET content already loaded, nothing changed")
            return
        message = plural(len(report.created), "Created {} page")
        if report.given_review:
            message += "; gave " + plural(len(report.given_review), "{} existing page") + " an owner and review date"
        if report.changed:
            message += "; set up " + ", ".join(report.changed)
        self.stdout.write(self.style.SUCCESS(message))


def plural(count, text):
    return text.format(count) + ("" if count == 1 else "s")
