"""The site-wide alert banner: switched on in Settings, shown on every page, gone by itself after its end time."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from site_settings.models import SiteSettings
from tests.support.admin_forms import client_for, local

pytestmark = pytest.mark.django_db

MESSAGE = "HealthFest is moved to Wardown Park because of the weather."


def settings_form(**alert):
    return {
        "contact_email": "het@luton.gov.uk",
        "contact_phone": "",
        "contact_address": "",
        "public_health_team_email": "",
        "newsletter_url": "",
        "accessibility_page": "",
        "privacy_page": "",
        "contact_page": "",
        "alert_message": "",
        "alert_level": "info",
        "alert_link": "",
        "alert_ends_at": "",
        **alert,
    }


def save_settings(user, **alert):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["site_settings", "sitesettings", site.pk])
    return client_for(user).post(url, settings_form(**alert))


def banner_on(client, url):
    html = client.get(url).content.decode()
    return MESSAGE in html


@pytest.fixture
def some_pages(site_tree):
    standard = StandardPageFactory(parent=site_tree["home"], slug="about")
    news = NewsPageFactory(parent=site_tree["news"])
    return ["/", standard.url, news.url, site_tree["events"].url, "/search/?q=health", "/no-such-page/"]


def test_banner_shows_on_every_page_while_on_and_goes_when_switched_off(client, moderator, some_pages):
    for url in some_pages:
        assert not banner_on(client, url), url

    response = save_settings(moderator, alert_active="on", alert_message=MESSAGE, alert_level="urgent")
    assert response.status_code == 302
    for url in some_pages:
        assert banner_on(client, url), url
    html = client.get("/").content.decode()
    assert "alert-banner--urgent" in html and "Urgent:" in html

    save_settings(moderator, alert_message=MESSAGE, alert_level="urgent")
    for url in some_pages:
        assert not banner_on(client, url), url


def test_banner_disappears_by_itself_after_its_end_time(client, moderator, some_pages):
    ends_at = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(hours=2)
    save_settings(moderator, alert_active="on", alert_message=MESSAGE, alert_ends_at=local(ends_at))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.alert_ends_at == ends_at, "the end time is entered in UK time"
    assert banner_on(client, "/")

    with mock.patch("django.utils.timezone.now", return_value=ends_at - datetime.timedelta(minutes=1)):
        assert banner_on(client, some_pages[1])
    with mock.patch("django.utils.timezone.now", return_value=ends_at + datetime.timedelta(minutes=1)):
        for url in some_pages:
            assert not banner_on(client, url), url


def test_banner_with_an_end_time_already_passed_is_not_shown(client, home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.alert_active = True
    settings.alert_message = MESSAGE
    settings.alert_ends_at = timezone.now() - datetime.timedelta(minutes=1)
    settings.save()
    assert not banner_on(client, "/")


def test_switching_the_banner_on_without_a_message_is_explained(moderator, home):
    response = save_settings(moderator, alert_active="on", alert_link="https://www.luton.gov.uk/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write the message to show, or turn the banner off." in html
    assert 'value="https://www.luton.gov.uk/"' in html, "what was typed is kept"
    assert not SiteSettings.for_site(Site.objects.get(is_default_site=True)).alert_active
