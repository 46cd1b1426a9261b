"""Health equity indicators: the measures, the places and periods they cover, the published values, and the history
of imports from Fingertips (indicators/importer.py).

Values are kept as Fingertips publishes them, unique per indicator, area, period, sex, age and category. An indicator
is shown on the site only once an officer has linked it to at least one Marmot objective or Luton 2040 priority and
written its "what this shows" summary (`Indicator.objects.shown()`).
"""

import io
from dataclasses import dataclass
from functools import partial

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.models import IndexPage
from core.query import published
from core.visibility import VisibleToVisitors
from indicators.charts import Bar, bar_chart, line_chart
from indicators.choices import AreaType, Polarity, comparison_from_published
from indicators.figures import format_value, headline_values, headlines, trend_series
from indicators.layout import NUMBERS, TEXTS, write_csv
from seo.structured_data import organization, with_context


class IndicatorQuerySet(models.QuerySet):
    def with_shown(self):
        """Annotate each indicator with `shown`: whether the public sees it, in the same query."""
        objectives = Indicator.policy_objectives.through.objects.filter(indicator=OuterRef("pk"))
        priorities = Indicator.priorities.through.objects.filter(indicator=OuterRef("pk"))
        linked = Exists(objectives) | Exists(priorities)
        return self.annotate(shown=ExpressionWrapper(~Q(summary="") & linked, output_field=models.BooleanField()))

    def shown(self):
        """Indicators the public sees: linked to an objective or priority, and with a summary."""
        return self.with_shown().filter(shown=True)


class Indicator(VisibleToVisitors, index.Indexed, ClusterableModel):
    """A public health measure, such as life expectancy at birth, as defined in Fingertips."""

    fingertips_id = models.PositiveIntegerField(
        "Fingertips indicator ID",
        unique=True,
        help_text="The indicator's number in Fingertips (the 'Indicator ID' column of its data export).",
    )
    name = models.CharField(max_length=255, help_text="The indicator's name as Fingertips publishes it.")
    definition = models.TextField(
        blank=True, help_text="What is measured, in plain English: who is counted, and over what."
    )
    unit = models.CharField(
        max_length=60, blank=True, help_text="The unit values are in, for example '%', 'years' or 'per 100,000'."
    )
    value_type = models.CharField(
        max_length=100,
        blank=True,
        help_text="The kind of figure, as Fingertips names it: for example 'Proportion', 'Life expectancy' or "
        "'Directly standardised rate'.",
    )
    decimal_places = models.PositiveSmallIntegerField(default=1, help_text="How many decimal places values show.")
    polarity = models.CharField(
        max_length=10,
        choices=Polarity.choices,
        default=Polarity.NO_JUDGEMENT,
        help_text="Whether a higher value is better for residents, worse, or neither. Sets the words used for "
        "the trend.",
    )
    source = models.CharField(
        max_length=255,
        default="Office for Health Improvement and Disparities, Fingertips public health profiles",
        help_text="Who publishes the data.",
    )
    source_url = models.URLField(blank=True, help_text="Optional. The indicator's page at the source.")
    licence = models.CharField(max_length=100, default="Open Government Licence v3.0")
    attribution = models.CharField(
        max_length=255,
        default="Contains public sector information licensed under the Open Government Licence v3.0.",
        help_text="The words the licence asks for wherever the figures are shown.",
    )
    summary = models.TextField(
        "what this shows",
        blank=True,
        help_text="One paragraph for residents: what this indicator tells us about fairness in Luton. The indicator "
        "appears on the website only once this is written and it is linked to an objective or priority.",
    )
    policy_objectives = ParentalManyToManyField(
        "pages.PolicyObjectivePage",
        blank=True,
        related_name="+",
        help_text="The Marmot policy objectives this indicator informs. It is listed on those pages.",
    )
    priorities = ParentalManyToManyField(
        "pages.PriorityPage",
        blank=True,
        related_name="+",
        help_text="The Luton 2040 priorities this indicator informs. It is listed on those pages.",
    )

    objects = IndicatorQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("policy_objectives", widget=forms.CheckboxSelectMultiple),
                FieldPanel("priorities", widget=forms.CheckboxSelectMultiple),
            ],
            heading="What this informs",
        ),
        MultiFieldPanel(
            [
                FieldPanel("definition"),
                FieldPanel("unit"),
                FieldPanel("value_type"),
                FieldPanel("decimal_places"),
                FieldPanel("polarity"),
                FieldPanel("fingertips_id"),
            ],
            heading="Definition",
        ),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("source_url"), FieldPanel("licence"), FieldPanel("attribution")],
            heading="Source and licence",
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Area(models.Model):
    """A place values are published for, by its GSS code: England, a region, a local authority or a ward."""

    gss_code = models.CharField(
        "GSS code", max_length=9, unique=True, help_text="The ONS code, for example E06000032 for Luton."
    )
    name = models.CharField(max_length=120)
    area_type = models.CharField(max_length=20, choices=AreaType.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The area this one is part of, for example Luton for one of its wards.",
    )

    class Meta:
        ordering = ["gss_code"]

    def __str__(self):
        return f"{self.name} ({self.gss_code})"


