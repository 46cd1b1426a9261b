"""Content review: the dashboard and the weekly reminder pick exactly the live pages past their review date."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from editorial.review import overdue_pages
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from pages.models import StandardPage
from tests.support.admin_forms import client_for, edit_page, form_for

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def owners(django_user_model):
    return {
        "asha": django_user_model.objects.create_user("asha", "asha@luton.gov.uk", first_name="Asha"),
        "ben": django_user_model.objects.create_user("ben", "", first_name="Ben"),
    }


@pytest.fixture
def review_pages(site_tree, owners):
    home, asha, ben = site_tree["home"], owners["asha"], owners["ben"]
    overdue = {
        "toolkit": StandardPageFactory(parent=home, title="HET toolkit", owner=asha, next_review_date=days_ago(1)),
        "news": NewsPageFactory(
            parent=site_tree["news"], title="ShinyMind app", owner=asha, next_review_date=days_ago(400)
        ),
        "event": EventPageFactory(
            parent=site_tree["events"], title="HealthFest", owner=asha, next_review_date=days_ago(30)
        ),
        "no_email": StandardPageFactory(parent=home, title="Housing page", owner=ben, next_review_date=days_ago(5)),
        "no_owner": StandardPageFactory(parent=home, title="Orphan page", owner=None, next_review_date=days_ago(9)),
    }
    not_overdue = [
        StandardPageFactory(parent=home, title="Due today", owner=asha, next_review_date=days_ago(0)),
        StandardPageFactory(parent=home, title="Due next year", owner=asha, next_review_date=days_ago(-365)),
        StandardPageFactory(parent=home, title="Never reviewed", owner=asha, next_review_date=None),
        StandardPageFactory(parent=home, title="Draft page", owner=asha, next_review_date=days_ago(60), live=False),
    ]
    return overdue, not_overdue


def test_overdue_pages_are_exactly_the_live_ones_past_their_date_oldest_first(review_pages):
    overdue, _ = review_pages
    assert [page.title for page in overdue_pages()] == [
        "ShinyMind app",
        "HealthFest",
        "Orphan page",
        "Housing page",
        "HET toolkit",
    ]


def test_dashboard_lists_overdue_pages_with_owner_and_edit_link(review_pages, editor):
    overdue, not_overdue = review_pages
    response = client_for(editor).get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pages overdue for review" in html and "5 pages have" in html
    for page in overdue.values():
        assert f'href="/admin/pages/{page.pk}/edit/"' in html, page.title
        assert page.title in html
    for page in not_overdue:
        assert page.title not in html
    assert "Asha" in html and "Ben" in html and "No owner" in html
    oldest = days_ago(400)
    assert f"{oldest.day} {oldest:%B %Y}" in html


def test_dashboard_says_so_when_nothing_is_overdue(home, editor):
    StandardPageFactory(parent=home, next_review_date=days_ago(-30))
    html = client_for(editor).get("/admin/").content.decode()
    assert "No pages are overdue for review." in html


def test_reminders_send_each_owner_one_email_and_report_the_rest(review_pages, django_capture_on_commit_callbacks):
    overdue, not_overdue = review_pages
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=out)
    [email] = mail.outbox
    assert email.to == ["asha@luton.gov.uk"]
    assert email.subject == "3 pages you own are due for review on the Luton Health Equity Town website"
    for key in ("toolkit", "news", "event"):
        assert overdue[key].title in email.body
        assert f"http://testserver/admin/pages/{overdue[key].pk}/edit/" in email.body
    for page in [overdue["no_email"], overdue["no_owner"], *not_overdue]:
        assert page.title not in email.body

    output = out.getvalue()
    assert "Queued an email to asha@luton.gov.uk about 3 overdue pages." in output
    assert "Could not email anyone about 2 overdue pages" in output
    assert "'Housing page'" in output and "its owner 'ben' has no email address" in output
    assert "'Orphan page'" in output and "the page has no owner" in output


def test_dry_run_sends_nothing(review_pages, django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", "--dry-run", stdout=out)
    assert mail.outbox == []
    assert "Would email asha@luton.gov.uk about 3 overdue pages." in out.getvalue()


def test_no_reminders_when_nothing_is_overdue(home, django_capture_on_commit_callbacks):
    StandardPageFactory(parent=home, next_review_date=days_ago(-1))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=out)
    assert mail.outbox == []
    assert "No pages are overdue for review." in out.getvalue()


def test_a_page_without_an_owner_gets_one_when_next_edited(home, moderator, editor):
    # As a page made in code before owners were required: nobody owns it yet. The edit is not refused.
    page = StandardPageFactory(parent=home, title="Period poverty project", slug="period-poverty", owner=None)
    data = {**form_for(StandardPage), "title": page.title, "slug": page.slug, "owner": ""}
    response = edit_page(client_for(moderator), page, data, action="action-publish")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.owner == moderator

    edit_page(client_for(moderator), page, {**data, "owner": str(editor.pk)}, action="action-publish")
    page.refresh_from_db()
    assert page.owner == editor


def test_new_pages_are_owned_by_whoever_creates_them(home, editor):
    client = client_for(editor)
    add = client.get(f"/admin/pages/add/pages/standardpage/{home.pk}/")
    owner_field = add.context["form"]["owner"]
    assert owner_field.value() == editor.pk
    assert "---------" not in str(owner_field), "a new page cannot be left without an owner"
