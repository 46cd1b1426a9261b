"""The indicators shipped with the site (indicators/data/): the Fingertips extract for Luton and England, and the
first mapping to objectives and priorities with its summaries, which officers then review.

`load_shipped_indicators()` is safe to run again: it imports the file only when no import has been made yet, and
fills in an indicator's mapping only while no officer has touched it (no summary, definition or links).
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from indicators.importer import import_file
from indicators.models import ImportRun, Indicator, Polarity
from pages.models import PolicyObjectivePage, PriorityPage

DATA_DIR = Path(__file__).resolve().parent / "data"
SHIPPED_FILE = DATA_DIR / "fingertips-luton-england.csv"
MAPPING_FILE = DATA_DIR / "indicators.yaml"
DESCRIPTION_FIELDS = ("unit", "value_type", "decimal_places", "definition", "summary")


class MappingError(Exception):
    """indicators.yaml names something that does not exist; the message says what."""


@dataclass
class ShippedLoadReport:
    values_imported: int = 0
    indicators_mapped: list = field(default_factory=list)


def read_mapping(path=MAPPING_FILE):
    """The mapping as a list of dicts, one per indicator (see indicators.yaml)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise MappingError(f"{path.name}: expected a list of indicators")
    return entries


def untouched(indicator):
    return (
        not indicator.summary
        and not indicator.definition
        and not indicator.policy_objectives.exists()
        and not indicator.priorities.exists()
    )


def load_shipped_indicators():
    """Import the shipped file if nothing was ever imported, then map untouched indicators. Returns a report."""
    report = ShippedLoadReport()
    with transaction.atomic():
        if not ImportRun.objects.filter(status=ImportRun.Status.IMPORTED).exists():
            result = import_file(SHIPPED_FILE.read_bytes(), SHIPPED_FILE.name)
            report.values_imported = len(result.added)
        objectives = {page.slug: page for page in PolicyObjectivePage.objects.all()}
        priorities = {page.slug: page for page in PriorityPage.objects.all()}
        indicators = Indicator.objects.in_bulk(field_name="fingertips_id")
        for entry in read_mapping():
            indicator = indicators.get(entry["fingertips_id"])
            if indicator is None or not untouched(indicator):
                continue
            for name in DESCRIPTION_FIELDS:
                setattr(indicator, name, entry[name])
            indicator.polarity = Polarity(entry["polarity"])
            # Parental relations are written when the indicator is saved.
            indicator.policy_objectives.set(pages_by_slug(objectives, entry["policy_objectives"]))
            indicator.priorities.set(pages_by_slug(priorities, entry["priorities"]))
            indicator.save()
            report.indicators_mapped.append(indicator)
    return report


def pages_by_slug(pages, slugs):
    """The pages with these slugs; a slug with no page is skipped, since an officer may have removed the page."""
    return [pages[slug] for slug in slugs if slug in pages]