class Period(models.Model):
    """A time period as published ("2019 - 21"), with its first and last days so periods sort and chart in order."""

    label = models.CharField(max_length=60, unique=True, help_text="As Fingertips publishes it, e.g. '2019/20'.")
    start = models.DateField(help_text="The first day the period covers.")
    end = models.DateField(help_text="The last day the period covers.")

    class Meta:
        ordering = ["end", "start"]

    def __str__(self):
        return self.label


class Value(models.Model):
    """One published figure: an indicator for an area, period, sex, age and category, with its confidence limits."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="values")
    sex = models.CharField(max_length=20, help_text="'Persons', 'Male' or 'Female', as published.")
    age = models.CharField(max_length=60, blank=True, help_text="The age band, e.g. '18+ yrs'; blank if not given.")
    category_type = models.CharField(
        max_length=120, blank=True, help_text="What the category divides by, e.g. 'LSOA21 deprivation deciles'."
    )
    category = models.CharField(
        max_length=120, blank=True, help_text="The category, e.g. 'Most deprived decile'; blank for the whole area."
    )
    value = models.FloatField(null=True, blank=True, help_text="Blank when not published or suppressed.")
    lower_ci_95 = models.FloatField("lower 95% confidence limit", null=True, blank=True)
    upper_ci_95 = models.FloatField("upper 95% confidence limit", null=True, blank=True)
    lower_ci_99_8 = models.FloatField("lower 99.8% confidence limit", null=True, blank=True)
    upper_ci_99_8 = models.FloatField("upper 99.8% confidence limit", null=True, blank=True)
    count = models.FloatField(null=True, blank=True, help_text="The number of events (the numerator).")
    denominator = models.FloatField(null=True, blank=True, help_text="The population the value is calculated over.")
    value_note = models.CharField(max_length=255, blank=True, help_text="The publisher's note, e.g. on suppression.")
    compared_to_england = models.CharField(
        "compared with England (as published)",
        max_length=60,
        blank=True,
        help_text="The comparison as Fingertips publishes it, e.g. 'Worse' or 'Lower 99.8'.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "sex", "age", "category_type", "category"],
                name="one_value_per_indicator_area_period_sex_age_category",
            )
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.area_id} {self.period_id} {self.sex}: {self.value}"

    @property
    def comparison(self):
        """The published comparison as a Comparison, or None when none was published."""
        return comparison_from_published(self.compared_to_england)


class ImportRun(models.Model):
    """One upload or import of a Fingertips file: who, when, which file and what it did.

    A preview in the admin keeps the file here (`content`) until the officer confirms, so what is imported is
    exactly what they saw.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", "Previewed, not imported"
        IMPORTED = "imported", "Imported"
        REFUSED = "refused", "Refused"

    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    content = models.TextField(blank=True, help_text="The uploaded file, kept between preview and import.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    rows_added = models.PositiveIntegerField(default=0)
    rows_changed = models.PositiveIntegerField(default=0)
    rows_unchanged = models.PositiveIntegerField(default=0)
    rows_refused = models.PositiveIntegerField(default=0)
    rows_not_tracked = models.PositiveIntegerField(
        "rows for other areas", default=0, help_text="Rows for areas the site does not track, left out."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "imported_at"

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()}, {self.created_at:%d %b %Y %H:%M})"

    @property
    def who(self):
        if self.imported_by is None:
            return "A command on the server"
        return self.imported_by.get_full_name() or self.imported_by.get_username()


def last_import():
    """The most recent completed import, or None."""
    return ImportRun.objects.filter(status=ImportRun.Status.IMPORTED).order_by("-imported_at").first()


