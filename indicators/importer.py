"""Read a Fingertips "all data" CSV export and import its values: the one importer behind the management command
`import_indicators` and the admin upload.

    result = check(data, "file.csv")        # a dry run: nothing is written
    result = import_file(data, "file.csv", user=officer)   # everything, or nothing and ImportRefused

`data` is the file's bytes (or text). Columns are found by their Fingertips headings, in any order; extra columns
are ignored. The file may start with a byte-order mark, use CRLF line ends and quote fields containing commas. Values
that are blank, `*`, `-`, `..` or `NA` are not published (suppressed or missing): they are kept as missing, never
zero, with the publisher's value note. Rows for areas the site does not track (settings.INDICATOR_AREAS, and wards
inside them) are left out. A row repeating an earlier one is counted once; a row giving a different figure for the
same indicator, area, period, sex, age and category is refused. Any refused row refuses the whole file.

The ImportResult lists every added, changed and refused row with its line number in the file (the header is line 1).
Nothing here touches the network.
"""

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from indicators.choices import GSS_PREFIX_TYPES, AreaType
from indicators.layout import COLUMNS, NUMBERS, TEXTS
from indicators.models import Area, ImportRun, Indicator, Period, Value
from indicators.periods import period_dates
from page_cache import cache as page_cache

REQUIRED = ("fingertips_id", "indicator_name", "area_code", "area_name", "sex", "period", "value")
# The fields of a Value an import sets, after its key.
VALUE_FIELDS = (*NUMBERS, *TEXTS)
NOT_PUBLISHED = {"", "*", "-", "..", "na", "n/a", "x", ":"}
SEXES = {"persons": "Persons", "male": "Male", "female": "Female"}
GSS_CODE = re.compile(r"^[EWSNK]\d{8}$")
MAX_REPORTED = 200  # rows listed per kind in a preview; the counts are always complete


class ImportRefused(Exception):
    """The file was not imported; `result` (an ImportResult) says why, row by row."""

    def __init__(self, result):
        self.result = result
        super().__init__(result.refusal_summary())


@dataclass
class Row:
    """One line of the file, read and checked: `key` identifies its value, `fields` are that value's figures."""

    line: int
    fingertips_id: int
    indicator_name: str
    area_code: str
    area_name: str
    area_type: str
    parent_code: str
    period: str
    sex: str
    age: str
    category_type: str
    category: str
    fields: dict

    @property
    def key(self):
        return (self.fingertips_id, self.area_code, self.period, self.sex, self.age, self.category_type, self.category)

    def describe(self):
        parts = [self.indicator_name, self.area_name, self.period, self.sex]
        parts += [part for part in (self.age, self.category) if part]
        value = self.fields["value"]
        shown = "not published" if value is None else format_number(value)
        return f"{', '.join(parts)}: {shown}"


@dataclass
class RowReport:
    """A line of the file in a preview: its number, what it is, and why it is refused or what changes."""

    line: int
    description: str
    reason: str = ""


@dataclass
class ImportResult:
    """What importing a file does (or would do). Lists hold RowReports, in file order."""

    file_name: str
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    unchanged: int = 0
    not_tracked: int = 0
    indicator_ids: set = field(default_factory=set)
    area_codes: set = field(default_factory=set)
    rows: list = field(default_factory=list)

    @property
    def can_import(self):
        return not self.refused and bool(self.rows)

    @property
    def has_changes(self):
        return bool(self.added or self.changed)

    def refusal_summary(self):
        if not self.rows and not self.refused:
            return f"{self.file_name} has no rows for the areas the site tracks, so there is nothing to import."
        first = self.refused[0]
        more = len(self.refused) - 1
        also = f" (and {more} more row{'s' if more != 1 else ''})" if more else ""
        return f"{self.file_name} was not imported: line {first.line}: {first.reason}{also}"

    def summary(self):
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, {self.unchanged} unchanged, "
            f"{len(self.refused)} refused, {self.not_tracked} for other areas left out"
        )


def format_number(number):
    return f"{number:g}" if abs(number) < 1e15 else str(number)


