"""The public case study form: GOV.UK error handling, kept answers, hostile input and the rate limit."""

import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page, PageViewRestriction

from case_studies.models import CaseStudyPage, CaseStudySubmission
from case_studies.views import CONFIRMATION_SALT
from tests.support.case_studies import SUBMIT_URL, valid_data

CONFIRMATION_URL = SUBMIT_URL + "confirmation/"

pytestmark = pytest.mark.django_db


def error_summary_links(html):
    summary = re.search(r'<div class="error-summary".*?</ul>', html, re.S)
    assert summary, "no error summary"
    return dict(re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', summary.group(0)))


def control(html, control_id):
    """The opening tag of the control with this id."""
    match = re.search(rf'<(?:input|textarea)[^>]*\bid="{control_id}"[^>]*>', html)
    assert match, f"no control {control_id}"
    return match.group(0)


def test_form_renders_with_labels_hints_and_privacy_link(client, site):
    response = client.get(SUBMIT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    assert "<title>Share your work: submit a case study | Luton Health Equity Town</title>" in html
    for label in (
        "Organisation name",
        "Your name",
        "Email address",
        "Phone number (optional)",
        "Case study title",
        "Summary",
        "What did you do?",
        "What difference did it make?",
        "Which Marmot policy objectives does it support?",
        "Which HET subgroup is the work part of? (optional)",
        "Photo (optional)",
        "Describe the photo for people who cannot see it",
        "I confirm we have permission to publish this and agree to the privacy notice",
    ):
        assert label in html, label
    assert 'href="/privacy/"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'enctype="multipart/form-data"' in html
    assert "error-summary" not in html
    assert html.count('type="checkbox" name="policy_objectives"') == 8
    assert html.count('type="radio" name="subgroup"') == 5
    assert 'aria-describedby="id_summary-hint id_summary-info"' in control(html, "id_summary")
    assert "You can enter up to 300 characters" in html
    assert "maxlength" not in control(html, "id_what_they_did")


def test_form_is_linked_from_the_home_page_index_and_footer(client, site):
    assert f'href="{SUBMIT_URL}"' in client.get(site["case_studies"].url).content.decode()
    home = client.get("/").content.decode()
    call_out = home[home.index('class="call-out"') :]
    assert f'href="{SUBMIT_URL}"' in call_out
    footer = home[home.index('class="site-footer"') :]
    assert f'href="{SUBMIT_URL}"' in footer


def test_empty_form_lists_every_required_question(client, site):
    response = client.post(SUBMIT_URL, {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Share your work" in html
    assert '<h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>' in html
    assert 'data-error-summary tabindex="-1"' in html
    links = error_summary_links(html)
    assert links == {
        "id_organisation_name": "Enter the name of your organisation",
        "id_submitter_name": "Enter your name",
        "id_email": "Enter your email address",
        "id_title": "Enter a title for your case study",
        "id_summary": "Enter a summary of your case study",
        "id_what_they_did": "Enter what your organisation did",
        "id_difference_made": "Enter what difference your work made",
        "id_policy_objectives_0": "Select at least one Marmot policy objective",
        "id_consent": "Confirm you have permission to publish this and agree to the privacy notice",
    }
    for control_id in ("id_organisation_name", "id_email", "id_summary", "id_consent"):
        tag = control(html, control_id)
        assert 'aria-invalid="true"' in tag
        assert f"{control_id}-error" in tag
    assert 'aria-describedby="id_email-hint id_email-error"' in control(html, "id_email")
    error = '<span class="visually-hidden">Error:</span> Enter your email'
    assert f'id="id_email-error" class="error-message">{error}' in html
    # Checkbox groups describe the fieldset and mark every option invalid.
    assert 'aria-describedby="id_policy_objectives-hint id_policy_objectives-error"' in html
    assert 'aria-invalid="true"' in control(html, "id_policy_objectives_0")
    assert not CaseStudySubmission.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field_id", "message"),
    [
        (
            {"email": "sam.patel at noah"},
            "id_email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ({"title": "T" * 121}, "id_title", "Case study title must be 120 characters or fewer"),
        ({"summary": "S" * 301}, "id_summary", "Summary must be 300 characters or fewer"),
        ({"organisation_name": "O" * 201}, "id_organisation_name", "Organisation name must be 200 characters or fewer"),
        ({"submitter_name": "N" * 201}, "id_submitter_name", "Your name must be 200 characters or fewer"),
        ({"phone": "0" * 41}, "id_phone", "Phone number must be 40 characters or fewer"),
        ({"what_they_did": "W" * 5001}, "id_what_they_did", "What did you do? must be 5,000 characters or fewer"),
        (
            {"difference_made": "D" * 3001},
            "id_difference_made",
            "What difference did it make? must be 3,000 characters or fewer",
        ),
        ({"policy_objectives": []}, "id_policy_objectives_0", "Select at least one Marmot policy objective"),
        (
            {"policy_objectives": ["not-a-number"]},
            "id_policy_objectives_0",
            "Select at least one Marmot policy objective from the list",
        ),
        (
            {"policy_objectives": ["999999"]},
            "id_policy_objectives_0",
            "Select at least one Marmot policy objective from the list",
        ),
        ({"subgroup": "999999"}, "id_subgroup_0", "Select a HET subgroup from the list, or none"),
        (
            {"consent": None},
            "id_consent",
            "Confirm you have permission to publish this and agree to the privacy notice",
        ),
    ],
)
def test_each_error_is_summarised_and_everything_typed_is_kept(client, site, overrides, field_id, message):
    data = valid_data(site, **overrides)
    response = client.post(SUBMIT_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<title>Error: ") == 1
    assert error_summary_links(html) == {field_id: escape(message)}
    assert f'id="{field_id.removesuffix("_0")}-error"' in html
    # Every other answer is still there.
    assert 'value="Noah Enterprise"' in html or "organisation_name" in overrides
    assert "We ran weekly drop-ins at the day centre." in html or "what_they_did" in overrides
    assert "120 people got support." in html or "difference_made" in overrides
    if "policy_objectives" not in overrides:
        assert re.search(rf'value="{site["objectives_list"][3].pk}"[^>]*checked', html)
    if "consent" not in overrides:
        assert re.search(r'name="consent"[^>]*checked', html)
    assert not CaseStudySubmission.objects.exists()


def test_photo_description_is_needed_with_a_photo(client, site):
    from tests.support.case_studies import image_bytes, upload

    response = client.post(SUBMIT_URL, valid_data(site, photo=upload(image_bytes())))
    html = response.content.decode()
    assert error_summary_links(html) == {"id_photo_description": "Describe the photo for people who cannot see it"}
    # The chosen photo cannot be sent back to the browser; the page says so plainly.
    assert "You need to choose your photo again." in html
    assert "id_photo-warning" in control(html, "id_photo")


def test_no_photo_no_warning(client, site):
    html = client.post(SUBMIT_URL, valid_data(site, title="")).content.decode()
    assert "choose your photo again" not in html


def test_honeypot_gets_a_normal_confirmation_but_nothing_is_stored(client, site):
    form_html = client.get(SUBMIT_URL).content.decode()
    honeypot = form_html[form_html.index('class="form-honeypot"') :]
    honeypot = honeypot[: honeypot.index("</div>")]
    assert 'aria-hidden="true"' in honeypot
    assert 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot

    pages_before = Page.objects.count()
    response = client.post(SUBMIT_URL, valid_data(site, website="https://cheap-pills.example"))
    assert response.status_code == 302
    confirmation = client.get(response["Location"]).content.decode()
    assert "Case study sent" in confirmation
    assert re.search(r"<strong>HET-\d{4}-\d{6}</strong>", confirmation)
    assert not CaseStudySubmission.objects.exists()
    assert Page.objects.count() == pages_before
    assert not mail.outbox


def test_confirmation_needs_a_genuine_reference(client, site):
    for url in (f"{CONFIRMATION_URL}?ref=HET-2026-000001", CONFIRMATION_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == SUBMIT_URL


def test_csrf_protection_is_on(site):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SUBMIT_URL, valid_data(site)).status_code == 403
    assert not CaseStudySubmission.objects.exists()


def test_reading_the_form_is_never_limited(client, site, settings):
    settings.CASE_STUDY_RATE_LIMIT = settings.CASE_STUDY_CLIENT_RATE_LIMIT = "1/hour"
    assert client.post(SUBMIT_URL, valid_data(site)).status_code == 302
    assert client.post(SUBMIT_URL, valid_data(site, email="other@example.org")).status_code == 429
    for _ in range(3):
        response = client.get(SUBMIT_URL)
        assert response.status_code == 200
        assert "error-summary" not in response.content.decode()


@pytest.mark.parametrize(
    ("email_limit", "client_limit", "second_sender", "counted"),
    [
        ("2/hour", "50/hour", "sam.patel@noah.example", "your email address"),
        ("50/hour", "2/hour", "colleague@noah.example", "your internet connection"),
    ],
    ids=["per-email", "per-client"],
)
def test_a_refused_send_keeps_every_answer_and_says_when_to_try_again(
    client, site, settings, email_limit, client_limit, second_sender, counted
):
    settings.CASE_STUDY_RATE_LIMIT = email_limit
    settings.CASE_STUDY_CLIENT_RATE_LIMIT = client_limit
    for _ in range(2):
        assert client.post(SUBMIT_URL, valid_data(site)).status_code == 302
    data = valid_data(site, email=second_sender, title="Warm spaces & <winter> support")
    refused = client.post(SUBMIT_URL, data)
    html = refused.content.decode()

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "<title>Error: Share your work" in html
    summary = re.search(r'<div class="error-summary".*?</ul>', html, re.S).group(0)
    assert f"several have been sent from {counted} recently" in summary
    assert "send them again in an hour, or email het@luton.example" in summary
    assert 'value="Warm spaces &amp; &lt;winter&gt; support"' in html
    assert f'value="{second_sender}"' in html
    assert escape(data["what_they_did"]) in html
    assert re.search(rf'value="{site["objectives_list"][3].pk}"[^>]*checked', html)
    assert CaseStudySubmission.objects.count() == 2


def test_a_shared_office_address_is_not_limited_by_one_colleagues_sends(client, site, settings):
    settings.CASE_STUDY_RATE_LIMIT = "2/hour"
    settings.CASE_STUDY_CLIENT_RATE_LIMIT = "5/hour"
    for _ in range(2):
        assert client.post(SUBMIT_URL, valid_data(site)).status_code == 302
    assert client.post(SUBMIT_URL, valid_data(site)).status_code == 429
    assert client.post(SUBMIT_URL, valid_data(site, email="colleague@noah.example")).status_code == 302
    # Addresses are compared without regard to case or spaces.
    assert client.post(SUBMIT_URL, valid_data(site, email=" Sam.Patel@NOAH.example ")).status_code == 429
    # Another office is not affected at all.
    assert Client(REMOTE_ADDR="192.0.2.44").post(SUBMIT_URL, valid_data(site)).status_code == 429
    assert Client(REMOTE_ADDR="192.0.2.44").post(SUBMIT_URL, valid_data(site, email="a@b.example")).status_code == 302


def test_mistakes_do_not_count_towards_the_limit(client, site, settings):
    settings.CASE_STUDY_RATE_LIMIT = "1/hour"
    for _ in range(3):
        assert client.post(SUBMIT_URL, valid_data(site, title="")).status_code == 200
    assert client.post(SUBMIT_URL, valid_data(site)).status_code == 302


@pytest.mark.parametrize(
    ("name", "title", "organisation"),
    [
        ("عائشہ خان", "صحت مند لوٹن کے لیے کمیونٹی کھانا", "بری کمیونٹی سینٹر"),
        ("Małgorzata Wójcik-Żółkiewska", "Zdrowie dla wszystkich – Łódź w Luton", "Stowarzyszenie Polaków"),
        ("Ștefan Țăranu", "Sănătate în comunitate — școala de vară", "Asociația Românilor din Luton"),
    ],
)
def test_any_alphabet_works(client, admin_client, site, django_capture_on_commit_callbacks, name, title, organisation):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SUBMIT_URL, valid_data(site, submitter_name=name, title=title, organisation_name=organisation)
        )
    assert response.status_code == 302
    submission = CaseStudySubmission.objects.get()
    assert (submission.submitter_name, submission.title, submission.organisation_name) == (name, title, organisation)
    page = submission.page
    assert page.title == title and page.partner_organisation == organisation
    assert re.fullmatch(r"[a-z0-9-]+", page.slug)
    if not re.search(r"[a-z]", title.lower().encode("ascii", "ignore").decode()):
        assert page.slug == f"case-study-{submission.reference.lower()}"
    acknowledgement = [message for message in mail.outbox if message.to == ["sam.patel@noah.example"]][0]
    assert f"Dear {name}," in acknowledgement.body and title in acknowledgement.body
    acknowledgement.message().as_bytes()  # encodes without error
    editor = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert editor.status_code == 200 and escape(title) in editor.content.decode()


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_html_in_every_text_field_is_stored_and_shown_as_text(
    client, admin_client, site, django_capture_on_commit_callbacks
):
    from tests.support.case_studies import image_bytes, upload

    fields = ["organisation_name", "submitter_name", "title", "summary", "what_they_did", "difference_made"]
    data = valid_data(site, **{name: f"{name} {HOSTILE}" for name in fields})
    data.update(photo=upload(image_bytes()), photo_description=f"photo {HOSTILE}", phone=f"<b>{'1' * 20}</b>")
    # First with a mistake: the form shows the typed text back, escaped.
    error_page = client.post(SUBMIT_URL, {**data, "email": "wrong", "photo": upload(image_bytes())})
    assert "<script>" not in error_page.content.decode()
    assert escape(f"summary {HOSTILE}") in error_page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(SUBMIT_URL, data).status_code == 302
    submission = CaseStudySubmission.objects.get()
    assert submission.title == f"title {HOSTILE}"[:120]
    page = CaseStudyPage.objects.get(pk=submission.page_id)
    assert "<script>" not in page.body[0].value.source and "<script>" not in page.outcomes

    # Published, the page shows the words and runs nothing.
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    body = html[html.index("<main") :]
    assert "<script>" not in body and "<img src=x" not in body
    for name in ("organisation_name", "title", "summary", "what_they_did", "difference_made"):
        assert escape(f"{name} {HOSTILE}") in body or escape(f"{name} {HOSTILE}").replace("&quot;", '"') in body
    assert 'alt="photo &lt;script&gt;' in body

    inspect = admin_client.get(f"/admin/snippets/case_studies/casestudysubmission/inspect/{submission.pk}/")
    assert "<script>alert" not in inspect.content.decode()
    assert escape(f"submitter_name {HOSTILE}") in inspect.content.decode()


def test_unusual_requests_never_cause_a_server_error(client, site):
    assert client.put(SUBMIT_URL, {}).status_code == 405
    assert client.post(SUBMIT_URL, "not multipart", content_type="multipart/form-data; boundary=").status_code == 400
    assert client.post(SUBMIT_URL, {"policy_objectives": ["1", ["2"]], "subgroup": "x"}).status_code == 200
    assert client.post(SUBMIT_URL, {"photo": "not a file"}).status_code == 200


def links_to(html, url):
    return f'href="{url}"' in html or f'action="{url}"' in html


def test_the_form_follows_the_case_studies_page_when_its_slug_changes(client, site):
    index = site["case_studies"]
    index.slug = "partner-stories"
    index.save_revision().publish()

    form = client.get("/partner-stories/submit/")
    assert form.status_code == 200
    assert 'action="/partner-stories/submit/"' in form.content.decode()
    assert client.get(SUBMIT_URL).status_code == 404
    assert client.post(SUBMIT_URL, valid_data(site)).status_code == 404
    for url in ("/", "/partner-stories/", "/news/"):  # the home page's invitation, the button, the footer
        assert links_to(client.get(url).content.decode(), "/partner-stories/submit/"), url
        assert not links_to(client.get(url).content.decode(), SUBMIT_URL), url

    response = client.post("/partner-stories/submit/", valid_data(site))
    assert response.status_code == 302
    assert response["Location"].startswith("/partner-stories/submit/confirmation/?ref=")
    confirmation = client.get(response["Location"]).content.decode()
    submission = CaseStudySubmission.objects.get()
    assert submission.reference in confirmation
    assert submission.page.get_parent().pk == index.pk


def test_there_is_no_form_outside_the_case_studies_page(client, site):
    for url in ("/submit/", "/news/submit/", "/case-studies/submit/extra/", "/case-studies/confirmation/"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("method", ["get", "post"])
def test_no_form_while_the_case_studies_page_is_unpublished(client, site, method):
    site["case_studies"].unpublish()
    token = signing.dumps("HET-2026-000123", salt=CONFIRMATION_SALT)
    assert getattr(client, method)(SUBMIT_URL, valid_data(site)).status_code == 404
    assert client.get(f"{CONFIRMATION_URL}?ref={token}").status_code == 404
    assert not CaseStudySubmission.objects.exists()
    assert "submit a case study" not in client.get("/").content.decode().lower()


def test_no_form_while_the_case_studies_page_is_private(client, site):
    PageViewRestriction.objects.create(page=site["case_studies"], restriction_type=PageViewRestriction.LOGIN)
    for response in (client.get(SUBMIT_URL), client.post(SUBMIT_URL, valid_data(site))):
        assert response.status_code == 302
        assert response["Location"].startswith("/_util/login/?next=/case-studies/submit/")
    assert not CaseStudySubmission.objects.exists()

    site["moderator"].groups.clear()  # any signed-in account may see a page restricted to logged-in users
    client.force_login(site["moderator"])
    assert client.post(SUBMIT_URL, valid_data(site)).status_code == 302
    assert CaseStudySubmission.objects.count() == 1
