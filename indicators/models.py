"""Health equity indicators: the measures, the places and periods they cover, the published values, and the history
of imports from Fingertips (indicators/importer.py).

Values are kept as Fingertips publishes them, unique per indicator, area, period, sex, age and category. An indicator
is shown on the site only once an officer has linked it to at least one Marmot objective or Luton 2040 priority and
written its "what this shows" summary (`Indicator.objects.shown()`).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.search import index

from core.models import IndexPage


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"
    NO_JUDGEMENT = "none", "No judgement (neither higher nor lower is better)"


class IndicatorQuerySet(models.QuerySet):
    def shown(self):
        """Indicators the public sees: linked to an objective or priority, and with a summary."""
        objectives = Indicator.policy_objectives.through.objects.filter(indicator=OuterRef("pk"))
        priorities = Indicator.priorities.through.objects.filter(indicator=OuterRef("pk"))
        return self.exclude(summary="").filter(Exists(objectives) | Exists(priorities))


class Indicator(index.Indexed, ClusterableModel):
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

    @property
    def is_shown(self):
        return bool(self.summary) and (self.policy_objectives.exists() or self.priorities.exists())


class AreaType(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    WARD = "ward", "Ward"


# The first three characters of a GSS code name the kind of area.
GSS_PREFIX_TYPES = {
    "E92": AreaType.ENGLAND,
    "E12": AreaType.REGION,
    "E06": AreaType.LOCAL_AUTHORITY,
    "E07": AreaType.LOCAL_AUTHORITY,
    "E08": AreaType.LOCAL_AUTHORITY,
    "E09": AreaType.LOCAL_AUTHORITY,
    "E10": AreaType.LOCAL_AUTHORITY,
    "E05": AreaType.WARD,
}


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


class Comparison(models.TextChoices):
    """The published comparison with England, in the words the site shows (never colour alone)."""

    BETTER = "better", "Better than England"
    SIMILAR = "similar", "Similar to England"
    WORSE = "worse", "Worse than England"
    HIGHER = "higher", "Higher than England"
    LOWER = "lower", "Lower than England"
    NOT_COMPARED = "not_compared", "Not compared"


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


def comparison_from_published(text):
    """Fingertips' "Compared to England" text ('Better', 'Worse 99.8', 'Not compared'...) as a Comparison or None."""
    words = text.strip().lower()
    if not words:
        return None
    for choice in Comparison:
        if words.startswith(choice.value.replace("_", " ")):
            return choice
    return Comparison.NOT_COMPARED


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
            return "Loaded with the site"
        return self.imported_by.get_full_name() or self.imported_by.get_username()


def last_import():
    """The most recent completed import, or None."""
    return ImportRun.objects.filter(status=ImportRun.Status.IMPORTED).order_by("-imported_at").first()


def tracked_area_filter(prefix=""):
    """Q for the areas the site tracks (settings.INDICATOR_AREAS) and the wards inside them."""
    codes = settings.INDICATOR_AREAS
    return Q(**{f"{prefix}gss_code__in": codes}) | Q(**{f"{prefix}parent__gss_code__in": codes})


class IndicatorIndexPage(RoutablePageMixin, IndexPage):
    """'Measuring health equity': the indicators shown, grouped by Marmot objective, each with its own page."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "indicators page"
