"""What empties the page cache and what keeps it.

Visitors see a page change when it is published, unpublished, moved or deleted, when its privacy changes, and when
a model they see (settings, menus, an image on a page, a promoted search result) changes: each of those empties the
cache. An editor saving a draft, submitting it for moderation, a partner sending in a case study or an officer
uploading a new image change nothing visitors see, and the pages stored keep being served.

Every test visits a page until it is served from the cache (X-Cache: HIT), makes one change, and checks the next
visit: HIT when the cache was kept, MISS when it was emptied. Each runs with local memory and with Redis.
"""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, PageViewRestriction, Site
from wagtail.test.utils.form_data import streamfield

from case_studies.models import CaseStudySubmission
from core.factories import HETImageFactory
from core.models import HETImage
from editorial.management.commands import run_scheduler
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from pages.models import StandardPage
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
from tests.support.admin_forms import client_for, edit_page, page_form, text, workflow_action
from tests.support.case_studies import image_bytes, prepare_case_study_form, upload, valid_data
from tests.support.page_cache import BACKENDS, page_cache_on, stored

pytestmark = pytest.mark.django_db


@pytest.fixture(params=BACKENDS)
def page_cache(request, settings, site_tree):
    yield from page_cache_on(request.param, settings)


@pytest.fixture
def visitor():
    """An anonymous visitor, kept apart from the officers' logged-in clients."""
    return Client()


@pytest.fixture
def about(site_tree):
    return StandardPageFactory(parent=site_tree["home"], title="About HET", slug="about-het")


def next_visit(visitor, url):
    return visitor.get(url)["X-Cache"]


def edit_form(title):
    return page_form(title, slug="about-het", body=streamfield([text("Luton became a Marmot Town in 2021.")]))


# Kept: nothing visitors see has changed.


def test_an_editor_saving_a_draft_keeps_the_cache(visitor, site_tree, page_cache, about, editor):
    stored(visitor, "/about-het/")
    response = edit_page(client_for(editor), about, edit_form("About HET (draft)"), action=None)
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.has_unpublished_changes and about.get_latest_revision().content["title"] == "About HET (draft)"
    response = visitor.get("/about-het/")
    assert response["X-Cache"] == "HIT" and "About HET (draft)" not in response.content.decode()


def test_an_editor_submitting_for_moderation_keeps_the_cache(visitor, site_tree, page_cache, about, editor):
    stored(visitor, "/about-het/")
    response = edit_page(client_for(editor), about, edit_form("About the programme"), action="action-submit")
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.current_workflow_state is not None and about.title == "About HET"
    assert next_visit(visitor, "/about-het/") == "HIT"


def test_a_partner_sending_in_a_case_study_with_a_photo_keeps_the_cache(visitor, site_tree, page_cache):
    site = prepare_case_study_form(site_tree)
    stored(visitor, "/case-studies/")
    stored(visitor, "/")
    partner = Client()
    data = valid_data(site, photo=upload(image_bytes()), photo_description="Volunteers at the drop-in")
    response = partner.post("/case-studies/submit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    submission = CaseStudySubmission.objects.get()
    assert not submission.page.live and submission.photo is not None
    assert next_visit(visitor, "/case-studies/") == "HIT"
    assert next_visit(visitor, "/") == "HIT"


def png(name="healthfest.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (20, 120, 200)).save(buffer, "PNG")
    return upload(buffer.getvalue(), name, "image/png")


def image_fields(prefix="", **fields):
    data = {
        "title": "HealthFest crowd",
        "description": "Families dancing at HealthFest in Wardown Park",
        "collection": str(Collection.get_first_root_node().pk),
        "tags": "",
        **fields,
    }
    return {f"{prefix}{key}": value for key, value in data.items()}


def test_uploading_a_new_image_keeps_the_cache(visitor, site_tree, page_cache, editor):
    stored(visitor, "/")
    officer = client_for(editor)
    assert officer.post(reverse("wagtailimages:add"), {**image_fields(), "file": png()}).status_code == 302

    # The multiple uploader ("Add images") holds the file, then creates the image once it is described.
    held = officer.post(reverse("wagtailimages:add_multiple"), {"files[]": png("walk.png"), **image_fields()}).json()
    upload_id = held["uploaded_file_id"]
    created = officer.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        image_fields(prefix=f"uploaded-image-{upload_id}-", title="Evening walk"),
    ).json()
    assert created["success"] is True
    assert HETImage.objects.count() == 2
    assert next_visit(visitor, "/") == "HIT"


def test_making_renditions_of_an_image_keeps_the_cache(visitor, site_tree, page_cache):
    image = HETImageFactory()
    stored(visitor, "/")
    image.get_rendition("fill-300x200")
    assert image.renditions.exists()
    assert next_visit(visitor, "/") == "HIT"


# Emptied: visitors would see the change.


def test_publishing_from_the_admin_empties_the_cache(visitor, site_tree, page_cache, about, moderator):
    stored(visitor, "/about-het/")
    stored(visitor, "/")
    response = edit_page(client_for(moderator), about, edit_form("About the programme"), action="action-publish")
    assert response.status_code == 302
    response = visitor.get("/about-het/")
    assert response["X-Cache"] == "MISS" and "About the programme" in response.content.decode()
    assert next_visit(visitor, "/") == "MISS"


def test_a_moderator_approving_a_change_empties_the_cache(visitor, site_tree, page_cache, about, editor, moderator):
    edit_page(client_for(editor), about, edit_form("About the programme"), action="action-submit")
    about.refresh_from_db()
    stored(visitor, "/about-het/")
    workflow_action(client_for(moderator), about, "approve")
    response = visitor.get("/about-het/")
    assert response["X-Cache"] == "MISS" and "About the programme" in response.content.decode()


def test_unpublishing_empties_the_cache(visitor, site_tree, page_cache, about, moderator):
    stored(visitor, "/")
    response = client_for(moderator).post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    assert response.status_code == 302
    assert next_visit(visitor, "/") == "MISS"
    assert visitor.get("/about-het/").status_code == 404


def test_moving_a_page_empties_the_cache(visitor, site_tree, page_cache, about):
    partners = StandardPageFactory(parent=site_tree["home"], title="Our partners", slug="our-partners")
    stored(visitor, "/about-het/")
    partners.move(about, pos="last-child")
    assert next_visit(visitor, "/about-het/") == "MISS"


def test_deleting_a_live_page_empties_the_cache_and_a_draft_does_not(visitor, site_tree, page_cache, moderator):
    NewsPageFactory(parent=site_tree["news"], title="Story to delete")
    draft = NewsPageFactory(parent=site_tree["news"], title="Draft nobody saw", live=False)
    stored(visitor, "/news/")
    officer = client_for(moderator)
    assert officer.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])).status_code == 302
    assert next_visit(visitor, "/news/") == "HIT"

    story = site_tree["news"].get_children().get(title="Story to delete")
    assert officer.post(reverse("wagtailadmin_pages:delete", args=[story.pk])).status_code == 302
    response = visitor.get("/news/")
    assert response["X-Cache"] == "MISS" and "Story to delete" not in response.content.decode()


