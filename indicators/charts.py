"""Charts as SVG drawn on the server: no JavaScript, no chart library, readable in greyscale and in print.

Every chart is an `<svg role="img">` with a `<title>` and a `<desc>` naming what it shows; the page puts it in a
`<figure>` with a caption and gives the data table beside it as the equivalent. Lines are told apart by dash
(Luton solid, England dashed) and markers by shape (persons circle, male square, female triangle), never by colour
alone. Coordinates are in the SVG's own units (the viewBox), rounded to 0.1.

    line_chart(chart_id, title, description, series)  -> SafeString   (a trend over periods)
    bar_chart(chart_id, title, description, bars)      -> SafeString   (categories or wards, from zero)
    sparkline(values)                                   -> SafeString   (a small decorative trend line)
"""

import math
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 400, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 12, 12, 40
FONT_SIZE = 12
AREA_STYLES = [
    {"colour": "#1d4f91", "dash": ""},  # the local area: solid
    {"colour": "#484949", "dash": "6 4"},  # England: dashed
]
MARKERS = {"Persons": "circle", "Male": "square", "Female": "triangle"}
MARKER_SIZE = 4


@dataclass
class Point:
    """One value on a line: its period's place on the x axis (`position`, 0-based), the period label and figures."""

    position: int
    period: str
    value: float | None
    lower: float | None = None
    upper: float | None = None


@dataclass
class Series:
    """One line: e.g. name "Luton, male", `area_index` 0 for the local area or 1 for England, `sex` for the marker."""

    name: str
    area_index: int
    sex: str
    points: list = field(default_factory=list)


def join(parts):
    """Safe markup parts as one safe string (each part is already escaped)."""
    return format_html_join("", "{}", ((part,) for part in parts))


def nice_ticks(low, high, count=5):
    """Round-numbered axis ticks covering low..high, about `count` of them."""
    if low == high:
        low, high = low - 1, high + 1
    raw = (high - low) / (count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(first + step * len(ticks))
    return [round(tick, 10) for tick in ticks]


def format_tick(value):
    return f"{value:,.10g}"


class Scale:
    """Maps values to y and period positions to x in the plot area."""

    def __init__(self, ticks, positions, width=WIDTH, height=HEIGHT):
        self.low, self.high = ticks[0], ticks[-1]
        self.positions = positions
        self.left, self.right = MARGIN_LEFT, width - MARGIN_RIGHT
        self.top, self.bottom = MARGIN_TOP, height - MARGIN_BOTTOM

    def y(self, value):
        return round(self.bottom - (value - self.low) / (self.high - self.low) * (self.bottom - self.top), 1)

    def x(self, position):
        if self.positions <= 1:
            return round((self.left + self.right) / 2, 1)
        return round(self.left + position / (self.positions - 1) * (self.right - self.left), 1)


def marker(shape, x, y, label):
    title = format_html("<title>{}</title>", label)
    size = MARKER_SIZE
    if shape == "square":
        return format_html(
            '<rect class="marker" x="{}" y="{}" width="{}" height="{}" data-x="{}" data-y="{}">{}</rect>',
            round(x - size, 1), round(y - size, 1), 2 * size, 2 * size, x, y, title,
        )  # fmt: skip
    if shape == "triangle":
        top, base = round(y - size - 1, 1), round(y + size, 1)
        points = f"{x},{top} {round(x + size + 1, 1)},{base} {round(x - size - 1, 1)},{base}"
        return format_html(
            '<polygon class="marker" points="{}" data-x="{}" data-y="{}">{}</polygon>', points, x, y, title
        )
    return format_html(
        '<circle class="marker" cx="{}" cy="{}" r="{}" data-x="{}" data-y="{}">{}</circle>', x, y, size, x, y, title
    )


def svg_open(chart_id, title, description, width, height):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" font-size="{}"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        width, height, chart_id, chart_id, FONT_SIZE, chart_id, title, chart_id, description,
    )  # fmt: skip


