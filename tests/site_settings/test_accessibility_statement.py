import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# The sections of the GOV.UK model accessibility statement.
SECTIONS = [
    "Compliance status",
    "Non-accessible content",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Preparation of this accessibility statement",
]


def statement_body(last_tested):
    items = []
    for heading in SECTIONS:
        items.append(("heading", {"text": heading, "level": "h2"}))
        text = f"This website was last tested on {last_tested}." if heading.startswith("Preparation") else heading
        items.append(("text", rich_text(f"<p>{text}</p>")))
    return streamfield(items)


def test_officer_updates_the_statement_and_its_date_last_tested(admin_client, admin_user, client, home):
    statement = StandardPageFactory(parent=home, title="Accessibility statement for Health Equity Town")

    data = nested_form_data(
        {
            "title": statement.title,
            "slug": statement.slug,
            "owner": admin_user.pk,
            "summary": "How accessible this website is and how to report a problem.",
            "body": statement_body("3 March 2025"),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[statement.pk]), data)
    assert response.status_code == 302, response.context["form"].errors

    html = client.get(statement.url).content.decode()
    assert "This website was last tested on 3 March 2025." in html
    for heading in SECTIONS:
        assert f"<h2>{heading}</h2>" in html
