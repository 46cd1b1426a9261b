"""Checks over every template file, for mistakes that render without an error."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_short_comment_closes_on_its_own_line():
    # Django's {# #} comments are one line only: one left open is printed on the page as text.
    unclosed = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\{#(?!.*#\})", line)
    ]
    assert not unclosed, f"use {{% comment %}} for comments over several lines: {unclosed}"
