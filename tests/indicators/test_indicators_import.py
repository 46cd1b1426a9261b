"""The Fingertips importer: the shipped file imports exactly and twice changes nothing; unusual but valid files
import; each kind of malformed file is refused whole, with the line and the reason."""

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase

from indicators.importer import ImportRefused, check, import_file
from indicators.models import Area, AreaType, ImportRun, Indicator, Period, Value
from tests.support.indicators import ENGLAND, HEADINGS, LUTON, fingertips_csv, row, shipped_data


class ShippedFileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first = import_file(shipped_data(), "fingertips-luton-england.csv")
        cls.second = import_file(shipped_data(), "fingertips-luton-england.csv")

    def test_the_shipped_file_imports_exactly(self):
        assert Indicator.objects.count() == 16
        assert Value.objects.count() == 440
        assert len(self.first.added) == 440 and not self.first.refused and not self.first.changed
        areas = {area.gss_code: area for area in Area.objects.all()}
        assert set(areas) == {LUTON, ENGLAND}
        assert (areas[LUTON].name, areas[LUTON].area_type) == ("Luton", AreaType.LOCAL_AUTHORITY)
        assert areas[ENGLAND].area_type == AreaType.ENGLAND
        assert areas[LUTON].parent == areas[ENGLAND]
        life = Value.objects.get(
            indicator__fingertips_id=90366, area__gss_code=LUTON, period__label="2019 - 21", sex="Male"
        )
        assert life.compared_to_england == "Worse" and life.comparison.label == "Worse than England"

    def test_not_published_values_are_missing_not_zero(self):
        missing = Value.objects.filter(value=None)
        assert sorted(missing.values_list("indicator__fingertips_id", flat=True)) == [92026, 92033]
        assert {value.period.label for value in missing} == {"2020/21"}
        assert [note.line for note in self.first.notes] == [46, 69]

    def test_periods_are_placed_in_time(self):
        period = Period.objects.get(label="2021/22 Q1 - 2022/23 Q3")
        assert (period.start.isoformat(), period.end.isoformat()) == ("2021-04-01", "2022-12-31")

    def test_a_second_import_changes_nothing(self):
        assert (len(self.second.added), len(self.second.changed), self.second.unchanged) == (0, 0, 440)
        runs = list(ImportRun.objects.order_by("pk").values_list("status", "rows_added", "rows_unchanged"))
        assert runs == [("imported", 440, 0), ("imported", 0, 440)]


def import_rows(rows, **options):
    return import_file(fingertips_csv(rows, **options), "upload.csv")


def refused(data):
    """The refused rows as (line, reason), after checking that nothing at all was written."""
    with pytest.raises(ImportRefused) as raised:
        import_file(data, "upload.csv")
    assert (Value.objects.count(), Indicator.objects.count(), Area.objects.count(), Period.objects.count()) == (
        0,
        0,
        0,
        0,
    )
    assert ImportRun.objects.get().status == ImportRun.Status.REFUSED
    return [(report.line, report.reason) for report in raised.value.result.refused]


MALFORMED = {
    "a value that is not a number": (
        [row(), row(sex="Female", value="81,2x")],
        (3, "the Value '81,2x' is not a number"),
    ),
    "a confidence limit that is not a number": (
        [row(lower_ci_95="low")],
        (2, "the Lower CI 95.0 limit 'low' is not a number"),
    ),
    "an area code that is not a GSS code": (
        [row(), row(area_code="LUTON", parent_code=LUTON)],
        (3, "the Area Code 'LUTON' is not a GSS code like E06000032"),
    ),
    "an unknown sex": ([row(sex="All")], (2, "the Sex 'All' is not Persons, Male or Female")),
    "an unknown time period": (
        [row(period="Spring 2020")],
        (
            2,
            "the time period 'Spring 2020' is not one of the forms Fingertips uses, such as 2019, 2019/20, "
            "2019 - 21 or 2021/22 Q1",
        ),
    ),
    "an indicator ID that is not a number": (
        [row(fingertips_id="LE")],
        (2, "the Indicator ID 'LE' is not a whole number"),
    ),
    "confidence limits the wrong way round": (
        [row(lower_ci_95="79", upper_ci_95="77")],
        (2, "the lower 95% confidence limit is above the upper one"),
    ),
    "a repeated row with a different figure": (
        [row(), row(sex="Female", value="81.2"), row(value="78.4")],
        (4, "line 2 gives a different figure for the same indicator, area, period, sex, age and category"),
    ),
}


@pytest.mark.parametrize("kind", MALFORMED)
def test_a_malformed_row_refuses_the_whole_file(db, kind):
    rows, expected = MALFORMED[kind]
    assert refused(fingertips_csv(rows)) == [expected]