def line_chart(chart_id, title, description, series, period_labels, value_text=format_tick):
    """A trend chart: `series` (Series) over the periods `period_labels` (x positions 0..n-1, in time order).
    Confidence intervals are drawn as whiskers where a point has both limits. `value_text(number)` formats values
    for the markers' titles."""
    figures = [
        number
        for line in series
        for point in line.points
        for number in (point.value, point.lower, point.upper)
        if number is not None
    ]
    if not figures:
        return mark_safe("")
    ticks = nice_ticks(min(figures), max(figures))
    scale = Scale(ticks, len(period_labels))
    parts = [svg_open(chart_id, title, description, WIDTH, HEIGHT)]
    for tick in ticks:
        y = scale.y(tick)
        parts.append(
            format_html(
                '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}" stroke="#b1b4b6" stroke-width="0.5"/>'
                '<text class="tick" x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
                scale.left,
                scale.right,
                y,
                y,
                scale.left - 4,
                y,
                format_tick(tick),
            )  # fmt: skip
        )
    parts.append(x_labels(scale, period_labels))
    for line in series:
        parts.append(draw_series(line, scale, value_text))
    parts.append(mark_safe("</svg>"))
    return join(parts)


def x_labels(scale, period_labels):
    """The first and last periods under the axis (the table lists every period)."""
    if not period_labels:
        return ""
    y = scale.bottom + 16
    first = format_html(
        '<text class="tick" x="{}" y="{}" text-anchor="start">{}</text>', scale.left, y, period_labels[0]
    )
    if len(period_labels) == 1:
        return first
    last = format_html(
        '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>', scale.right, y, period_labels[-1]
    )
    return first + last


def draw_series(line, scale, value_text):
    style = AREA_STYLES[min(line.area_index, len(AREA_STYLES) - 1)]
    shape = MARKERS.get(line.sex, "circle")
    parts = [
        format_html(
            '<g class="series" data-series="{}" stroke="{}" fill="{}">', line.name, style["colour"], style["colour"]
        )
    ]
    segment = []
    segments = [segment]
    for point in line.points:
        if point.value is None:
            segment = []
            segments.append(segment)
        else:
            segment.append(f"{scale.x(point.position)},{scale.y(point.value)}")
    for coordinates in segments:
        if len(coordinates) > 1:
            parts.append(
                format_html(
                    '<polyline fill="none" stroke-width="2" stroke-dasharray="{}" points="{}"/>',
                    style["dash"] or "none",
                    " ".join(coordinates),
                )
            )
    for point in line.points:
        if point.value is None:
            continue
        x, y = scale.x(point.position), scale.y(point.value)
        if point.lower is not None and point.upper is not None:
            low, high = scale.y(point.lower), scale.y(point.upper)
            parts.append(
                format_html(
                    '<path class="ci" fill="none" stroke-width="1" d="M{} {}V{}M{} {}h6M{} {}h6"/>',
                    x,
                    low,
                    high,
                    round(x - 3, 1),
                    low,
                    round(x - 3, 1),
                    high,
                )  # fmt: skip
            )
        parts.append(marker(shape, x, y, f"{line.name}, {point.period}: {value_text(point.value)}"))
    parts.append(mark_safe("</g>"))
    return join(parts)


@dataclass
class Bar:
    label: str
    value: float | None


BAR_HEIGHT, BAR_GAP, BAR_LABEL_WIDTH = 18, 8, 150