def test_adding_a_privacy_restriction_empties_the_cache(visitor, site_tree, page_cache):
    item = NewsPageFactory(parent=site_tree["news"], title="Staff-only briefing")
    stored(visitor, "/news/")
    restriction = PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    response = visitor.get("/news/")
    assert response["X-Cache"] == "MISS" and "Staff-only briefing" not in response.content.decode()
    stored(visitor, "/news/")
    restriction.delete()
    assert next_visit(visitor, "/news/") == "MISS"


def test_site_settings_and_menu_changes_empty_the_cache(visitor, site_tree, page_cache):
    site = Site.objects.get(is_default_site=True)
    stored(visitor, "/")
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_phone = "01582 546000"
    site_settings.save()
    response = visitor.get("/")
    assert response["X-Cache"] == "MISS" and "01582 546000" in response.content.decode()

    navigation = NavigationSettings.for_site(site)
    stored(visitor, "/")
    MainMenuItem.objects.create(setting=navigation, page=site_tree["events"], label="Events near you")
    assert next_visit(visitor, "/") == "MISS"
    link = FooterLink.objects.create(setting=navigation, url="https://www.luton.gov.uk/", label="Luton Council")
    stored(visitor, "/")
    link.delete()
    assert next_visit(visitor, "/") == "MISS"


def test_editing_the_alt_text_of_an_image_on_a_page_empties_the_cache(visitor, site_tree, page_cache, admin_user):
    image = HETImageFactory(title="Tree planting", description="Volunteers planting trees")
    item = NewsPageFactory(parent=site_tree["news"], listing_image=image)
    stored(visitor, item.url)
    response = client_for(admin_user).post(
        reverse("wagtailimages:edit", args=[image.pk]),
        image_fields(title="Tree planting", description="Volunteers planting an orchard"),
    )
    assert response.status_code == 302
    response = visitor.get(item.url)
    assert response["X-Cache"] == "MISS" and "Volunteers planting an orchard" in response.content.decode()


def test_adding_a_search_promotion_empties_the_cache(visitor, site_tree, page_cache):
    promoted = NewsPageFactory(parent=site_tree["news"], title="Money advice sessions")
    stored(visitor, "/search/?q=benefits")
    query = Query.get("benefits")
    assert next_visit(visitor, "/search/?q=benefits") == "HIT"  # a search term alone shows nothing
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=0)
    response = visitor.get("/search/?q=benefits")
    assert response["X-Cache"] == "MISS" and "Money advice sessions" in response.content.decode()


@pytest.fixture
def scheduler_in_this_transaction():
    """The test runs inside one transaction, which the scheduler's reconnecting at each pass would end."""
    with mock.patch.object(run_scheduler, "close_old_connections"):
        yield


def test_a_scheduled_publish_and_an_expiry_by_the_scheduler_empty_the_cache(
    visitor, site_tree, page_cache, about, scheduler_in_this_transaction
):
    about.title = "About the programme"
    about.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    stored(visitor, "/about-het/")
    call_command("run_scheduler", "--once")
    response = visitor.get("/about-het/")
    assert response["X-Cache"] == "MISS" and "About the programme" in response.content.decode()

    stored(visitor, "/")
    StandardPage.objects.filter(pk=about.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("run_scheduler", "--once")
    assert next_visit(visitor, "/") == "MISS"
    assert visitor.get("/about-het/").status_code == 404


def test_a_new_page_added_live_in_code_empties_the_cache(visitor, site_tree, page_cache):
    stored(visitor, "/news/")
    NewsPageFactory(parent=site_tree["news"], title="Walking maps for Lewsey")
    response = visitor.get("/news/")
    assert response["X-Cache"] == "MISS" and "Walking maps for Lewsey" in response.content.decode()