def decode(data):
    """The file's text: UTF-8 (with or without a byte-order mark), or Windows-1252 as older Excel saves it."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def normalise_heading(heading):
    return " ".join((heading or "").split()).lower()


def column_positions(header):
    """Our column name -> its position in the header, found by heading, in any order."""
    wanted = {normalise_heading(heading): name for name, heading in COLUMNS.items()}
    positions = {}
    for position, heading in enumerate(header):
        name = wanted.get(normalise_heading(heading))
        if name and name not in positions:
            positions[name] = position
    return positions


def parse_number(text, heading):
    """(number or None, was_published). Raises ValueError naming the column for text that is not a number."""
    cleaned = text.strip()
    if cleaned.lower() in NOT_PUBLISHED:
        return None, False
    try:
        number = float(cleaned.replace(",", ""))
    except ValueError:
        raise ValueError(f"the {heading} '{cleaned}' is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"the {heading} '{cleaned}' is not a number")
    return number, True


def read_rows(text, result):
    """Each data line as a Row, or a refusal added to `result`; lines for other areas are only counted."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        result.refused.append(RowReport(1, "the file", "the file is empty: export the data from Fingertips as CSV"))
        return
    except csv.Error as error:
        result.refused.append(RowReport(1, "the header", f"this is not a CSV file ({error})"))
        return
    positions = column_positions(header)
    missing = [COLUMNS[name] for name in REQUIRED if name not in positions]
    if missing:
        result.refused.append(
            RowReport(
                1,
                "the header",
                f"this is not a Fingertips data export: it has no {', '.join(repr(name) for name in missing)} "
                "column" + ("s" if len(missing) > 1 else ""),
            )
        )
        return
    tracked = set(settings.INDICATOR_AREAS)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            result.refused.append(RowReport(reader.line_num, "a line", f"this line cannot be read as CSV ({error})"))
            return
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            result.refused.append(
                RowReport(line, ",".join(cells)[:80], f"it has {len(cells)} columns but the header has {len(header)}")
            )
            continue
        cell = {name: cells[position].strip() for name, position in positions.items()}
        area_code = cell["area_code"].upper()
        parent_code = cell.get("parent_code", "").upper()
        if not GSS_CODE.match(area_code):
            description = f"{cell['indicator_name'] or 'an indicator'}, {cell['area_name']}, {cell['period']}"
            result.refused.append(
                RowReport(line, description, f"the Area Code '{cell['area_code']}' is not a GSS code like E06000032")
            )
            continue
        is_ward = GSS_PREFIX_TYPES.get(area_code[:3]) == AreaType.WARD or "ward" in cell.get("area_type", "").lower()
        if area_code not in tracked and not (is_ward and parent_code in tracked):
            result.not_tracked += 1
            continue
        try:
            yield read_row(line, cell, area_code, parent_code)
        except ValueError as error:
            result.refused.append(RowReport(line, describe_cells(cell), str(error)))


def describe_cells(cell):
    return f"{cell['indicator_name'] or 'an indicator'}, {cell['area_name']}, {cell['period']}"


def read_row(line, cell, area_code, parent_code):
    """A Row from one line's cells; ValueError with the reason if the line cannot be imported."""
    try:
        fingertips_id = int(cell["fingertips_id"])
        if fingertips_id <= 0:
            raise ValueError
    except ValueError:
        raise ValueError(f"the Indicator ID '{cell['fingertips_id']}' is not a whole number") from None
    if not cell["indicator_name"]:
        raise ValueError("the Indicator Name is empty")
    area_type = GSS_PREFIX_TYPES.get(area_code[:3]) or area_type_from_text(cell.get("area_type", ""))
    if area_type is None:
        raise ValueError(
            f"the area type of '{area_code}' ({cell.get('area_type') or 'not given'}) is not one the site keeps"
        )
    sex = SEXES.get(cell["sex"].lower())
    if sex is None:
        raise ValueError(f"the Sex '{cell['sex']}' is not Persons, Male or Female")
    period_dates(cell["period"])  # raises ValueError with the reason
    fields = {}
    for name in NUMBERS:
        fields[name], _ = parse_number(cell.get(name, ""), COLUMNS[name])
    for name in TEXTS:
        fields[name] = cell.get(name, "")
    for level in ("95", "99_8"):
        lower, upper = fields[f"lower_ci_{level}"], fields[f"upper_ci_{level}"]
        if lower is not None and upper is not None and lower > upper:
            raise ValueError(f"the lower {level.replace('_', '.')}% confidence limit is above the upper one")
    return Row(
        line=line,
        fingertips_id=fingertips_id,
        indicator_name=cell["indicator_name"],
        area_code=area_code,
        area_name=cell["area_name"] or area_code,
        area_type=area_type,
        parent_code=parent_code,
        period=" ".join(cell["period"].split()),
        sex=sex,
        age=cell.get("age", ""),
        category_type=cell.get("category_type", ""),
        category=cell.get("category", ""),
        fields=fields,
    )


def area_type_from_text(text):
    words = text.lower()
    if words == "england":
        return AreaType.ENGLAND
    if "region" in words:
        return AreaType.REGION
    if "ward" in words:
        return AreaType.WARD
    if words in {"ua", "county & ua", "district & ua"} or "counties" in words or "districts" in words:
        return AreaType.LOCAL_AUTHORITY
    return None


def existing_values(rows):
    """The stored values the rows' keys could match, as {key: {field: value}}, in one query."""
    indicator_ids = {row.fingertips_id for row in rows}
    stored = Value.objects.filter(indicator__fingertips_id__in=indicator_ids).values_list(
        "indicator__fingertips_id",
        "area__gss_code",
        "period__label",
        "sex",
        "age",
        "category_type",
        "category",
        "pk",
        *VALUE_FIELDS,
    )
    return {
        tuple(values[:7]): {"pk": values[7], **dict(zip(VALUE_FIELDS, values[8:], strict=True))} for values in stored
    }


