"""The figures the public pages show, read in a fixed number of queries whatever the number of indicators or values.

headline_values(indicator_ids)  -> {indicator id: [Value, ...]}   tracked areas, whole-area values, in time order
trend_series(indicator, values) -> (period labels, [Series, ...]) the lines of an indicator's trend chart
headlines(indicator, values)    -> [Headline, ...]                latest local value, England, comparison, trend
format_value(indicator, number) -> "77.9 years", "20.1%", "not published"
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from indicators.charts import Point, Series
from indicators.choices import AreaType, Polarity

SEX_ORDER = {"Persons": 0, "Female": 1, "Male": 2}
TREND_PERIODS = 5  # the recent trend compares the latest value with the one this many periods back, at most
LITTLE_CHANGE = 0.03  # a change smaller than this share of the earlier value is "little change"


def format_value(indicator, number):
    """A value as residents read it: the indicator's decimal places and unit. None is "not published"."""
    if number is None:
        return "not published"
    text = f"{number:,.{indicator.decimal_places}f}"
    if indicator.unit == "%":
        return f"{text}%"
    return f"{text} {indicator.unit}".strip()


def headline_values(values, indicator_ids):
    """Whole-area values (no category) of the tracked areas themselves, not their wards, for these indicators, from
    the queryset `values` in one query: {indicator id: [Value with area and period loaded, in period order]}."""
    values = (
        values.filter(
            indicator_id__in=indicator_ids,
            area__gss_code__in=settings.INDICATOR_AREAS,
            category_type="",
            category="",
        )
        .select_related("area", "period")
        .order_by("period__end", "period__start", "pk")
    )
    grouped = defaultdict(list)
    for value in values:
        grouped[value.indicator_id].append(value)
    return grouped


def is_england(area):
    return area.area_type == AreaType.ENGLAND


def line_groups(values):
    """{(is England, sex, age): [Value]} with, where periods end on the same day (e.g. one year and five years
    combined), only the shortest kept, so each line runs through periods of one length."""
    groups = defaultdict(dict)
    for value in values:
        key = (is_england(value.area), value.sex, value.age, value.area.name)
        kept = groups[key].get(value.period.end)
        if kept is None or value.period.start > kept.period.start:
            groups[key][value.period.end] = value
    ordered = sorted(groups, key=lambda key: (key[0], SEX_ORDER.get(key[1], 9), key[2], key[3]))
    return {key: [groups[key][end] for end in sorted(groups[key])] for key in ordered}


def series_name(area_name, sex, age, show_sex):
    parts = [area_name]
    if show_sex:
        parts.append(sex.lower())
    if age:
        parts.append(age)
    return ", ".join(parts)


def trend_series(values):
    """(period labels in time order, [Series]) for an indicator's whole-area values: one line per area and sex."""
    groups = line_groups(values)
    periods = sorted({value.period for group in groups.values() for value in group}, key=lambda p: (p.end, p.start))
    position = {period.pk: index for index, period in enumerate(periods)}
    show_sex = len({key[1] for key in groups}) > 1 or any(key[1] != "Persons" for key in groups)
    series = []
    for (england, sex, age, area_name), group in groups.items():
        line = Series(name=series_name(area_name, sex, age, show_sex), area_index=int(england), sex=sex)
        for value in group:
            line.points.append(
                Point(position[value.period.pk], value.period.label, value.value, value.lower_ci_95, value.upper_ci_95)
            )
        series.append(line)
    return [period.label for period in periods], series


@dataclass
class Headline:
    """The latest local value of one line (e.g. Luton, female), England's for the same period, and the trend."""

    sex: str
    local: object  # the latest published Value
    england: object  # England's Value for the same period, or None
    trend: str
    recent: list = field(default_factory=list)

    @property
    def comparison(self):
        return self.local.comparison


def trend_words(indicator, recent):
    """The direction of the recent trend in words, from the first and last of `recent` (numbers, oldest first)."""
    if len(recent) < 2:
        return "Not enough periods to show a trend"
    first, last = recent[0], recent[-1]
    if abs(last - first) <= LITTLE_CHANGE * abs(first):
        return "Little change"
    rising = last > first
    direction = "rising" if rising else "falling"
    if indicator.polarity == Polarity.NO_JUDGEMENT:
        return direction.capitalize()
    better = rising == (indicator.polarity == Polarity.HIGHER_IS_BETTER)
    return f"{'Getting better' if better else 'Getting worse'} ({direction})"


def headlines(indicator, values):
    """One Headline per local line shown in listings: persons if published, otherwise each sex."""
    groups = line_groups(values)
    local = {key: group for key, group in groups.items() if not key[0]}
    england = {(key[1], key[2]): group for key, group in groups.items() if key[0]}
    sexes = {key[1] for key in local}
    wanted = {"Persons"} if "Persons" in sexes else sexes
    result = []
    for (_, sex, age, _name), group in local.items():
        if sex not in wanted:
            continue
        published = [value for value in group if value.value is not None]
        if not published:
            continue
        latest = published[-1]
        same_period = [value for value in england.get((sex, age), []) if value.period_id == latest.period_id]
        recent = [value.value for value in published[-TREND_PERIODS:]]
        result.append(
            Headline(
                sex="" if sex == "Persons" else sex,
                local=latest,
                england=same_period[0] if same_period else None,
                trend=trend_words(indicator, recent),
                recent=recent,
            )
        )
    return result
