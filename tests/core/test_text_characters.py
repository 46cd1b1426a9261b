"""Characters that are legal to type but illegal in XML, iCalendar, spreadsheets and email headers.

What goes in is cleaned once (core/text.py, on every save and on the public forms); every strict output cleans
again on its own, so text stored before (put in here with QuerySet.update(), which skips the input layer) cannot
break it either. Spreadsheet exports hold data, never formulas.
"""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook
from wagtail.documents.models import Document
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import streamfield

from case_studies.models import CaseStudySubmission
from case_studies.submissions import send_email
from core.factories import HETImageFactory
from core.models import HETImage
from core.text import clean_line, clean_text
from events.factories import EventPageFactory
from events.models import EventPage
from feedback.models import PageFeedback
from news.factories import NewsPageFactory
from news.models import NewsPage
from pages.factories import StandardPageFactory
from site_settings.models import SiteSettings
from tests.support.admin_forms import create_page, edit_page, form_errors, page_form, text
from tests.support.case_studies import SUBMIT_URL, valid_data

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")

# Each kind of character that is cleaned: (kind, characters, what each becomes in multi-line, in one-line text).
KINDS = [
    ("C0 controls", [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"], "", ""),
    ("DEL and C1 controls", ["\x7f", *(chr(c) for c in range(0x80, 0xA0) if c != 0x85)], "", ""),
    ("noncharacters", ["\ufffe", "\uffff"], "", ""),
    ("lone surrogate", ["\ud800"], "", ""),
    ("line breaks", ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"], "\n", " "),
    ("tab", ["\t"], "\t", " "),
]
# NUL and lone surrogates never reach the database: a browser cannot send a lone surrogate (UTF-8 cannot encode
# it), and PostgreSQL refuses both, so old data cannot hold them.
UNSENDABLE = {"\ud800"}
UNSTORABLE = {"\x00", "\ud800"}
KEPT = [
    "اردو میں خبریں",
    "Zażółć gęślą jaźń",
    "Health 😀👩🏽‍⚕️ fair",
    "Venue\u00a0360",
    "می\u200cخواهم",
]


def kinds(excluding=frozenset()):
    """pytest params, one per kind: (dirty text, clean multi-line text, clean one-line text)."""
    params = []
    for name, chars, multiline, one_line in KINDS:
        chars = [char for char in chars if char not in excluding]
        if chars:
            dirty = "Fair" + "".join(f"{char}work" for char in chars)
            params.append(
                pytest.param(
                    dirty, "Fair" + f"{multiline}work" * len(chars), "Fair" + f"{one_line}work" * len(chars), id=name
                )
            )
    return params


EVERY_CHARACTER = [
    pytest.param(char, multiline, one_line, id=f"{name} " + "+".join(f"U+{ord(c):04X}" for c in char))
    for name, chars, multiline, one_line in KINDS
    for char in chars
]


@pytest.mark.parametrize(("char", "multiline", "one_line"), EVERY_CHARACTER)
def test_each_cleaned_character(char, multiline, one_line):
    assert clean_text(f"Fair{char}work") == f"Fair{multiline}work"
    assert clean_line(f"Fair{char}work") == f"Fair{one_line}work"


@pytest.mark.parametrize("value", KEPT)
def test_ordinary_unicode_is_kept(value):
    assert clean_text(value) == value
    assert clean_line(value) == value


def test_line_breaks_and_tabs_are_kept_in_multi_line_text():
    assert clean_text("Line one\n\tLine two\r\nLine three") == "Line one\n\tLine two\nLine three"


def xml_tree(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 -- the site's own feed


def feed_titles(client, news_index):
    rss = xml_tree(client.get(news_index.url + "rss/"))
    atom = xml_tree(client.get(news_index.url + "atom/"))
    atom_ns = "{http://www.w3.org/2005/Atom}"
    return (
        [item.findtext("title") for item in rss.iter("item")],
        [entry.findtext(f"{atom_ns}title") for entry in atom.iter(f"{atom_ns}entry")],
    )


def test_a_vertical_tab_in_a_news_title_from_the_admin_is_saved_clean_and_the_feeds_work(admin_client, site_tree):
    """Word's Shift+Enter pasted into a title is a vertical tab: it becomes a space, and in the text a newline."""
    data = page_form(
        "Fair\x0bwork week",
        date="01/06/2024",
        summary="Events all week.\x0bEveryone welcome.",
        body=streamfield([text("Line one\x0bline two")]),
    )
    data["slug"] = "fair-work-week"
    response, page = create_page(admin_client, NewsPage, site_tree["news"], data)
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    assert page.title == "Fair work week"
    assert page.draft_title == "Fair work week"
    assert page.summary == "Events all week.\nEveryone welcome."
    assert re.sub(r' data-block-key="\w+"', "", page.body.raw_data[0]["value"]) == "<p>Line one\nline two</p>"
    revision = page.latest_revision
    assert revision.content["title"] == "Fair work week"
    assert "\x0b" not in json.dumps(revision.content) and "\\u000b" not in json.dumps(revision.content)

    assert feed_titles(admin_client, site_tree["news"]) == (["Fair work week"], ["Fair work week"])


def test_a_null_character_typed_in_the_admin_is_dropped_not_refused(admin_client, site_tree):
    data = page_form("Fair\x00work", date="01/06/2024", summary="A\x00B", body=streamfield([text("CD")]))
    data["slug"] = "fair-work"
    response, page = create_page(admin_client, NewsPage, site_tree["news"], data)
    assert page is not None, form_errors(response)
    page.refresh_from_db()
    assert (page.title, page.summary) == ("Fairwork", "AB")


def test_an_officers_draft_with_control_characters_is_saved_clean_and_shown(admin_client, site_tree):
    page = NewsPageFactory(parent=site_tree["news"], title="Fair work", slug="fair-work")
    data = page_form(
        "Fair\x0cwork\u2028draft",
        date="01/06/2024",
        summary="Draft\x1fsummary",
        body=streamfield([text("Draft\x01 text\x0b here")]),
    )
    data["slug"] = "fair-work"

    response = edit_page(admin_client, page, data, action=None)
    assert response.status_code == 302, form_errors(response)
    revision = Revision.page_revisions.filter(object_id=str(page.pk)).latest("created_at")
    assert revision.content["title"] == "Fair work draft"
    assert revision.content["summary"] == "Draftsummary"
    body = json.loads(revision.content["body"])[0]["value"]
    assert re.sub(r' data-block-key="\w+"', "", body) == "<p>Draft text\n here</p>"
    assert admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).status_code == 200

    revision.publish()
    page.refresh_from_db()
    assert (page.title, page.summary) == ("Fair work draft", "Draftsummary")


@pytest.mark.parametrize(("dirty", "multiline", "one_line"), kinds())
def test_text_of_each_kind_saved_on_pages_is_stored_clean(client, site_tree, dirty, multiline, one_line):
    news = NewsPageFactory(parent=site_tree["news"], title=dirty, summary=dirty, date=datetime.date(2024, 6, 1))
    event = EventPageFactory(parent=site_tree["events"], title=dirty, venue=dirty, accessibility_notes=dirty)
    news.refresh_from_db()
    event.refresh_from_db()
    assert (news.title, news.draft_title, news.summary) == (one_line, one_line, multiline)
    assert (event.title, event.venue, event.accessibility_notes) == (one_line, one_line, multiline)
    assert feed_titles(client, site_tree["news"]) == ([one_line], [one_line])
    calendar = Calendar.from_ical(client.get(event.url + "calendar.ics").content)
    assert str(calendar.walk("VEVENT")[0]["summary"]) == one_line


def test_other_content_is_stored_clean_too(site_tree):
    settings = SiteSettings.for_site(site_tree["home"].get_site())
    settings.contact_address = "1 George Street\x0bLuton\x00"
    settings.alert_message = "Closed\ttoday\x85sorry"
    settings.save()
    document = Document.objects.create(title="Annual\x0breport\ufffe", file=ContentFile(b"%PDF-1.4", "report.pdf"))
    image = HETImageFactory(title="Health\x0cFest\x1b")
    settings.refresh_from_db()
    assert (settings.contact_address, settings.alert_message) == ("1 George Street\nLuton", "Closed today sorry")
    assert Document.objects.get(pk=document.pk).title == "Annual report"
    assert HETImage.objects.get(pk=image.pk).title == "Health Fest"


def dirty_old_content(site_tree, dirty):
    """A news item, an event and a feedback comment holding `dirty` text written before it was cleaned."""
    news = NewsPageFactory(parent=site_tree["news"], title="Fair work", date=datetime.date(2024, 6, 1))
    event = EventPageFactory(
        parent=site_tree["events"],
        title="HealthFest",
        start=datetime.datetime(2030, 7, 5, 10, 0, tzinfo=LONDON),
        end=datetime.datetime(2030, 7, 5, 16, 0, tzinfo=LONDON),
    )
    page = StandardPageFactory(parent=site_tree["home"], title="Healthy homes")
    feedback = PageFeedback.objects.create(page=page, url=page.url, useful=False, comment="Out of date")
    NewsPage.objects.filter(pk=news.pk).update(title=dirty, summary=dirty)
    EventPage.objects.filter(pk=event.pk).update(title=dirty, summary=dirty, venue=dirty)
    PageFeedback.objects.filter(pk=feedback.pk).update(comment=dirty)
    return news, event


@pytest.mark.parametrize(("dirty", "multiline", "one_line"), kinds(excluding=UNSTORABLE))
def test_old_text_of_each_kind_cannot_break_any_output(client, admin_client, site_tree, dirty, multiline, one_line):
    news, event = dirty_old_content(site_tree, dirty)
    assert NewsPage.objects.get(pk=news.pk).title == dirty, "the input layer was bypassed"

    assert feed_titles(client, site_tree["news"]) == ([one_line], [one_line])
    rss = xml_tree(client.get(site_tree["news"].url + "rss/"))
    assert rss.find("channel/item/description").text == multiline

    for url in (event.url + "calendar.ics", site_tree["events"].url + "feed.ics"):
        response = client.get(url)
        assert response.status_code == 200
        # RFC 5545: no control character in a content line but the tab.
        body = response.content.decode().replace("\r\n", "")
        assert not re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f\ufffe\uffff]", body)
        component = Calendar.from_ical(response.content).walk("VEVENT")[0]
        assert (str(component["summary"]), str(component["location"])) == (one_line, one_line)
        assert str(component["description"]) == multiline

    response = client.get(news.url)
    assert response.status_code == 200
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    data = json.loads(script.group(1))
    # The headline is cut to Google's 110 characters first.
    assert (data["headline"], data["description"]) == (clean_text(dirty[:110]), multiline)

    assert csv_rows(admin_client.get("/admin/page_feedback/?export=csv"))[1][3] == multiline
    assert xlsx_rows(admin_client.get("/admin/page_feedback/?export=xlsx"))[1][3].value == multiline


def test_ordinary_unicode_is_kept_in_feeds_and_calendars(client, site_tree):
    title = " ".join(KEPT)
    NewsPageFactory(parent=site_tree["news"], title=title, date=datetime.date(2024, 6, 1))
    event = EventPageFactory(parent=site_tree["events"], title=title)
    assert feed_titles(client, site_tree["news"]) == ([title], [title])
    calendar = Calendar.from_ical(client.get(event.url + "calendar.ics").content)
    assert str(calendar.walk("VEVENT")[0]["summary"]) == title


# Feedback: from the public form in, to the officers' spreadsheets out.


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(parent=site_tree["home"], title="Healthy homes")


def send_feedback(client, page, comment):
    same_site = {"HTTP_ORIGIN": "http://testserver"}
    answered = client.post("/feedback/", {"page": page.pk, "useful": "no"}, **same_site)
    token = parse_qs(urlsplit(answered["Location"]).query)["feedback"][0]
    return client.post("/feedback/", {"page": page.pk, "token": token, "comment": comment}, **same_site)


@pytest.mark.parametrize(("dirty", "multiline", "one_line"), kinds(excluding=UNSENDABLE))
def test_a_visitors_feedback_comment_of_each_kind_is_kept_clean(client, page, dirty, multiline, one_line):
    response = send_feedback(client, page, dirty)
    assert response.status_code == 302
    assert PageFeedback.objects.get().comment == multiline


def test_a_visitors_ordinary_feedback_comment_is_kept_exactly(client, page):
    comment = "\n".join(KEPT)
    assert send_feedback(client, page, comment).status_code == 302
    assert PageFeedback.objects.get().comment == comment


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows()]


FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1"]


@pytest.mark.parametrize("comment", FORMULAS)
def test_feedback_exports_are_data_never_formulas(admin_client, page, comment):
    PageFeedback.objects.create(page=page, url=page.url, useful=False, comment=comment)
    rows = csv_rows(admin_client.get("/admin/page_feedback/?export=csv"))
    assert rows[1][3] == "'" + comment
    cell = xlsx_rows(admin_client.get("/admin/page_feedback/?export=xlsx"))[1][3]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (comment, "s", True)


def test_ordinary_text_exports_exactly(admin_client, page):
    comment = " ".join(KEPT) + "\nSecond line"
    PageFeedback.objects.create(page=page, url=page.url, useful=True, comment=comment)
    assert csv_rows(admin_client.get("/admin/page_feedback/?export=csv"))[1][3] == comment
    cell = xlsx_rows(admin_client.get("/admin/page_feedback/?export=xlsx"))[1][3]
    assert (cell.value, cell.quotePrefix) == (comment, False)


def test_wagtail_report_exports_are_protected_too(admin_client, site_tree):
    page = StandardPageFactory(parent=site_tree["home"], title="Healthy homes")
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(title="=cmd|' /C calc'!A0\x0b")
    url = reverse("wagtailadmin_reports:aging_pages")
    titles = [row[0] for row in csv_rows(admin_client.get(url + "?export=csv"))]
    assert "'=cmd|' /C calc'!A0\n" in titles
    titles = [row[0].value for row in xlsx_rows(admin_client.get(url + "?export=xlsx"))]
    assert "=cmd|' /C calc'!A0\n" in titles


def test_case_study_form_text_is_stored_clean_on_the_submission_and_its_draft_page(
    client, case_study_site, django_capture_on_commit_callbacks
):
    site = case_study_site
    data = valid_data(
        site,
        title="Welfare\x0bsupport\x00 for all",
        summary="We helped.\u2028A lot.",
        what_they_did="Drop-ins\x01 weekly.\r\n\r\nForms\x0cfilled.",
        organisation_name="Noah\x85Enterprise\ufffe",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    submission = CaseStudySubmission.objects.get()
    assert submission.title == "Welfare support for all"
    assert submission.summary == "We helped.\nA lot."
    assert submission.what_they_did == "Drop-ins weekly.\n\nForms\nfilled."
    assert submission.organisation_name == "Noah Enterprise"
    page = submission.page.specific
    assert (page.title, page.partner_organisation) == ("Welfare support for all", "Noah Enterprise")
    assert page.body.raw_data[0]["value"] == "<p>Drop-ins weekly.</p><p>Forms<br/>filled.</p>"
    assert mail.outbox, "the notice and the acknowledgement are sent"


def test_email_subjects_are_one_line(client, case_study_site, django_capture_on_commit_callbacks):
    site = case_study_site
    client.post(SUBMIT_URL, valid_data(site))
    submission = CaseStudySubmission.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        template = "case_studies/emails/acknowledgement.txt"
        sent = send_email(submission, "Test", "About\nFair\x0bwork\x01", template, "a@example.org", {})
    assert sent is True
    assert mail.outbox[-1].subject == "About Fair work"
