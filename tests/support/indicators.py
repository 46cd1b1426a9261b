"""Fingertips CSV files for the indicator tests: the shipped extract, and small files built row by row."""

import csv
import io

from indicators.importer import COLUMNS
from indicators.shipped import SHIPPED_FILE

HEADINGS = list(COLUMNS.values())
LUTON, ENGLAND = "E06000032", "E92000001"


def shipped_data():
    return SHIPPED_FILE.read_bytes()


def row(**cells):
    """One row as {heading: text}: life expectancy for Luton males in 2019 - 21 unless `cells` (by our column names,
    see importer.COLUMNS) say otherwise."""
    values = {
        "fingertips_id": "90366",
        "indicator_name": "Life expectancy at birth",
        "parent_code": ENGLAND,
        "parent_name": "England",
        "area_code": LUTON,
        "area_name": "Luton",
        "area_type": "UA",
        "sex": "Male",
        "period": "2019 - 21",
        "value": "77.9",
        "compared_to_england": "Worse",
        "period_sortable": "20190000",
    }
    values.update(cells)
    return {COLUMNS[name]: text for name, text in values.items()}


def fingertips_csv(rows, headings=HEADINGS, bom=False, line_end="\r\n"):
    """The rows as a Fingertips export's bytes, with these headings in this order (cells not given are empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headings, extrasaction="ignore", lineterminator=line_end)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")
