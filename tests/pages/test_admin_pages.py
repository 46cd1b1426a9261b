"""Officers build every page type through the real Wagtail admin forms, preview it and go back to old versions."""

import datetime
import json

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import rich_text, streamfield

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from core.factories import HETImageFactory
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pages.factories import StandardPageFactory
from pages.models import (
    HomePage,
    PolicyObjectiveIndexPage,
    PolicyObjectivePage,
    PriorityIndexPage,
    PriorityPage,
    StandardPage,
    SubgroupIndexPage,
    SubgroupPage,
)
from tests.support.admin_forms import (
    add_url,
    create_page,
    edit_page,
    form_errors,
    form_for,
    list_block,
    owned,
    page_form,
    text,
)

pytestmark = pytest.mark.django_db

# Each page type with the type of its parent, in the order a new site is built.
SITE_STRUCTURE = [
    (HomePage, Page),
    (StandardPage, HomePage),
    (PolicyObjectiveIndexPage, HomePage),
    (PolicyObjectivePage, PolicyObjectiveIndexPage),
    (PriorityIndexPage, HomePage),
    (PriorityPage, PriorityIndexPage),
    (SubgroupIndexPage, HomePage),
    (SubgroupPage, SubgroupIndexPage),
    (NewsIndexPage, HomePage),
    (NewsPage, NewsIndexPage),
    (EventIndexPage, HomePage),
    (EventPage, EventIndexPage),
    (CaseStudyIndexPage, HomePage),
    (CaseStudyPage, CaseStudyIndexPage),
]


def build_site_through_admin(client):
    """Create and publish one page of every type through the admin's add form. Returns them by model."""
    pages = {Page: Page.get_first_root_node()}
    for model, parent_model in SITE_STRUCTURE:
        response, page = create_page(client, model, pages[parent_model])
        assert page is not None, (model.__name__, form_errors(response))
        assert response.status_code == 302
        pages[model] = page
    return pages


def test_every_page_type_can_be_created_published_and_viewed(admin_client):
    pages = build_site_through_admin(admin_client)
    # A new installation's site still points at Wagtail's welcome page: point it at the new home page.
    site = Site.objects.get(is_default_site=True)
    site.root_page = pages[HomePage]
    site.save()
    for model, _parent in SITE_STRUCTURE:
        page = Page.objects.get(pk=pages[model].pk).specific
        assert page.live and page.owner.username == "admin", model.__name__
        response = admin_client.get(page.url)
        assert response.status_code == 200, model.__name__
        assert page.title.replace("'", "&#x27;") in response.content.decode()
    event = pages[EventPage]
    assert event.step_free_access and event.venue == "Venue 360"
    assert list(pages[SubgroupPage].work_areas[0].value["points"]) == ["Support for families."]


def test_every_page_type_previews_in_the_admin(admin_client):
    pages = build_site_through_admin(admin_client)
    for model, _parent in SITE_STRUCTURE:
        page = pages[model]
        data = owned(admin_client, form_for(model))
        data["title"] = f"{page.title} (draft)"
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        posted = admin_client.post(preview_url, data)
        assert posted.json() == {"is_valid": True, "is_available": True}, model.__name__
        preview = admin_client.get(preview_url)
        assert preview.status_code == 200, model.__name__
        assert "(draft)" in preview.content.decode(), model.__name__
        page.refresh_from_db()
        assert "(draft)" not in page.title, "previewing must not change the page"


def test_new_page_preview_before_it_is_saved(admin_client, site_tree):
    data = owned(admin_client, form_for(NewsPage))
    url = reverse("wagtailadmin_pages:preview_on_add", args=["news", "newspage", site_tree["news"].pk])
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "ShinyMind app launched" in response.content.decode()
    assert not NewsPage.objects.exists()


def test_add_form_suggests_a_review_date_a_year_ahead(admin_client, home):
    response = admin_client.get(add_url(StandardPage, home))
    assert response.status_code == 200
    expected = timezone.localdate() + datetime.timedelta(days=365)
    field = response.context["form"]["next_review_date"]
    assert field.value() == expected
    assert f'value="{expected:%d/%m/%Y}"' in str(field)
    # An existing page keeps what it has, including no date at all.
    page = StandardPageFactory(parent=home, next_review_date=None)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.context["form"]["next_review_date"].value() is None


