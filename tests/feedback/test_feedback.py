"""'Is this page useful?': stored without personal data, cookie-free, protected from spam and listed for officers."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse

from feedback.models import COMMENT_MAX_LENGTH, PageFeedback
from pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(parent=site_tree["home"], title="Cost of living help")


def send(client, data, **headers):
    return client.post("/feedback/", data, **{**SAME_SITE, **headers})


def test_every_content_page_asks_whether_it_was_useful(client, page):
    html = client.get(page.url).content.decode()
    form = re.search(r'<section class="feedback" id="feedback".*?</section>', html, re.S).group(0)
    assert "Is this page useful?" in form
    assert 'action="/feedback/"' in form and 'method="post"' in form
    assert f'name="page" value="{page.pk}"' in form
    assert 'name="useful" value="yes"' in form and 'name="useful" value="no"' in form
    assert "csrfmiddlewaretoken" not in html


def test_yes_or_no_is_stored_then_an_optional_comment_can_be_added(client, page):
    response = send(client, {"page": page.pk, "useful": "no"})
    assert response.status_code == 302
    feedback = PageFeedback.objects.get()
    assert (feedback.page, feedback.url, feedback.useful, feedback.comment) == (page.page_ptr, page.url, False, "")

    location = urlsplit(response["Location"])
    assert location.path == page.url and location.fragment == "feedback"
    token = parse_qs(location.query)["feedback"][0]
    thanks = client.get(f"{page.url}?feedback={token}").content.decode()
    assert "Thank you for your feedback" in thanks
    assert "What was wrong with this page? (optional)" in thanks
    assert "Do not include personal details" in thanks

    response = send(client, {"page": page.pk, "token": token, "comment": "  The phone number is out of date.  "})
    assert response["Location"] == f"{page.url}?feedback=sent#feedback"
    feedback.refresh_from_db()
    assert feedback.comment == "The phone number is out of date."
    assert "Thank you for your feedback" in client.get(f"{page.url}?feedback=sent").content.decode()

    # The token cannot be replayed to overwrite the comment.
    send(client, {"page": page.pk, "token": token, "comment": "Spam"})
    feedback.refresh_from_db()
    assert feedback.comment == "The phone number is out of date."


def test_a_forged_or_expired_token_is_refused_and_the_comment_kept(client, page):
    response = send(client, {"page": page.pk, "token": "1:forged", "comment": "Please add opening times."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This comment form has expired" in html
    assert "Please add opening times." in html
    assert PageFeedback.objects.count() == 0
    # The visitor can still send it as a new answer from that page.
    assert 'name="useful" value="yes"' in html


def test_a_too_long_comment_gets_a_clear_error_and_nothing_typed_is_lost(client, page):
    comment = "x" * (COMMENT_MAX_LENGTH + 5)
    response = send(client, {"page": page.pk, "useful": "yes", "comment": comment})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Your comment must be {COMMENT_MAX_LENGTH} characters or fewer" in html
    assert comment in html
    assert 'href="#feedback-comment"' in html and 'aria-invalid="true"' in html
    assert re.search(r'</h1>\s*<div class="error-summary" data-error-summary', html)  # nothing between them
    assert PageFeedback.objects.count() == 0


def test_missing_answer_or_unknown_page_is_explained(client, page, site_tree):
    assert "Choose yes or no." in send(client, {"page": page.pk}).content.decode()
    draft = StandardPageFactory(parent=site_tree["home"], live=False)
    for data in ({"page": draft.pk, "useful": "yes"}, {"page": "abc", "useful": "yes"}, {"useful": "yes"}):
        response = send(client, data)
        assert response.status_code == 400
        assert "We could not tell which page" in response.content.decode()
    assert PageFeedback.objects.count() == 0


def test_posts_from_other_sites_are_refused(client, page):
    for headers in ({"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_ORIGIN": ""}, {"HTTP_ORIGIN": "null"}):
        response = client.post("/feedback/", {"page": page.pk, "useful": "yes"}, **headers)
        assert response.status_code == 403
    referer = client.post("/feedback/", {"page": page.pk, "useful": "yes"}, HTTP_REFERER=f"http://testserver{page.url}")
    assert referer.status_code == 302
    assert PageFeedback.objects.count() == 1


def test_the_honeypot_pretends_to_succeed_but_stores_nothing(client, page):
    response = send(client, {"page": page.pk, "useful": "yes", "website": "http://spam.example"})
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 0


@override_settings(FEEDBACK_RATE_LIMIT=3, FEEDBACK_RATE_PERIOD=600)
def test_feedback_is_rate_limited_per_client(client, page):
    for _ in range(3):
        assert send(client, {"page": page.pk, "useful": "yes"}).status_code == 302
    refused = send(client, {"page": page.pk, "useful": "no", "comment": "Keep me"})
    assert refused.status_code == 429
    assert "Please wait before sending more feedback" in refused.content.decode()
    assert "Keep me" in refused.content.decode()
    assert PageFeedback.objects.count() == 3
    # Another visitor is not affected.
    assert send(client, {"page": page.pk, "useful": "yes"}, REMOTE_ADDR="192.0.2.7").status_code == 302


@override_settings(FEEDBACK_RATE_LIMIT=1, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_clients_are_told_apart_by_forwarded_address(client, page):
    assert send(client, {"page": page.pk, "useful": "yes"}, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert send(client, {"page": page.pk, "useful": "yes"}, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    assert send(client, {"page": page.pk, "useful": "yes"}, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_feedback_only_accepts_posts(client, page):
    assert client.get("/feedback/").status_code == 405


def test_feedback_sets_no_cookies(client, page):
    response = send(client, {"page": page.pk, "useful": "yes"})
    assert not response.cookies
    assert not client.get(response["Location"]).cookies


def test_officers_can_list_filter_and_read_feedback_but_not_write_it(client, page, site_tree, superuser):
    other = StandardPageFactory(parent=site_tree["home"], title="Contact us")
    PageFeedback.objects.create(page=page, url=page.url, useful=False, comment="Out of date")
    PageFeedback.objects.create(page=other, url=other.url, useful=True)
    client.force_login(superuser)

    listing = client.get("/admin/page_feedback/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Out of date" in html and other.url in html
    filtered = client.get(f"/admin/page_feedback/?page={other.pk}").content.decode()
    assert other.url in filtered and "Out of date" not in filtered
    not_useful = client.get("/admin/page_feedback/?useful=false").content.decode()
    assert "Out of date" in not_useful and other.url not in not_useful

    feedback = PageFeedback.objects.get(comment="Out of date")
    assert client.get(f"/admin/page_feedback/inspect/{feedback.pk}/").status_code == 200
    for url in ("/admin/page_feedback/new/", f"/admin/page_feedback/edit/{feedback.pk}/"):
        refused = client.get(url)
        assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home")), url
    assert client.get(f"/admin/page_feedback/delete/{feedback.pk}/").status_code == 200
