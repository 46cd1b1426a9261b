"""Import a Fingertips "all data" CSV export: `manage.py import_indicators FILE [--dry-run]`.

The file is imported whole or not at all; see indicators/importer.py for what it accepts.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators.importer import ImportRefused, check, import_file


class Command(BaseCommand):
    help = "Import health indicator values from a Fingertips CSV export, whole or not at all."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file exported from Fingertips.")
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be added, changed and refused; change nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        if dry_run:
            result = check(data, file.name)
            self.report(result)
            if result.refused:
                raise CommandError(result.refusal_summary())
            self.stdout.write(f"Dry run, nothing imported: {result.summary()}.")
            return
        try:
            result = import_file(data, file.name)
        except ImportRefused as refused:
            self.report(refused.result)
            raise CommandError(str(refused)) from refused
        self.stdout.write(self.style.SUCCESS(f"Imported {file.name}: {result.summary()}."))

    def report(self, result):
        for heading, rows in (("Refused", result.refused), ("Added", result.added), ("Changed", result.changed)):
            for row in rows:
                reason = f": {row.reason}" if row.reason else ""
                self.stdout.write(f"{heading} line {row.line}: {row.description}{reason}")
        for row in result.notes:
            self.stdout.write(f"Note line {row.line}: {row.description}: {row.reason}")
