"""Fingertips period labels placed in time, and the chart helpers' axes."""

import datetime

import pytest

from indicators.charts import nice_ticks, sparkline
from indicators.periods import period_dates

D = datetime.date


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("2019 - 21", D(2019, 1, 1), D(2021, 12, 31)),
        ("1998 - 00", D(1998, 1, 1), D(2000, 12, 31)),
        ("2019/20", D(2019, 4, 1), D(2020, 3, 31)),
        ("1999/00", D(1999, 4, 1), D(2000, 3, 31)),
        ("2020/21 - 24/25", D(2020, 4, 1), D(2025, 3, 31)),
        ("2021/22 Q4", D(2022, 1, 1), D(2022, 3, 31)),
        ("2021/22 Q1 - 2022/23 Q3", D(2021, 4, 1), D(2022, 12, 31)),
    ],
)
def test_period_labels_are_placed_in_time(label, start, end):
    assert period_dates(label) == (start, end)


@pytest.mark.parametrize("label", ["Spring 2020", "2020/2021", "2021 Q5", ""])
def test_other_labels_are_refused(label):
    with pytest.raises(ValueError, match="not one of the forms Fingertips uses"):
        period_dates(label)


def test_ticks_are_round_numbers_covering_the_values():
    assert nice_ticks(76.9, 83.5) == [76.0, 78.0, 80.0, 82.0, 84.0]
    assert nice_ticks(0, 253.2) == [0, 100, 200, 300]
    assert nice_ticks(5, 5) == [4.0, 4.5, 5.0, 5.5, 6.0]


def test_a_sparkline_needs_two_values_and_is_hidden_from_screen_readers():
    assert sparkline([None, 4.0]) == ""
    assert 'aria-hidden="true"' in sparkline([3.0, None, 4.0])