class IndicatorIndexPage(RoutablePageMixin, IndexPage):
    """'Measuring health equity': the indicators shown, grouped by Marmot objective, and a page for each with its
    trend chart, data table and open data (CSV and JSON) at stable addresses under this page:

        <indicator ID>/             the indicator's page
        <indicator ID>/csv/         its values in the Fingertips export layout (a download)
        <indicator ID>/json/        its values and definition as JSON
    """

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "indicators page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        indicators = list(
            Indicator.objects.shown().prefetch_related(
                Prefetch("policy_objectives", queryset=published_topics("PolicyObjectivePage"))
            )
        )
        values = headline_values(Value.objects.all(), [indicator.pk for indicator in indicators])
        base_url = self.get_url(request)
        groups, others = {}, []
        for indicator in indicators:
            indicator.url = base_url + self.reverse_subpage("indicator", args=[indicator.fingertips_id])
            indicator.headlines = headlines(indicator, values.get(indicator.pk, []))
            for objective in indicator.policy_objectives.all():
                groups.setdefault(objective, []).append(indicator)
            if not indicator.policy_objectives.all():
                others.append(indicator)
        context["objective_groups"] = sorted(groups.items(), key=lambda item: item[0].path)
        context["other_indicators"] = others
        context["last_import"] = last_import()
        return context

    def indicator_or_404(self, fingertips_id):
        indicator = (
            Indicator.objects.shown()
            .prefetch_related(
                Prefetch("policy_objectives", queryset=published_topics("PolicyObjectivePage")),
                Prefetch("priorities", queryset=published_topics("PriorityPage")),
            )
            .filter(fingertips_id=fingertips_id)
            .first()
        )
        if indicator is None:
            raise Http404("No indicator with this ID is shown on the site.")
        return indicator

    def all_values(self, indicator):
        """Every value of the indicator, in the order of the CSV download: period, area, sex, age, category."""
        return list(
            indicator.values.select_related("area__parent", "period").order_by(
                "period__end", "period__start", "area__gss_code", "sex", "age", "category_type", "category"
            )
        )

    def csv_text(self, indicator, values):
        for value in values:
            value.indicator = indicator
        out = io.StringIO()
        write_csv(values, out)
        return out.getvalue()

    @path("<int:fingertips_id>/", name="indicator")
    def indicator(self, request, fingertips_id):
        indicator = self.indicator_or_404(fingertips_id)
        values = self.all_values(indicator)
        tracked = set(settings.INDICATOR_AREAS)
        whole_area = [value for value in values if value.area.gss_code in tracked and not value.category]
        charted = {value.pk for value in whole_area}
        period_labels, series = trend_series(whole_area)
        chart_id = f"indicator-{indicator.fingertips_id}-trend"
        value_text = partial(format_value, indicator)
        first, last = (period_labels[0], period_labels[-1]) if period_labels else ("", "")
        lines = "; ".join(line.name for line in series)
        chart = line_chart(
            chart_id,
            f"{indicator.name}: {lines}, {first} to {last}",
            f"Line chart of {indicator.name.lower()} for each period from {first} to {last}, one line each for "
            f"{lines}. {chart_summary(series, value_text)} The table below the chart gives every value.",
            series,
            period_labels,
            value_text,
        )
        context = super().get_context(request)
        base_url = self.get_url(request)
        context.update(
            {
                "indicator": indicator,
                "chart": chart,
                "chart_id": chart_id,
                "series": series,
                "table_rows": sorted(whole_area, key=lambda value: (value.period.end, value.period.start)),
                "headlines": headlines(indicator, whole_area),
                "show_sex": any(value.sex != "Persons" for value in whole_area),
                "show_age": any(value.age for value in whole_area),
                "has_ci": any(value.lower_ci_95 is not None for value in whole_area),
                "has_notes": any(value.value_note for value in whole_area),
                "breakdowns": breakdowns(indicator, [value for value in values if value.pk not in charted], whole_area),
                "csv_size": max(1, round(len(self.csv_text(indicator, values).encode()) / 1024)),
                "csv_url": base_url + self.reverse_subpage("indicator_csv", args=[fingertips_id]),
                "json_url": base_url + self.reverse_subpage("indicator_json", args=[fingertips_id]),
                "indicator_url": request.build_absolute_uri(
                    base_url + self.reverse_subpage("indicator", args=[fingertips_id])
                ),
                "last_import": last_import(),
            }
        )
        request.indicator_dataset = (indicator, values, context["last_import"])
        return TemplateResponse(request, "indicators/indicator_page.html", context)

    @path("<int:fingertips_id>/csv/", name="indicator_csv")
    def indicator_csv(self, request, fingertips_id):
        indicator = self.indicator_or_404(fingertips_id)
        response = HttpResponse(self.csv_text(indicator, self.all_values(indicator)), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="indicator-{fingertips_id}-luton-england.csv"'
        return response

    @path("<int:fingertips_id>/json/", name="indicator_json")
    def indicator_json(self, request, fingertips_id):
        indicator = self.indicator_or_404(fingertips_id)
        data = {
            "indicator": {
                "fingertips_id": indicator.fingertips_id,
                "name": indicator.name,
                "definition": indicator.definition,
                "unit": indicator.unit,
                "value_type": indicator.value_type,
                "polarity": indicator.polarity,
                "source": indicator.source,
                "licence": indicator.licence,
                "attribution": indicator.attribution,
            },
            "values": [value_as_dict(value) for value in self.all_values(indicator)],
        }
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

    def structured_data(self, request):
        """A schema.org Dataset on an indicator's page (the route sets request.indicator_dataset); on this page,
        the collection of them as a DataCatalog."""
        url = request.build_absolute_uri(self.get_url(request))
        dataset = getattr(request, "indicator_dataset", None)
        if dataset is None:
            return with_context(
                {"@type": "DataCatalog", "name": self.title, "url": url, "publisher": organization(request)}
            )
        indicator, values, imported = dataset
        page_url = url + self.reverse_subpage("indicator", args=[indicator.fingertips_id])
        data = {
            "@type": "Dataset",
            "name": f"{indicator.name}: Luton and England",
            "description": indicator.summary or indicator.definition,
            "url": page_url,
            "identifier": f"Fingertips indicator {indicator.fingertips_id}",
            "license": OGL_URL,
            "isAccessibleForFree": True,
            "creator": {"@type": "GovernmentOrganization", "name": indicator.source},
            "publisher": organization(request),
            "includedInDataCatalog": {"@type": "DataCatalog", "name": self.title, "url": url},
            "spatialCoverage": ", ".join(sorted({value.area.name for value in values})),
            "distribution": [
                {
                    "@type": "DataDownload",
                    "encodingFormat": "text/csv",
                    "contentUrl": url + self.reverse_subpage("indicator_csv", args=[indicator.fingertips_id]),
                },
                {
                    "@type": "DataDownload",
                    "encodingFormat": "application/json",
                    "contentUrl": url + self.reverse_subpage("indicator_json", args=[indicator.fingertips_id]),
                },
            ],
        }
        if values:
            start = min(value.period.start for value in values)
            end = max(value.period.end for value in values)
            data["temporalCoverage"] = f"{start.isoformat()}/{end.isoformat()}"
        if imported:
            data["dateModified"] = imported.imported_at.isoformat()
        return with_context(data)


OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def published_topics(model_name):
    return published(apps.get_model("pages", model_name).objects.all()).only("title", "slug", "url_path", "path")


def chart_summary(series, value_text):
    """The latest value of each line, in words, for the chart's description."""
    latest = []
    for line in series:
        points = [point for point in line.points if point.value is not None]
        if points:
            latest.append(f"{line.name}: {value_text(points[-1].value)} in {points[-1].period}")
    return f"Latest values: {'; '.join(latest)}." if latest else ""


def value_as_dict(value):
    data = {
        "area_code": value.area.gss_code,
        "area_name": value.area.name,
        "period": value.period.label,
        "period_start": value.period.start.isoformat(),
        "period_end": value.period.end.isoformat(),
        "sex": value.sex,
        "age": value.age,
        "category_type": value.category_type,
        "category": value.category,
    }
    data.update({name: getattr(value, name) for name in (*NUMBERS, *TEXTS)})
    return data


@dataclass
class Breakdown:
    """Values by category (e.g. deprivation decile) or ward for one period, with their bar chart."""

    title: str
    period: str
    rows: list
    chart: str
    chart_id: str
    by_ward: bool


WARDS = "Wards"


def breakdowns(indicator, values, whole_area):
    """One Breakdown per category type and area (and one for wards), for its latest period, persons or each sex,
    with England's value for the same period, sex and age as the bar chart's reference line."""
    groups = {}
    for value in values:
        if value.category:
            title = f"{value.category_type or 'Category'} in {value.area.name}"
        elif value.area.area_type == AreaType.WARD:
            title = WARDS
        else:
            continue
        groups.setdefault((title, value.sex, value.age), []).append(value)
    england = {
        (value.period_id, value.sex, value.age): value.value
        for value in whole_area
        if value.area.area_type == AreaType.ENGLAND
    }
    result = []
    value_text = partial(format_value, indicator)
    for number, ((title, sex, age), group) in enumerate(sorted(groups.items(), key=lambda item: item[0]), start=1):
        latest = max(group, key=lambda value: (value.period.end, value.period.start)).period
        rows = [value for value in group if value.period_id == latest.pk]
        rows.sort(key=lambda value: value.category or value.area.name)
        heading = ", ".join(part for part in (title, "" if sex == "Persons" else sex.lower(), age) if part)
        chart_id = f"indicator-{indicator.fingertips_id}-breakdown-{number}"
        bars = [Bar(value.category or value.area.name, value.value) for value in rows]
        england_value = england.get((latest.pk, sex, age))
        reference = ("England", england_value) if england_value is not None else None
        compared = f" A dashed line marks England's value, {value_text(england_value)}." if reference else ""
        chart = bar_chart(
            chart_id,
            f"{indicator.name}: {heading}, {latest.label}",
            f"Bar chart of {indicator.name.lower()} in {latest.label}, one bar for each of {len(rows)} rows of "
            f"{heading}, from zero.{compared} The table beside it gives every value.",
            bars,
            value_text,
            reference,
        )
        result.append(Breakdown(heading, latest.label, rows, chart, chart_id, by_ward=title == WARDS))
    return result