def test_revisions_can_be_compared_and_rolled_back(admin_client, home):
    response, page = create_page(admin_client, StandardPage, home)
    assert page is not None, form_errors(response)
    first = page.latest_revision
    data = form_for(StandardPage)
    data["title"] = "HET activities and events"
    edit_page(admin_client, page, data)
    page.refresh_from_db()
    assert page.title == "HET activities and events"
    second = page.latest_revision
    assert second.pk != first.pk

    compare = admin_client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]))
    assert compare.status_code == 200
    assert "HET activities and events" in compare.content.decode()

    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200

    # Rolling back opens the edit form filled with the old version; publishing it makes it live again.
    revert = admin_client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]))
    assert revert.status_code == 200
    assert revert.context["form"]["title"].value() == "HET activities"
    edit_page(admin_client, page)
    page.refresh_from_db()
    assert page.title == "HET activities"


def make_document(record_size=True):
    document = wagtail_factories.DocumentFactory(title="HET annual report")
    document.file.save("het-annual-report.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2039), save=False)
    # Documents uploaded before Wagtail recorded file sizes have none stored; the page works it out.
    document.file_size = document.file.size if record_size else None
    document.save()
    return document


def test_every_block_through_the_admin_form(admin_client, home):
    image = HETImageFactory(description="Residents at HealthFest in Wardown Park")
    document = make_document(record_size=False)
    table = {
        "data": [["Ward", "People"], ["Biscot", "120"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_header_choice": "row",
        "table_caption": "",
    }
    body = streamfield(
        [
            ("heading", {"text": "What we did", "level": "h2"}),
            text("We ran workshops across the town."),
            ("image", {"image": image.pk, "caption": "HealthFest 2024"}),
            ("quote", {"quote": "We are doing really well.", "attribution": "Conference delegate"}),
            ("call_to_action", {"text": "Submit a case study", "page": "", "url": "https://example.org/submit"}),
            (
                "accordion",
                {
                    "heading": "Presentations",
                    "sections": list_block(
                        [
                            {"title": "Collaborative working", "content": rich_text("<p>Working together.</p>")},
                            {"title": "Children first", "content": rich_text("<p>Best start in life.</p>")},
                        ]
                    ),
                },
            ),
            ("key_facts", {"heading": "", "facts": list_block([{"figure": "80+", "label": "delegates"}])}),
            ("table", {"caption": "People reached by ward", "table": json.dumps(table)}),
            ("documents", {"heading": "Downloads", "documents": list_block([document.pk])}),
            (
                "video",
                {
                    "title": "HealthFest highlights",
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "transcript": rich_text(""),
                },
            ),
        ]
    )
    response, page = create_page(admin_client, StandardPage, home, page_form("HealthFest report", body=body))
    if page is None:
        form = response.context["form"]
        pytest.fail(str(form.errors["body"].as_data()[0].as_json_data()))
    assert [block.block_type for block in page.body] == [
        "heading",
        "text",
        "image",
        "quote",
        "call_to_action",
        "accordion",
        "key_facts",
        "table",
        "documents",
        "video",
    ]
    html = admin_client.get(page.url).content.decode()
    assert 'alt="Residents at HealthFest in Wardown Park"' in html
    assert "data-accordion" in html and html.count('class="accordion__section"') == 2
    assert '<th scope="col">Ward</th>' in html
    assert "(PDF, 2.0\xa0KB)" in html
    # No third-party video player (or its cookies) until the visitor asks for it.
    assert "<iframe" not in html and "youtube.com/embed" not in html
    assert 'data-video-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html


def test_video_block_explains_which_addresses_work(admin_client, home):
    body = streamfield(
        [("video", {"title": "Our film", "url": "https://example.org/film.mp4", "transcript": rich_text("")})]
    )
    response, page = create_page(admin_client, StandardPage, home, page_form("Film", body=body))
    assert page is None
    assert response.status_code == 200
    assert "Enter the address of a single video on YouTube or Vimeo" in response.content.decode()


def test_call_to_action_needs_exactly_one_destination(admin_client, home):
    body = streamfield([("call_to_action", {"text": "Find out more", "page": "", "url": ""})])
    response, page = create_page(admin_client, StandardPage, home, page_form("Call", body=body))
    assert page is None
    assert "Choose a page or enter a web address, not both." in response.content.decode()


def test_block_picker_shows_a_labelled_preview_of_every_block(admin_client, home):
    HETImageFactory(description="A family at a Family Hub")
    make_document()
    for field in (StandardPage._meta.get_field("body"), SubgroupPage._meta.get_field("work_areas")):
        for name, block in field.stream_block.child_blocks.items():
            assert block.meta.icon and block.label and block.get_description(), name
            assert block.is_previewable, name
            response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
            assert response.status_code == 200, name
            html = response.content.decode()
            assert "/static/css/site.css" in html, name
            assert f"block-{name}" in html, name
    image_preview = admin_client.get(
        reverse("wagtailadmin_block_preview"),
        {"id": StandardPage._meta.get_field("body").stream_block.child_blocks["image"].definition_prefix},
    )
    assert 'alt="A family at a Family Hub"' in image_preview.content.decode()
