"""Moderators keep old links working with redirects and pin the right page to common searches."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from pages.factories import StandardPageFactory
from pages.models import StandardPage
from tests.support.admin_forms import client_for, create_page, edit_page, form_errors, form_for

pytestmark = pytest.mark.django_db


def test_redirect_added_in_the_admin_sends_visitors_to_the_page(client, home, moderator):
    toolkit = StandardPageFactory(parent=home, title="HET toolkit", slug="toolkit")
    response = client_for(moderator).post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/marmot-toolkit",
            "site": str(Site.objects.get(is_default_site=True).pk),
            "is_permanent": "on",
            "redirect_page": str(toolkit.pk),
            "redirect_link": "",
        },
    )
    assert response.status_code == 302
    visit = client.get("/marmot-toolkit/")
    assert visit.status_code == 301 and visit["Location"].rstrip("/").endswith("/toolkit")


def test_changing_a_published_page_address_keeps_the_old_one_working(
    client, home, moderator, django_capture_on_commit_callbacks
):
    response, page = create_page(client_for(moderator), StandardPage, home)
    assert page is not None, form_errors(response)
    data = form_for(StandardPage)
    data["slug"] = "activities"
    # Wagtail adds the redirect once the change is committed to the database.
    with django_capture_on_commit_callbacks(execute=True):
        edit_page(client_for(moderator), page, data)
    assert client.get("/activities/").status_code == 200
    old = client.get("/het-activities/")
    assert old.status_code == 301 and old["Location"].rstrip("/").endswith("/activities")


def test_promoted_result_added_in_the_admin_leads_the_site_search(client, home, moderator):
    objectives = StandardPageFactory(parent=home, title="Marmot policy objectives", slug="objectives")
    hidden = StandardPageFactory(parent=home, title="Old Marmot report", slug="old-report", live=False)
    data = nested_form_data(
        {
            "query_string": "Marmot",
            "editors_picks": inline_formset(
                [
                    {"page": str(objectives.pk), "external_link_url": "", "external_link_text": "", "description": ""},
                    {
                        "page": "",
                        "external_link_url": "https://www.instituteofhealthequity.org/",
                        "external_link_text": "Institute of Health Equity",
                        "description": "The team behind the Marmot Review.",
                    },
                    {"page": str(hidden.pk), "external_link_url": "", "external_link_text": "", "description": ""},
                ]
            ),
        }
    )
    response = client_for(moderator).post(reverse("wagtailsearchpromotions:add"), data)
    assert response.status_code == 302

    html = client.get("/search/", {"q": "  marmot "}).content.decode()
    recommended = html[html.index("Recommended") : html.index("</section>", html.index("Recommended"))]
    assert 'href="/objectives/"' in recommended
    assert "Institute of Health Equity" in recommended and "The team behind the Marmot Review." in recommended
    assert "Old Marmot report" not in recommended, "unpublished pages are never promoted"
    assert "Recommended" not in client.get("/search/", {"q": "housing"}).content.decode()
