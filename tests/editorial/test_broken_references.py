"""Content that points at a page, image or document visitors can no longer reach renders nothing broken, and
officers can find it under Reports > Broken links."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Site

from core.factories import HETImageFactory
from pages.factories import StandardPageFactory
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings

pytestmark = pytest.mark.django_db

PAGE_STATES = ["deleted", "unpublished", "private"]


def make_unreachable(target, state):
    if state == "deleted":
        target.delete()
    elif state == "unpublished":
        target.unpublish()
    else:
        PageViewRestriction.objects.create(page=target, restriction_type="password", password="a secret")


def body_with(block_type, value):
    return json.dumps([{"type": block_type, "value": value}])


def assert_nothing_broken(client, url, target_url=None):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href=""' not in html
    assert not re.search(r"<img[^>]+src=\"\"", html)
    if target_url:
        assert f'href="{target_url}"' not in html
    return html


def page_holding(home, block_type, value, **kwargs):
    return StandardPageFactory(parent=home, title="Holds the link", body=body_with(block_type, value), **kwargs)


@pytest.fixture
def target(home):
    return StandardPageFactory(parent=home, title="Where the link went", slug="target")


def test_call_to_action_to_a_deleted_page_renders_no_empty_button(client, home, target):
    host = page_holding(home, "call_to_action", {"text": "Find out more", "page": target.pk, "url": ""})
    assert 'href="/target/"' in client.get(host.url).content.decode()
    target.delete()
    html = assert_nothing_broken(client, host.url)
    assert "Find out more" not in html


@pytest.mark.parametrize("state", PAGE_STATES)
def test_call_to_action_to_an_unreachable_page_is_left_out(client, home, target, state):
    host = page_holding(home, "call_to_action", {"text": "Find out more", "page": target.pk, "url": ""})
    make_unreachable(target, state)
    assert "Find out more" not in assert_nothing_broken(client, host.url, "/target/")


@pytest.mark.parametrize("state", PAGE_STATES)
def test_rich_text_link_to_an_unreachable_page_becomes_text(client, home, target, state):
    html_value = f'<p>Read <a linktype="page" id="{target.pk}">the plan</a>.</p>'
    host = page_holding(home, "text", html_value)
    assert 'href="/target/"' in client.get(host.url).content.decode()
    make_unreachable(target, state)
    html = assert_nothing_broken(client, host.url, "/target/")
    assert "the plan" in html


def test_deleted_image_and_document_leave_nothing_broken(client, home):
    image = HETImageFactory()
    document = get_document_model().objects.create(title="Annual report", file=ContentFile(b"%PDF", "report.pdf"))
    host = StandardPageFactory(
        parent=home,
        listing_image=image,
        body=json.dumps(
            [
                {"type": "image", "value": {"image": image.pk, "caption": "Volunteers"}},
                {"type": "documents", "value": {"heading": "Downloads", "documents": [document.pk]}},
            ]
        ),
    )
    assert "Annual report" in client.get(host.url).content.decode()
    image.delete()
    document.delete()
    html = assert_nothing_broken(client, host.url)
    assert "Annual report" not in html and "Volunteers" not in html
    assert_nothing_broken(client, home.url)  # the listing card on the home page


@pytest.mark.parametrize("state", ["unpublished", "private"])
@pytest.mark.parametrize("model", [MainMenuItem, FooterLink])
def test_menu_and_footer_links_to_unreachable_pages_are_left_out(client, home, target, state, model):
    setting = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    model.objects.create(setting=setting, page=target, label="Our plan", sort_order=0)
    assert 'href="/target/"' in client.get(home.url).content.decode()
    make_unreachable(target, state)
    assert "Our plan" not in assert_nothing_broken(client, home.url, "/target/")


@pytest.mark.parametrize("state", PAGE_STATES)
def test_footer_contact_page_unreachable_is_left_out(client, home, target, state):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_page = target
    site_settings.save()
    assert "All contact details" in client.get(home.url).content.decode()
    make_unreachable(target, state)
    assert "All contact details" not in assert_nothing_broken(client, home.url, "/target/")


@pytest.mark.parametrize(
    ("block_type", "label", "state"),
    [
        ("call_to_action", "Call to action button", "deleted"),
        ("call_to_action", "Call to action button", "unpublished"),
        ("call_to_action", "Call to action button", "private"),
        ("text", "Text", "deleted"),
        ("text", "Text", "unpublished"),
        ("text", "Text", "private"),
    ],
)
def test_moderators_see_pages_with_broken_links(client, home, target, moderator, editor, block_type, label, state):
    if block_type == "text":
        value = f'<p>Read <a linktype="page" id="{target.pk}">the plan</a>.</p>'
    else:
        value = {"text": "Find out more", "page": target.pk, "url": ""}
    host = page_holding(home, block_type, value)
    fine = page_holding(home, "text", "<p>Nothing linked here.</p>", slug="fine")
    make_unreachable(target, state)
    client.force_login(moderator)
    response = client.get(reverse("broken_links_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[host.pk]) in html
    assert f"the page it links to is {state}" in html
    assert f"{label}: the page it links to is {state}" in html
    assert reverse("wagtailadmin_pages:edit", args=[fine.pk]) not in html
    assert "Broken links" in client.get(reverse("wagtailadmin_home")).content.decode()  # in the Reports menu
    client.force_login(editor)
    refused = client.get(reverse("broken_links_report"))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))


def test_moderators_see_pages_whose_images_and_documents_were_deleted(client, home, moderator):
    image = HETImageFactory()
    document = get_document_model().objects.create(title="Annual report", file=ContentFile(b"%PDF", "report.pdf"))
    host = StandardPageFactory(
        parent=home,
        body=json.dumps(
            [
                {"type": "image", "value": {"image": image.pk, "caption": "Volunteers"}},
                {"type": "documents", "value": {"heading": "Downloads", "documents": [document.pk]}},
            ]
        ),
    )
    client.force_login(moderator)
    assert (
        reverse("wagtailadmin_pages:edit", args=[host.pk])
        not in client.get(reverse("broken_links_report")).content.decode()
    )
    image.delete()
    document.delete()
    html = client.get(reverse("broken_links_report")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[host.pk]) in html
    assert "the image it links to is deleted" in html
    assert "the document it links to is deleted" in html