def bar_chart(chart_id, title, description, bars, value_text=format_tick, reference=None):
    """Horizontal bars from zero, one per Bar with a value, labelled on the left and valued at the end.
    `reference` (label, value) draws a dashed line, e.g. England's value."""
    bars = [bar for bar in bars if bar.value is not None]
    if not bars:
        return mark_safe("")
    numbers = [bar.value for bar in bars] + ([reference[1]] if reference else [])
    ticks = nice_ticks(min(0, *numbers), max(0, *numbers))
    height = MARGIN_TOP + len(bars) * (BAR_HEIGHT + BAR_GAP) + MARGIN_BOTTOM
    left, right = BAR_LABEL_WIDTH, WIDTH - 40

    def x(value):
        return round(left + (value - ticks[0]) / (ticks[-1] - ticks[0]) * (right - left), 1)

    parts = [svg_open(chart_id, title, description, WIDTH, height)]
    for position, bar in enumerate(bars):
        y = MARGIN_TOP + position * (BAR_HEIGHT + BAR_GAP)
        start, end = sorted((x(0), x(bar.value)))
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>'
                '<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="#1d4f91" data-value="{}"/>'
                '<text x="{}" y="{}" dominant-baseline="middle">{}</text>',
                left - 4,
                y + BAR_HEIGHT / 2,
                truncate(bar.label, 24),
                start,
                y,
                round(end - start, 1),
                BAR_HEIGHT,
                bar.value,
                end + 3,
                y + BAR_HEIGHT / 2,
                value_text(bar.value),
            )  # fmt: skip
        )
    axis_y = height - MARGIN_BOTTOM + 4
    for tick in ticks:
        parts.append(
            format_html(
                '<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>',
                x(tick),
                axis_y + 12,
                format_tick(tick),
            )
        )
    if reference:
        label, value = reference
        parts.append(
            format_html(
                '<line class="reference" x1="{}" x2="{}" y1="{}" y2="{}" stroke="#0b0c0c" stroke-dasharray="4 3"/>'
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                x(value),
                x(value),
                MARGIN_TOP - 4,
                axis_y,
                x(value),
                axis_y + 26,
                f"{label}: {value_text(value)}",
            )  # fmt: skip
        )
    parts.append(mark_safe("</svg>"))
    return join(parts)


def truncate(text, length):
    return text if len(text) <= length else text[: length - 1] + "…"


SPARK_WIDTH, SPARK_HEIGHT = 96, 28


def sparkline(values):
    """A small line of `values` (None breaks nothing: it is skipped), hidden from assistive technology because the
    words beside it give the trend."""
    numbers = [value for value in values if value is not None]
    if len(numbers) < 2:
        return mark_safe("")
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1
    step = (SPARK_WIDTH - 6) / (len(numbers) - 1)
    points = [
        (round(3 + index * step, 1), round(SPARK_HEIGHT - 3 - (value - low) / span * (SPARK_HEIGHT - 6), 1))
        for index, value in enumerate(numbers)
    ]
    last_x, last_y = points[-1]
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 {} {}" width="{}" height="{}" '
        'aria-hidden="true" focusable="false"><polyline fill="none" stroke="#1d4f91" stroke-width="2" points="{}"/>'
        '<circle cx="{}" cy="{}" r="3" fill="#1d4f91"/></svg>',
        SPARK_WIDTH, SPARK_HEIGHT, SPARK_WIDTH, SPARK_HEIGHT, " ".join(f"{x},{y}" for x, y in points), last_x, last_y,
    )  # fmt: skip


def key_swatch(line):
    """A short sample of a Series' line and marker for the chart's key (decorative: the key's text names it)."""
    style = AREA_STYLES[min(line.area_index, len(AREA_STYLES) - 1)]
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="key-swatch" viewBox="0 0 40 16" width="40" height="16" '
        'aria-hidden="true" focusable="false"><g stroke="{}" fill="{}"><line x1="2" x2="38" y1="8" y2="8" '
        'stroke-width="2" stroke-dasharray="{}"/>{}</g></svg>',
        style["colour"], style["colour"], style["dash"] or "none",
        marker(MARKERS.get(line.sex, "circle"), 20, 8, line.name),
    )  # fmt: skip


def key_words(line):
    """The line and marker in words, for the key: "solid line, squares"."""
    dash = "solid" if line.area_index == 0 else "dashed"
    shape = {"circle": "circles", "square": "squares", "triangle": "triangles"}[MARKERS.get(line.sex, "circle")]
    return f"{dash} line, {shape}"
