"""The public indicator pages on the real Fingertips extract: the listing, a page per indicator with its chart, table
and open data, the objective and priority pages; their size, query counts and the chart's geometry."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Site

from indicators.factories import IndicatorIndexPageFactory
from indicators.importer import check, import_file
from indicators.models import Indicator, Value
from indicators.shipped import load_shipped_indicators, read_mapping
from pages.factories import (
    HomePageFactory,
    PolicyObjectiveIndexPageFactory,
    PolicyObjectivePageFactory,
    PriorityIndexPageFactory,
    PriorityPageFactory,
)
from site_settings.models import SiteSettings
from tests.support.indicators import ENGLAND, LUTON, fingertips_csv, row

SVG = "{http://www.w3.org/2000/svg}"
UNCACHED = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def build_site():
    """The home page, every objective and priority the shipped mapping names, the indicators page, and the shipped
    data imported and mapped as `make run` does."""
    home = HomePageFactory.as_site_root()
    objectives = PolicyObjectiveIndexPageFactory(parent=home, slug="policy-objectives")
    priorities = PriorityIndexPageFactory(parent=home, slug="priorities")
    entries = read_mapping()
    for slug in sorted({slug for entry in entries for slug in entry["policy_objectives"]}):
        PolicyObjectivePageFactory(parent=objectives, slug=slug, title=slug.replace("-", " ").capitalize())
    for slug in sorted({slug for entry in entries for slug in entry["priorities"]}):
        PriorityPageFactory(parent=priorities, slug=slug, title=slug.replace("-", " ").capitalize())
    index = IndicatorIndexPageFactory(parent=home)
    load_shipped_indicators()
    return index


@override_settings(CACHES=UNCACHED)
class IndicatorPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = build_site()

    def get(self, url, status=200):
        response = self.client.get(url)
        assert response.status_code == status, url
        return response

    def test_the_listing_groups_every_shown_indicator_by_objective_with_words_not_colour(self):
        html = self.get(self.index.url).content.decode()
        for indicator in Indicator.objects.all():
            assert f">{indicator.name}</a>" in html
        assert '<h2 id="objective-' in html and ">Best start in life</h2>" in html
        assert "Worse than England" in html and "Recent trend" in html
        assert re.search(r"Getting (better|worse) \((rising|falling)\)|Little change", html)

    def test_an_indicator_without_a_summary_is_not_shown(self):
        indicator = Indicator.objects.get(fingertips_id=848)
        Indicator.objects.filter(pk=indicator.pk).update(summary="")
        assert f">{indicator.name}</a>" not in self.get(self.index.url).content.decode()
        self.get(f"{self.index.url}848/", status=404)

    def test_every_indicator_page_renders_under_40_kb_with_its_parts(self):
        for indicator in Indicator.objects.all():
            url = f"{self.index.url}{indicator.fingertips_id}/"
            response = self.get(url)
            html = response.content.decode()
            assert len(response.content) < 40 * 1024, (url, len(response.content))
            assert f"<h1>{indicator.name}</h1>" in html
            assert '<figure class="chart-figure"><svg' in html.replace("\n", "").replace("  ", "")
            assert 'role="img"' in html and "<desc id=" in html
            assert escape(indicator.summary) in html and escape(indicator.definition) in html
            assert "Open Government Licence v3.0" in html and "Last imported on" in html
            csv_size = len(self.get(f"{url}csv/").content)
            assert f"Download the data (CSV, {max(1, round(csv_size / 1024))} KB)" in html
            rows = html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
            assert rows == indicator.values.filter(category="").count()

    def test_an_indicator_page_describes_itself_as_a_dataset(self):
        html = self.get(f"{self.index.url}90366/").content.decode()
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
        data = json.loads(script)
        assert data["@type"] == "Dataset"
        assert data["license"] == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
        assert data["distribution"][0]["contentUrl"].endswith("/measuring-health-equity/90366/csv/")
        assert data["temporalCoverage"].startswith("20") and data["spatialCoverage"] == "England, Luton"
        assert f'<link rel="canonical" href="http://testserver{self.index.url}90366/">' in html

    def test_the_chart_plots_each_value_where_its_axis_puts_it(self):
        html = self.get(f"{self.index.url}90366/").content.decode()
        chart = re.search(r'<svg[^>]*class="chart".*?</svg>', html, re.S).group(0)
        svg = ET.fromstring(chart)  # noqa: S314 -- the site's own chart
        ticks = {
            float(text.text.replace(",", "")): float(text.get("y"))
            for text in svg.iter(f"{SVG}text")
            if text.get("text-anchor") == "end" and text.get("dominant-baseline") == "middle"
        }
        (low, low_y), (high, high_y) = min(ticks.items()), max(ticks.items())
        values = Value.objects.filter(indicator__fingertips_id=90366).select_related("area", "period")
        expected = {f"{v.area.name}, {v.sex.lower()}, {v.period.label}": v.value for v in values}
        plotted = {}
        for group in svg.iter(f"{SVG}g"):
            for shape in group:
                title = shape.find(f"{SVG}title")
                if title is not None:
                    plotted[title.text.rsplit(":", 1)[0]] = (float(shape.get("data-x")), float(shape.get("data-y")))
        assert set(plotted) == set(expected) and len(plotted) == 36
        for name, (_x, y) in plotted.items():
            assert y == pytest.approx(low_y + (expected[name] - low) / (high - low) * (high_y - low_y), abs=0.11)
        luton_male = sorted(x for name, (x, _y) in plotted.items() if name.startswith("Luton, male"))
        gaps = {round(b - a, 1) for a, b in zip(luton_male, luton_male[1:], strict=False)}
        assert len(gaps) == 1, "periods are evenly spaced in time order"

    def test_the_csv_download_imports_again_unchanged(self):
        response = self.get(f"{self.index.url}93721/csv/")
        assert response["Content-Type"] == "text/csv"
        result = check(response.content, "download.csv")
        assert (len(result.added), len(result.changed), len(result.refused), result.unchanged) == (0, 0, 0, 66)
        Value.objects.filter(indicator__fingertips_id=93721).delete()
        import_file(response.content, "download.csv")
        assert self.get(f"{self.index.url}93721/csv/").content == response.content

    def test_the_json_gives_every_value_with_its_definition(self):
        data = self.get(f"{self.index.url}92026/json/").json()
        assert data["indicator"]["licence"] == "Open Government Licence v3.0"
        assert len(data["values"]) == 23
        missing = [value for value in data["values"] if value["value"] is None]
        assert [(value["area_code"], value["period"]) for value in missing] == [(LUTON, "2020/21")]

    def test_objective_and_priority_pages_show_their_indicators(self):
        html = self.get("/policy-objectives/best-start-in-life/").content.decode()
        assert "Measuring progress" in html
        assert ">Reception prevalence of obesity (including severe obesity)</a>" in html
        assert ">Life expectancy at birth</a>" not in html
        assert 'class="sparkline"' in html
        assert ">Life expectancy at birth</a>" in self.get("/priorities/population-wellbeing/").content.decode()

    def test_ward_and_category_values_get_a_table_and_bar_chart(self):
        rows = [
            row(area_code="E05008820", area_name="Biscot", area_type="Ward", parent_code=LUTON, value="74.1"),
            row(area_code="E05008821", area_name="Wigmore", area_type="Ward", parent_code=LUTON, value="81.5"),
            row(category_type="Deprivation deciles", category="Most deprived decile", value="73.0"),
        ]
        import_file(fingertips_csv(rows), "wards.csv")
        html = self.get(f"{self.index.url}90366/").content.decode()
        assert "<h2>Wards, male, 2019 - 21</h2>" in html and '<th scope="col">Ward</th>' in html
        assert "<h2>Deprivation deciles in Luton, male, 2019 - 21</h2>" in html
        assert "A dashed line marks England&#x27;s value, 79.0 years." in html
        assert '<th scope="row">Biscot</th><td class="numeric">74.1 years</td>' in html
        bars = {
            float(bar.group(2)): float(bar.group(1))
            for bar in re.finditer(r'class="bar"[^>]*width="([\d.]+)"[^>]*data-value="([\d.]+)"', html)
        }
        assert bars[81.5] / bars[74.1] == pytest.approx(81.5 / 74.1, rel=0.01), "bars start at zero"


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def more_indicators(count):
    """`count` more indicators with ten periods each for Luton and England, shown on the best start objective."""
    rows = [
        row(fingertips_id=str(900000 + number), indicator_name=f"Invented measure {number}", area_code=area,
            area_name=name, period=str(2010 + year), value=str(10 + year), sex="Persons")
        for number in range(count)
        for year in range(10)
        for area, name in ((LUTON, "Luton"), (ENGLAND, "England"))
    ]  # fmt: skip
    import_file(fingertips_csv(rows), "more.csv")
    best_start = Indicator.objects.get(fingertips_id=92026).policy_objectives.get()
    for indicator in Indicator.objects.filter(fingertips_id__gte=900000):
        indicator.summary = "An invented measure for the query count test."
        indicator.policy_objectives.set([best_start])
        indicator.save()


QUERY_BUDGET = {
    # what Wagtail's serving and the site furniture cost on every page (tests/het_site/test_performance_queries.py):
    # the site, routing, the privacy check, root paths, settings, menus, breadcrumbs, the footer's form link; then
    # + shown indicators, their objectives, values, the last import
    "index": 15,
    # + the indicator with its objectives and priorities, every value, the last import
    "indicator": 16,
    # the objective page's own, here without pictures, + its shown indicators, the indicators page, their values
    "objective": 19,
    # the site, routing, the privacy check, root paths; the indicator with its objectives and priorities, every value
    "csv": 10,
    "json": 10,
}


@override_settings(CACHES=UNCACHED)
def test_query_counts_do_not_grow_with_indicators_or_values(db, client):
    index = build_site()
    urls = {
        "index": index.url,
        "indicator": f"{index.url}92026/",
        "objective": "/policy-objectives/best-start-in-life/",
        "csv": f"{index.url}92026/csv/",
        "json": f"{index.url}92026/json/",
    }
    for url in urls.values():
        client.get(url)  # Wagtail's and Django's caches for the site and content types, as on a running server
    before = {name: queries(client, url) for name, url in urls.items()}
    more_indicators(12)
    assert Value.objects.count() == 440 + 240
    after = {name: queries(client, url) for name, url in urls.items()}
    assert before == after == QUERY_BUDGET


def test_an_import_or_an_edit_empties_the_page_cache(db, client, django_capture_on_commit_callbacks):
    index = build_site()
    url = f"{index.url}90366/"
    # The first visit would create the site's settings row, which empties the cache by itself.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert client.get(url)["X-Cache"] == "MISS"
    assert client.get(url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        import_file(fingertips_csv([row(value="78.0")]), "revised.csv")
    response = client.get(url)
    assert response["X-Cache"] == "MISS" and "78.0 years" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        indicator = Indicator.objects.get(fingertips_id=90366)
        indicator.summary = "A revised summary."
        indicator.save()
    assert "A revised summary." in client.get(url).content.decode()
