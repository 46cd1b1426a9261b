"""The page cache serves anonymous visitors from memory and shows every change on the very next request.

Every test runs twice: with local memory, and with Redis (as production does when REDIS_URL is set), see
tests/support/page_cache.py. What empties the cache and what keeps it is in
tests/page_cache/test_page_cache_invalidation.py.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Site

from case_studies.views import CONFIRMATION_SALT
from core.factories import HETImageFactory
from core.freshness import GENERATION_KEY
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage
from page_cache.middleware import PageCacheMiddleware
from pages.factories import StandardPageFactory
from site_settings.models import MainMenuItem, NavigationSettings, SiteSettings
from tests.support.page_cache import BACKENDS, page_cache_on

pytestmark = pytest.mark.django_db


@pytest.fixture(params=BACKENDS)
def page_cache(request, settings, site_tree):
    yield from page_cache_on(request.param, settings)


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.content.decode()


def test_anonymous_visitors_get_the_stored_page(client, site_tree, page_cache):
    NewsPageFactory(parent=site_tree["news"], title="Walking maps for Lewsey")
    first, first_html = get(client, "/news/")
    second, second_html = get(client, "/news/")
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second_html == first_html and "Walking maps for Lewsey" in second_html
    assert client.head("/news/")["X-Cache"] == "HIT"
    assert get(client, "/news/?page=2")[0]["X-Cache"] == "MISS"  # each query string is a page of its own


def test_publishing_a_change_shows_on_the_next_request(client, site_tree, page_cache):
    item = NewsPageFactory(parent=site_tree["news"], title="Old headline")
    get(client, "/news/")
    get(client, item.url)
    item.title = "New headline"
    item.save_revision().publish()
    for url in ("/news/", item.url):
        response, html = get(client, url)
        assert response["X-Cache"] == "MISS"
        assert "New headline" in html and "Old headline" not in html


def test_unpublishing_and_deleting_remove_pages_at_once(client, site_tree, page_cache):
    hidden = NewsPageFactory(parent=site_tree["news"], title="Story to unpublish")
    deleted = NewsPageFactory(parent=site_tree["news"], title="Story to delete")
    get(client, "/news/")
    assert get(client, hidden.url)[0].status_code == 200
    hidden.unpublish()
    assert get(client, hidden.url)[0].status_code == 404
    assert "Story to unpublish" not in get(client, "/news/")[1]
    deleted.delete()
    assert "Story to delete" not in get(client, "/news/")[1]


def test_moving_a_page_changes_its_address_at_once(client, site_tree, page_cache):
    about = StandardPageFactory(parent=site_tree["home"], title="About us", slug="about-us")
    partners = StandardPageFactory(parent=site_tree["home"], title="Our partners", slug="our-partners")
    assert get(client, "/our-partners/")[0].status_code == 200
    get(client, "/about-us/")
    partners.move(about, pos="last-child")
    moved = client.get("/our-partners/")
    assert moved.status_code == 301 and moved["Location"] == "/about-us/our-partners/"  # Wagtail's own redirect
    assert get(client, "/about-us/our-partners/")[0].status_code == 200
    assert "Our partners" in get(client, "/about-us/")[1]  # listed under "In this section"


def test_settings_and_menu_changes_show_at_once(client, site_tree, page_cache):
    site = Site.objects.get(is_default_site=True)
    get(client, "/")
    site_settings = SiteSettings.for_site(site)
    site_settings.alert_active = True
    site_settings.alert_message = "The Town Hall is closed on Monday."
    site_settings.save()
    assert "The Town Hall is closed on Monday." in get(client, "/")[1]

    navigation, _ = NavigationSettings.objects.get_or_create(site=site)
    MainMenuItem.objects.create(setting=navigation, page=site_tree["events"], label="Events near you")
    assert "Events near you" in get(client, "/")[1]


def test_image_and_document_changes_show_at_once(client, site_tree, page_cache):
    image = HETImageFactory(description="Volunteers planting trees")
    item = NewsPageFactory(parent=site_tree["news"], listing_image=image)
    Document = get_document_model()
    document = Document.objects.create(title="Annual report 2024", file=ContentFile(b"Report", name="report.txt"))
    page = StandardPageFactory(
        parent=site_tree["home"],
        body=[{"type": "documents", "value": {"heading": "Downloads", "documents": [document.pk]}}],
    )
    assert "Volunteers planting trees" in get(client, item.url)[1]
    assert "Annual report 2024" in get(client, page.url)[1]
    image.description = "Volunteers planting an orchard"
    image.save()
    document.title = "Annual report 2025"
    document.save()
    assert "Volunteers planting an orchard" in get(client, item.url)[1]
    assert "Annual report 2025" in get(client, page.url)[1]


def test_making_a_page_private_stops_serving_it_from_the_cache(client, site_tree, page_cache):
    item = NewsPageFactory(parent=site_tree["news"])
    get(client, item.url)
    assert get(client, item.url)[0]["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(page=site_tree["news"], restriction_type=PageViewRestriction.LOGIN)
    response = client.get(item.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_editors_always_get_fresh_pages_and_never_fill_the_cache(client, site_tree, page_cache):
    item = NewsPageFactory(parent=site_tree["news"], title="Before the edit")
    get(client, item.url)  # cached for anonymous visitors
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", "a-long-password-1")
    client.force_login(editor)
    NewsPage.objects.filter(pk=item.pk).update(title="Changed without a signal")
    response, html = get(client, item.url)
    assert response["X-Cache"] == "BYPASS"
    assert "Changed without a signal" in html
    get(client, "/events/")  # an editor's view of a page nobody has cached yet

    client.logout()
    client.cookies.clear()
    assert "Before the edit" in get(client, item.url)[1]  # anonymous visitors still get the stored page
    response, html = get(client, "/events/")
    assert response["X-Cache"] == "MISS" and "wagtail-userbar" not in html


def test_posts_and_visitors_with_a_session_or_csrf_cookie_bypass_the_cache(client, site_tree, page_cache):
    get(client, "/")
    assert get(client, "/")[0]["X-Cache"] == "HIT"
    assert client.post("/")["X-Cache"] == "BYPASS"
    client.cookies["csrftoken"] = "x" * 32
    assert get(client, "/")[0]["X-Cache"] == "BYPASS"
    client.cookies.clear()
    client.cookies["sessionid"] = "abc"
    assert get(client, "/")[0]["X-Cache"] == "BYPASS"


def run_twice(middleware, request_factory, path, **extra):
    return [middleware(request_factory.get(path, **extra)) for _ in range(2)]


@pytest.mark.parametrize(
    "view",
    [
        pytest.param(lambda request: HttpResponse("<p>Thanks</p>", status=404), id="not found"),
        pytest.param(never_cache(lambda request: HttpResponse("<p>Form</p>")), id="never_cache"),
        pytest.param(
            lambda request: (response := HttpResponse("<p>Form</p>")).set_cookie("csrftoken", "x") or response,
            id="sets a cookie",
        ),
    ],
)
def test_responses_that_must_not_be_shared_are_not_stored(site_tree, page_cache, view):
    middleware = PageCacheMiddleware(view)
    responses = run_twice(middleware, RequestFactory(), "/some-page/")
    assert [response["X-Cache"] for response in responses] == ["MISS", "MISS"]


def test_vary_cookie_responses_to_requests_with_cookies_are_not_stored(site_tree, page_cache):
    def view(request):
        response = HttpResponse("<p>Page</p>")
        response["Vary"] = "Cookie"
        return response

    middleware = PageCacheMiddleware(view)
    factory = RequestFactory()
    factory.cookies["analytics_consent"] = "no"
    assert [r["X-Cache"] for r in run_twice(middleware, factory, "/page/")] == ["MISS", "MISS"]
    assert [r["X-Cache"] for r in run_twice(middleware, RequestFactory(), "/page/")] == ["MISS", "HIT"]


def test_the_admin_and_documents_are_never_cached(site_tree, page_cache):
    middleware = PageCacheMiddleware(lambda request: HttpResponse("<form></form>"))
    for path in ("/admin/", "/documents/1/report.pdf"):
        responses = run_twice(middleware, RequestFactory(), path)
        assert all("X-Cache" not in response for response in responses), path


def test_nothing_is_stored_until_the_cache_has_a_generation(page_cache):
    cache.delete(GENERATION_KEY)
    middleware = PageCacheMiddleware(lambda request: HttpResponse("<p>Page</p>"))
    responses = [middleware(RequestFactory().get("/page/")) for _ in range(3)]
    assert [response["X-Cache"] for response in responses] == ["MISS", "MISS", "HIT"]


def test_pages_expire_by_themselves_when_an_event_or_the_alert_banner_ends(client, site_tree, page_cache, monkeypatch):
    now = timezone.now()
    EventPageFactory(parent=site_tree["events"], title="Evening walk", start=now, end=now + datetime.timedelta(hours=2))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.alert_active = True
    site_settings.alert_message = "Roadworks on George Street."
    site_settings.alert_ends_at = now + datetime.timedelta(hours=3)
    site_settings.save()
    for url in ("/", "/events/"):
        get(client, url)
        response, html = get(client, url)
        assert response["X-Cache"] == "HIT" and "Evening walk" in html and "Roadworks" in html

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=2, minutes=1))
    for url in ("/", "/events/"):
        response, html = get(client, url)
        assert response["X-Cache"] == "MISS" and "Evening walk" not in html and "Roadworks" in html
    assert "Evening walk" in get(client, "/events/?when=past")[1]

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=3, minutes=1))
    assert "Roadworks" not in get(client, "/")[1]


def test_the_case_study_form_and_its_confirmation_are_never_stored(client, site_tree, page_cache):
    token = signing.dumps("HET-2026-000123", salt=CONFIRMATION_SALT)
    for url in ("/case-studies/submit/", f"/case-studies/submit/confirmation/?ref={token}"):
        answers = []
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert "no-store" in response["Cache-Control"]
            answers.append(response["X-Cache"])
            client.cookies.clear()
        assert answers == ["MISS", "MISS"], url


def test_clear_page_cache_command_serves_fresh_pages_after_the_database_changed_underneath(
    client, site_tree, page_cache
):
    item = NewsPageFactory(parent=site_tree["news"], title="Headline before the restore")
    get(client, "/news/")
    # As a restored backup does: the data changes without any signal reaching the site.
    NewsPage.objects.filter(pk=item.pk).update(title="Headline from the backup")
    assert "Headline before the restore" in get(client, "/news/")[1]
    out = io.StringIO()
    call_command("clear_page_cache", stdout=out)
    assert "rebuilt from the database" in out.getvalue()
    response, html = get(client, "/news/")
    assert response["X-Cache"] == "MISS"
    assert "Headline from the backup" in html and "Headline before the restore" not in html
