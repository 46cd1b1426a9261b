"""The admin upload: Moderators upload a Fingertips file, see what would be added, changed and refused with line
numbers, and confirm to import it whole; Editors cannot; the indicators and import history are in the admin."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.importer import import_file
from indicators.models import ImportRun, Indicator, Value
from tests.support.indicators import fingertips_csv, row, shipped_data

UPLOAD = "/admin/indicator_upload/"


def upload(client, data, name="export.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def test_a_moderator_previews_then_imports_a_file(client, moderator):
    client.force_login(moderator)
    assert client.get(UPLOAD).status_code == 200
    response = upload(client, shipped_data(), "fingertips-luton-england.csv")
    html = response.content.decode()
    assert "440 added, 0 changed, 0 unchanged, 0 refused" in html
    assert (
        "<td>2</td><td>Percentage of physically active children and young people, England, 2017/18, Persons: 43.3</td>"
        in html
    )
    assert not Value.objects.exists(), "the preview imports nothing"
    run = ImportRun.objects.get()
    assert (run.status, run.imported_by, run.rows_added) == ("previewed", moderator, 440)
    confirm = reverse("indicator_upload:confirm", args=[run.pk])
    assert f'action="{confirm}"' in html
    response = client.post(confirm)
    assert response.status_code == 302 and response["Location"] == reverse("indicator_imports:index")
    assert Value.objects.count() == 440
    run.refresh_from_db()
    assert (run.status, run.content) == ("imported", "")
    assert client.post(confirm).status_code == 404, "an import cannot be confirmed twice"


def test_a_changed_value_is_previewed_with_what_changes(client, moderator):
    import_file(fingertips_csv([row()]), "first.csv")
    client.force_login(moderator)
    html = upload(client, fingertips_csv([row(value="78.2")])).content.decode()
    assert "<td>2</td><td>Life expectancy at birth, Luton, 2019 - 21, Male: 78.2</td><td>Value 77.9 → 78.2</td>" in html


def test_a_malformed_file_is_refused_with_its_lines_and_cannot_be_confirmed(client, moderator):
    client.force_login(moderator)
    html = upload(client, fingertips_csv([row(), row(sex="Female", value="high")])).content.decode()
    assert "This file cannot be imported." in html
    refusal = (
        "<td>3</td><td>Life expectancy at birth, Luton, 2019 - 21</td><td>the Value &#x27;high&#x27; is not a number"
    )
    assert refusal in html
    assert "Import this file" not in html
    run = ImportRun.objects.get()
    assert (run.status, run.content, run.rows_refused) == ("refused", "", 1)
    assert client.post(reverse("indicator_upload:confirm", args=[run.pk])).status_code == 404
    assert not Value.objects.exists()


def test_a_binary_file_gets_a_polite_error(client, moderator):
    client.force_login(moderator)
    html = upload(client, b"PK\x03\x04\x00\x00binary", "export.xlsx").content.decode()
    assert "This is not a CSV file. Export the data from Fingertips as CSV." in html
    assert not ImportRun.objects.exists()


def test_only_the_officer_who_uploaded_can_confirm(client, moderator, django_user_model):
    client.force_login(moderator)
    upload(client, fingertips_csv([row()]))
    run = ImportRun.objects.get()
    other = django_user_model.objects.create_user(username="maria", password="a long test password")
    other.groups.add(*moderator.groups.all())
    client.force_login(other)
    assert client.post(reverse("indicator_upload:confirm", args=[run.pk])).status_code == 404


def test_editors_cannot_upload_but_can_see_the_indicators(client, editor):
    client.force_login(editor)
    # Wagtail's admin turns a refusal into a redirect to the dashboard with "Sorry, you do not have permission".
    assert client.get(UPLOAD)["Location"] == "/admin/"
    assert upload(client, fingertips_csv([row()]))["Location"] == "/admin/"
    assert not ImportRun.objects.exists()
    assert "indicator-upload" not in client.get("/admin/").content.decode()
    import_file(fingertips_csv([row()]), "first.csv")
    indicator = Indicator.objects.get()
    assert client.get(reverse("wagtailsnippets_indicators_indicator:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])).status_code != 200


def test_a_moderator_writes_the_summary_and_links_an_objective(client, moderator, site_tree):
    from pages.factories import PolicyObjectivePageFactory

    objective = PolicyObjectivePageFactory(parent=site_tree["objectives"], slug="best-start-in-life")
    import_file(fingertips_csv([row()]), "first.csv")
    indicator = Indicator.objects.get()
    assert not Indicator.objects.shown().exists()
    client.force_login(moderator)
    edit = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    html = client.get(edit).content.decode()
    assert 'name="policy_objectives"' in html and 'name="summary"' in html
    data = {
        "name": indicator.name,
        "summary": "How long people in Luton can expect to live.",
        "policy_objectives": [objective.pk],
        "definition": "",
        "unit": "years",
        "value_type": "Life expectancy",
        "decimal_places": 1,
        "polarity": "higher",
        "fingertips_id": indicator.fingertips_id,
        "source": indicator.source,
        "source_url": "",
        "licence": indicator.licence,
        "attribution": indicator.attribution,
    }
    assert client.post(edit, data).status_code == 302
    assert list(Indicator.objects.shown()) == [indicator]
    history = client.get(reverse("indicator_imports:index")).content.decode()
    assert "first.csv" in history and "A command on the server" in history


def test_only_the_latest_preview_can_be_confirmed(client, moderator):
    client.force_login(moderator)
    upload(client, fingertips_csv([row()]), "first.csv")
    upload(client, fingertips_csv([row(sex="Female")]), "second.csv")
    first, second = ImportRun.objects.order_by("pk")
    assert (first.content, second.content != "") == ("", True)
    assert client.post(reverse("indicator_upload:confirm", args=[first.pk])).status_code == 404
    assert client.post(reverse("indicator_upload:confirm", args=[second.pk])).status_code == 302
    assert list(Value.objects.values_list("sex", flat=True)) == ["Female"]


def test_the_import_history_cannot_be_written_by_hand(client, moderator):
    client.force_login(moderator)
    listing = client.get(reverse("indicator_imports:index")).content.decode()
    assert "/admin/indicator_imports/new/" not in listing
    refused = client.get("/admin/indicator_imports/new/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def test_the_indicator_list_costs_the_same_queries_for_one_indicator_as_for_sixteen(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    listing = "/admin/snippets/indicators/indicator/"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(listing).status_code == 200
        return len(captured)

    # With a summary each, whether an indicator is shown depends on its links: the question the list asks.
    import_file(fingertips_csv([row()]), "one.csv")
    Indicator.objects.update(summary="What this shows.")
    one = queries()
    import_file(shipped_data(), "shipped.csv")
    Indicator.objects.update(summary="What this shows.")
    assert Indicator.objects.count() == 16
    assert queries() == one
