"""Fill an empty database with a large, realistic-looking set of invented content, for benchmarks and tests.

    manage.py load_synthetic_content --scale 1000

builds an invented site (home page, sections, topic pages, standard pages, images, documents, settings and menus)
and adds 1000 news items, 1000 events (half of them past) and 1000 case studies. It refuses to run on a database
that has pages, so that it never publishes invented stories on the real site; --add-to-existing-site adds the
stories to the site that is there (for example one built by load_het_content, in a throwaway database).
"""

from types import SimpleNamespace

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from seed.synthetic import SyntheticSite, pages_besides_welcome

MISSING_TOOLS = (
    "load_synthetic_content builds its pages with factory_boy and wagtail-factories, which are installed with the "
    "test tools: run `make install-test` (or `pip install -e '.[test]'`) and try again."
)


def project_factories():
    """The project's page, image and document factories in one namespace. Raises CommandError if they cannot load."""
    try:
        import wagtail_factories

        from case_studies import factories as case_studies
        from core import factories as core
        from events import factories as events
        from news import factories as news
        from pages import factories as pages
    except ImportError as error:
        raise CommandError(f"{MISSING_TOOLS} ({error})") from error
    namespace = SimpleNamespace(DocumentFactory=wagtail_factories.DocumentFactory)
    for module in (core, pages, news, events, case_studies):
        namespace.__dict__.update({name: value for name, value in vars(module).items() if name.endswith("Factory")})
    return namespace


class Command(BaseCommand):
    help = (
        "Build an invented site on an empty database and add SCALE news items, events and case studies to it. "
        "Refuses to run on a database that has pages unless --add-to-existing-site is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100, help="How many of each to add (default 100).")
        parser.add_argument(
            "--add-to-existing-site",
            action="store_true",
            help=(
                "Add the invented stories, live, to the site already in this database. Only for a throwaway copy: "
                "never on the real site."
            ),
        )

    def handle(self, *args, scale, add_to_existing_site, **options):
        if scale < 0:
            raise CommandError("--scale must be 0 or more.")
        existing = pages_besides_welcome()
        if existing.exists() and not add_to_existing_site:
            raise CommandError(
                f"This database already has {existing.count()} pages (the first is '{existing.first().title}'). "
                "load_synthetic_content publishes invented news items, events and case studies, so it only runs"
                " on an empty database made for benchmarking or tests. To add them to this site anyway, in a "
                "throwaway copy and never on the real site, run it again with --add-to-existing-site."
            )
        site = SyntheticSite(project_factories())
        with transaction.atomic():
            try:
                indexes = site.existing() if existing.exists() else site.build()
            except LookupError as error:
                raise CommandError(
                    f"Cannot add stories: {error}. Load the site first (manage.py load_het_content)."
                ) from error
            site.add_stories(indexes, scale)
        if connection.vendor == "postgresql":
            # Fresh planner statistics: until autovacuum gets round to it, PostgreSQL plans for near-empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"Added {scale} news items, {scale} events and {scale} case studies.")
