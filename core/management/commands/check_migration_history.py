from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.exceptions import InconsistentMigrationHistory
from django.db.migrations.loader import MigrationLoader


def project_app_labels():
    """The labels of the apps that live in this repository (not Wagtail's or Django's)."""
    base = Path(settings.BASE_DIR).resolve()
    return {config.label for config in apps.get_app_configs() if Path(config.path).resolve().is_relative_to(base)}


def outdated_migrations(connection):
    """(unknown, inconsistency): the project's migrations the database records but the code no longer has, and
    Django's own complaint when an applied migration depends on one that is not applied ("" when none)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    labels = project_app_labels()
    unknown = sorted(key for key in loader.applied_migrations if key[0] in labels and key not in loader.disk_migrations)
    try:
        loader.check_consistent_history(connection)
    except InconsistentMigrationHistory as error:
        return unknown, str(error)
    return unknown, ""


class Command(BaseCommand):
    help = (
        "Stop with a clear message when the database was made by an earlier layout of the site's migrations, "
        "which `migrate` cannot bring up to date. `make run` runs it before migrating."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        if "django_migrations" not in connection.introspection.table_names():
            return
        unknown, inconsistency = outdated_migrations(connection)
        if not unknown and not inconsistency:
            return
        name = connection.settings_dict["NAME"]
        lines = [f"The database {name} was made by an earlier version of the site, whose migrations have since been"]
        lines.append("replaced, so it cannot be brought up to date in place.")
        if unknown:
            listed = ", ".join(f"{app}.{migration}" for app, migration in unknown[:5])
            more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            lines.append(f"It records migrations the code no longer has: {listed}{more}.")
        if inconsistency:
            lines.append(inconsistency)
        if connection.vendor == "sqlite":
            lines.append(
                f"Remove it and start again: rm {name} && make run (the HET content is loaded again; changes made "
                "in the admin on this copy are lost)."
            )
        else:
            lines.append("Create a new, empty database for DATABASE_URL and run migrate again.")
        raise CommandError("\n".join(lines))
