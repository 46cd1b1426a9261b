"""The column layout of the Fingertips "all data" CSV export, which the importer reads and the site's own CSV
downloads write, so a download can be imported again unchanged."""

import csv

# Our name for each column -> its heading in the Fingertips export.
COLUMNS = {
    "fingertips_id": "Indicator ID",
    "indicator_name": "Indicator Name",
    "parent_code": "Parent Code",
    "parent_name": "Parent Name",
    "area_code": "Area Code",
    "area_name": "Area Name",
    "area_type": "Area Type",
    "sex": "Sex",
    "age": "Age",
    "category_type": "Category Type",
    "category": "Category",
    "period": "Time period",
    "value": "Value",
    "lower_ci_95": "Lower CI 95.0 limit",
    "upper_ci_95": "Upper CI 95.0 limit",
    "lower_ci_99_8": "Lower CI 99.8 limit",
    "upper_ci_99_8": "Upper CI 99.8 limit",
    "count": "Count",
    "denominator": "Denominator",
    "value_note": "Value note",
    "recent_trend": "Recent Trend",
    "compared_to_england": "Compared to England value or percentiles",
    "compared_to_region": "Compared to Region value or percentiles",
    "period_sortable": "Time period Sortable",
    "new_data": "New data",
    "compared_to_goal": "Compared to goal",
}
NUMBERS = ("value", "lower_ci_95", "upper_ci_95", "lower_ci_99_8", "upper_ci_99_8", "count", "denominator")
TEXTS = ("value_note", "compared_to_england")


def write_csv(values, out):
    """Write `values` (Value objects with indicator, area, area.parent and period loaded) to the text file `out` in
    the Fingertips export layout, so the file can be imported again unchanged."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS.values())
    for value in values:
        parent = value.area.parent
        cells = {
            "fingertips_id": value.indicator.fingertips_id,
            "indicator_name": value.indicator.name,
            "parent_code": parent.gss_code if parent else "",
            "parent_name": parent.name if parent else "",
            "area_code": value.area.gss_code,
            "area_name": value.area.name,
            "area_type": value.area.get_area_type_display(),
            "sex": value.sex,
            "age": value.age,
            "category_type": value.category_type,
            "category": value.category,
            "period": value.period.label,
            "period_sortable": value.period.start.strftime("%Y0000"),
        }
        for name in NUMBERS:
            number = getattr(value, name)
            cells[name] = "" if number is None else repr(number)
        for name in TEXTS:
            cells[name] = getattr(value, name)
        writer.writerow([cells.get(name, "") for name in COLUMNS])