def test_a_file_without_the_fingertips_columns_is_refused(db):
    data = fingertips_csv([row()], headings=[heading for heading in HEADINGS if heading not in ("Value", "Sex")])
    assert refused(data) == [(1, "this is not a Fingertips data export: it has no 'Sex', 'Value' columns")]


def test_a_short_row_is_refused(db):
    data = fingertips_csv([row()]) + b"90366,Life expectancy at birth,E92000001\r\n"
    assert refused(data) == [(3, f"it has 3 columns but the header has {len(HEADINGS)}")]


def test_an_empty_file_is_refused(db):
    assert refused(b"") == [(1, "the file is empty: export the data from Fingertips as CSV")]


def test_a_file_with_no_tracked_areas_imports_nothing(db):
    with pytest.raises(ImportRefused, match="no rows for the areas the site tracks"):
        import_rows([row(area_code="E06000055", area_name="Bedford", parent_code="E12000006")])


def test_bom_crlf_quoted_commas_reordered_and_extra_columns_import(db):
    headings = ["Extra column", *reversed(HEADINGS)]
    name = "Under 75 mortality rate from causes considered preventable (per 100,000 population)"
    rows = [{**row(fingertips_id="93721", indicator_name=name, value="1,234.5", sex="Persons"), "Extra column": "x"}]
    result = import_rows(rows, headings=headings, bom=True)
    value = Value.objects.get()
    assert (value.indicator.name, value.value, value.indicator.fingertips_id) == (name, 1234.5, 93721)
    assert len(result.added) == 1 and result.added[0].line == 2


@pytest.mark.parametrize("published", ["", "*", "-", "NA"])
def test_suppressed_values_are_kept_as_missing_with_their_note(db, published):
    result = import_rows([row(value=published, value_note="Value suppressed for disclosure control")], line_end="\n")
    value = Value.objects.get()
    assert value.value is None and value.value_note == "Value suppressed for disclosure control"
    assert [(note.line, note.reason) for note in result.notes] == [
        (2, "no value published; kept as missing, not zero (note: Value suppressed for disclosure control)")
    ]


def test_only_tracked_areas_and_their_wards_are_kept(db):
    rows = [
        row(area_code="E06000055", area_name="Bedford"),
        row(area_code="E05008820", area_name="Biscot", area_type="Ward", parent_code=LUTON, category=""),
        row(area_code=ENGLAND, area_name="England", area_type="England", parent_code=""),
        row(),
    ]
    result = import_rows(rows)
    assert result.not_tracked == 1
    assert set(Area.objects.values_list("gss_code", flat=True)) == {"E05008820", LUTON, ENGLAND}
    ward = Area.objects.get(gss_code="E05008820")
    assert (ward.area_type, ward.parent.gss_code) == (AreaType.WARD, LUTON)


def test_an_identical_repeated_row_is_counted_once(db):
    result = import_rows([row(), row(sex="Female"), row()])
    assert Value.objects.count() == 2
    assert [(note.line, note.reason) for note in result.notes] == [(4, "repeats line 2; counted once")]


def test_category_values_are_kept_apart_from_the_whole_area(db):
    import_rows([row(), row(category_type="Deprivation deciles", category="Most deprived decile", value="72.1")])
    assert sorted(Value.objects.values_list("category", "value")) == [("", 77.9), ("Most deprived decile", 72.1)]


def test_a_changed_value_is_listed_with_its_line_and_what_changes(db):
    import_rows([row(), row(sex="Female", value="81.2")])
    preview = check(fingertips_csv([row(), row(sex="Female", value="81.4", value_note="Revised")]), "new.csv")
    assert [(report.line, report.reason) for report in preview.changed] == [
        (3, "Value 81.2 → 81.4; Value note blank → Revised")
    ]
    assert Value.objects.get(sex="Female").value == 81.2, "a dry run writes nothing"
    import_file(fingertips_csv([row(), row(sex="Female", value="81.4")]), "new.csv")
    assert Value.objects.get(sex="Female").value == 81.4


def test_the_command_imports_and_its_dry_run_does_not(db, tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_bytes(fingertips_csv([row()]))
    call_command("import_indicators", str(path), "--dry-run")
    assert "Added line 2: Life expectancy at birth, Luton, 2019 - 21, Male: 77.9" in capsys.readouterr().out
    assert not Value.objects.exists()
    call_command("import_indicators", str(path))
    assert "Imported export.csv: 1 added" in capsys.readouterr().out
    assert Value.objects.count() == 1


def test_the_command_refuses_a_bad_file_with_its_line(db, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(fingertips_csv([row(sex="Other")]))
    with pytest.raises(CommandError, match="line 2: the Sex 'Other' is not Persons, Male or Female"):
        call_command("import_indicators", str(path))
    assert not Value.objects.exists()