def differences(old, new):
    """The fields that differ, described for an officer: "Value 80.1 → 80.3"."""
    changes = []
    for name in VALUE_FIELDS:
        if old[name] != new[name]:
            before = "blank" if old[name] in (None, "") else old[name]
            after = "blank" if new[name] in (None, "") else new[name]
            if isinstance(before, float):
                before = format_number(before)
            if isinstance(after, float):
                after = format_number(after)
            changes.append(f"{COLUMNS[name]} {before} → {after}")
    return "; ".join(changes)


def check(data, file_name):
    """A dry run: what importing `data` would add, change and refuse. Writes nothing. Returns an ImportResult."""
    result = ImportResult(file_name=file_name)
    first_line = {}
    for row in read_rows(decode(data), result):
        earlier = first_line.get(row.key)
        if earlier is not None:
            if earlier.fields == row.fields:
                result.notes.append(RowReport(row.line, row.describe(), f"repeats line {earlier.line}; counted once"))
            else:
                result.refused.append(
                    RowReport(
                        row.line,
                        row.describe(),
                        f"line {earlier.line} gives a different figure for the same indicator, area, period, sex, "
                        "age and category",
                    )
                )
            continue
        first_line[row.key] = row
        result.rows.append(row)
        if row.fields["value"] is None:
            note = row.fields["value_note"]
            reason = "no value published; kept as missing, not zero" + (f" (note: {note})" if note else "")
            result.notes.append(RowReport(row.line, row.describe(), reason))
    stored = existing_values(result.rows)
    for row in result.rows:
        result.indicator_ids.add(row.fingertips_id)
        result.area_codes.add(row.area_code)
        old = stored.get(row.key)
        if old is None:
            result.added.append(RowReport(row.line, row.describe()))
        elif changed := differences(old, row.fields):
            result.changed.append(RowReport(row.line, row.describe(), changed))
        else:
            result.unchanged += 1
    return result


def import_file(data, file_name, user=None, run=None):
    """Import `data` whole, in one transaction, and record it as an ImportRun (`run`, if the admin made one at
    preview, else a new one). Returns the ImportResult; raises ImportRefused, importing nothing, if any row is refused
    or no row is for a tracked area."""
    result = check(data, file_name)
    run = run or ImportRun(file_name=file_name, imported_by=user)
    run.rows_added, run.rows_changed = len(result.added), len(result.changed)
    run.rows_unchanged, run.rows_refused, run.rows_not_tracked = (
        result.unchanged,
        len(result.refused),
        result.not_tracked,
    )
    if not result.can_import:
        run.status = ImportRun.Status.REFUSED
        run.content = ""
        run.save()
        raise ImportRefused(result)
    with transaction.atomic():
        write(result)
        run.status = ImportRun.Status.IMPORTED
        run.imported_at = timezone.now()
        run.content = ""
        run.save()
        # The values are written in bulk, which sends no signals: the indicator pages and the objective and
        # priority pages that list them change now.
        page_cache.invalidate()
    return result


def write(result):
    rows = result.rows
    indicators = {
        indicator.fingertips_id: indicator
        for indicator in Indicator.objects.filter(fingertips_id__in=result.indicator_ids)
    }
    # A file can name one indicator in more than one way (e.g. "..., 5 years data combined" for a longer period):
    # a new indicator takes the name most of its rows give.
    names = defaultdict(Counter)
    for row in rows:
        names[row.fingertips_id][row.indicator_name] += 1
    for fingertips_id, counted in names.items():
        if fingertips_id not in indicators:
            name = counted.most_common(1)[0][0]
            indicators[fingertips_id] = Indicator.objects.create(fingertips_id=fingertips_id, name=name)
    areas = {area.gss_code: area for area in Area.objects.filter(gss_code__in=result.area_codes)}
    for row in rows:
        if row.area_code not in areas:
            areas[row.area_code] = Area.objects.create(
                gss_code=row.area_code, name=row.area_name, area_type=row.area_type
            )
    for row in rows:
        area, parent = areas[row.area_code], areas.get(row.parent_code)
        if parent is not None and parent != area and area.parent_id is None:
            area.parent = parent
            area.save(update_fields=["parent"])
    labels = {row.period for row in rows}
    periods = {period.label: period for period in Period.objects.filter(label__in=labels)}
    for label in labels - set(periods):
        start, end = period_dates(label)
        periods[label] = Period.objects.create(label=label, start=start, end=end)
    stored = existing_values(rows)
    new, changed = [], []
    for row in rows:
        old = stored.get(row.key)
        if old is None:
            new.append(
                Value(
                    indicator=indicators[row.fingertips_id],
                    area=areas[row.area_code],
                    period=periods[row.period],
                    sex=row.sex,
                    age=row.age,
                    category_type=row.category_type,
                    category=row.category,
                    **row.fields,
                )
            )
        elif differences(old, row.fields):
            changed.append(Value(pk=old["pk"], **row.fields))
    Value.objects.bulk_create(new, batch_size=500)
    Value.objects.bulk_update(changed, VALUE_FIELDS, batch_size=500)
