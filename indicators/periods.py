"""Time periods as Fingertips publishes them, placed on the calendar so they sort and chart in order.

`period_dates(label)` returns (start, end) as dates for the labels Fingertips uses:

    2019                      calendar year            2019-01-01 to 2019-12-31
    2019 - 21                 calendar years           2019-01-01 to 2021-12-31
    2019/20                   financial year           2019-04-01 to 2020-03-31
    2019/20 - 21/22           financial years          2019-04-01 to 2022-03-31
    2021/22 Q1                a financial quarter      2021-04-01 to 2021-06-30
    2021/22 Q1 - 2022/23 Q3   financial quarters       2021-04-01 to 2022-12-31

and raises ValueError for any other label.
"""

import datetime
import re

YEAR = r"(\d{4})"
SHORT_YEAR = r"(\d{2})"
DASH = r"\s*-\s*"
PATTERNS = [
    ("calendar", re.compile(rf"^{YEAR}$")),
    ("calendar_range", re.compile(rf"^{YEAR}{DASH}{SHORT_YEAR}$")),
    ("financial", re.compile(rf"^{YEAR}/{SHORT_YEAR}$")),
    ("financial_range", re.compile(rf"^{YEAR}/{SHORT_YEAR}{DASH}{SHORT_YEAR}/{SHORT_YEAR}$")),
    ("quarter", re.compile(rf"^{YEAR}/{SHORT_YEAR}\s+Q([1-4])$")),
    ("quarter_range", re.compile(rf"^{YEAR}/{SHORT_YEAR}\s+Q([1-4]){DASH}{YEAR}/{SHORT_YEAR}\s+Q([1-4])$")),
]


def full_year(start_year, short_year):
    """The four-digit year a two-digit one means when it follows `start_year` ("2019 - 21" ends in 2021)."""
    century = start_year - start_year % 100
    year = century + int(short_year)
    return year + 100 if year < start_year else year


def quarter_start(year, quarter):
    """The first day of quarter 1-4 of the financial year starting in April of `year`."""
    month = 4 + 3 * (quarter - 1)
    return datetime.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def quarter_end(year, quarter):
    following = quarter_start(year, quarter + 1) if quarter < 4 else datetime.date(year + 1, 4, 1)
    return following - datetime.timedelta(days=1)


def period_dates(label):
    """(start, end) of a Fingertips time period label; ValueError if the label is not one of the known forms."""
    text = " ".join(label.split())
    for kind, pattern in PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        numbers = match.groups()
        first = int(numbers[0])
        if kind == "calendar":
            return datetime.date(first, 1, 1), datetime.date(first, 12, 31)
        if kind == "calendar_range":
            return datetime.date(first, 1, 1), datetime.date(full_year(first, numbers[1]), 12, 31)
        if kind == "financial":
            return datetime.date(first, 4, 1), datetime.date(full_year(first, numbers[1]), 3, 31)
        if kind == "financial_range":
            return datetime.date(first, 4, 1), datetime.date(full_year(first, numbers[3]), 3, 31)
        if kind == "quarter":
            return quarter_start(first, int(numbers[2])), quarter_end(first, int(numbers[2]))
        last = int(numbers[3])
        return quarter_start(first, int(numbers[2])), quarter_end(last, int(numbers[5]))
    raise ValueError(
        f"the time period {label!r} is not one of the forms Fingertips uses, such as 2019, 2019/20, "
        "2019 - 21 or 2021/22 Q1"
    )
