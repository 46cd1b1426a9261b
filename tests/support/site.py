"""The one way tests make a site: the home page with every section's index page, optionally with content.

Unit tests get it through the `site_tree` fixture (tests/conftest.py); browser tests, whose live server empties
the database between tests, call `build_site` the same way. `load_het_site` loads the real content instead.
"""

from io import StringIO

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from case_studies.models import CaseStudyIndexPage
from case_studies.views import CONFIRMATION_SALT
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage, EventPage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage
from pages.factories import (
    HomePageFactory,
    PolicyObjectiveIndexPageFactory,
    PolicyObjectivePageFactory,
    PriorityIndexPageFactory,
    PriorityPageFactory,
    StandardPageFactory,
    SubgroupIndexPageFactory,
    SubgroupPageFactory,
)

# Each section of the site: its key in a SiteTree, its index page's factory and slug, and the factory of the
# pages it holds. The slugs are the real site's.
SECTIONS = {
    "objectives": (PolicyObjectiveIndexPageFactory, "policy-objectives", PolicyObjectivePageFactory),
    "priorities": (PriorityIndexPageFactory, "priorities", PriorityPageFactory),
    "subgroups": (SubgroupIndexPageFactory, "driving-change", SubgroupPageFactory),
    "news": (NewsIndexPageFactory, "news", NewsPageFactory),
    "events": (EventIndexPageFactory, "events", EventPageFactory),
    "case_studies": (CaseStudyIndexPageFactory, "case-studies", CaseStudyPageFactory),
}


class SiteTree(dict):
    """`"home"` and each key of SECTIONS -> that page; `content[key]` lists the pages made in each section
    (and `content["standard"]` the standard pages under the home page), empty unless `build_site` was given items.
    """

    content: dict


def ensure_tree_root():
    """The locale and root page Wagtail's migrations made; live-server tests empty every table afterwards."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


def build_site(items=0, home=None):
    """Makes every section's index page under `home` (by default a new home page as the default site's root),
    each with `items` pages of its own, and `items` standard pages under the home page. Returns the SiteTree."""
    ensure_tree_root()
    home = home or HomePageFactory.as_site_root()
    tree = SiteTree(home=home)
    tree.content = {"standard": [StandardPageFactory(parent=home) for _ in range(items)]}
    for key, (index_factory, slug, item_factory) in SECTIONS.items():
        tree[key] = index_factory(parent=home, slug=slug)
        tree.content[key] = [item_factory(parent=tree[key]) for _ in range(items)]
    return tree


def load_het_site():
    """Loads the real Health Equity Town content, as `make run` does; returns what the command printed."""
    ensure_tree_root()
    out = StringIO()
    call_command("load_het_content", stdout=out)
    return out.getvalue()


def public_urls():
    """Every address a visitor, a feed reader, a calendar app or a crawler can ask for, on the loaded HET site."""
    urls = [page.url for page in Page.objects.live().public().exclude(depth=1).specific()]
    news = NewsIndexPage.objects.get()
    events = EventIndexPage.objects.get()
    topic = Page.objects.get(slug="best-start-in-life")
    urls += [news.url + "rss/", news.url + "atom/", f"{news.url}rss/?objective={topic.pk}"]
    urls += [events.url + "feed.ics", f"{events.url}feed.ics?objective={topic.pk}", events.url + "?when=past"]
    urls += [event.url + "calendar.ics" for event in EventPage.objects.live()]
    document = get_document_model().objects.create(title="Annual report", file=ContentFile(b"%PDF-1.4", "a.pdf"))
    case_studies = CaseStudyIndexPage.objects.get()
    submit = case_studies.url + case_studies.reverse_subpage("submit")
    confirmation = case_studies.url + case_studies.reverse_subpage("submitted")
    token = signing.dumps("HET-2026-123456", salt=CONFIRMATION_SALT)
    urls += [
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/search/",
        "/search/?q=health",
        "/search/?q=health&type=news&page=2",
        reverse("feedback"),
        document.url,
        submit,
        confirmation,
        f"{confirmation}?ref={token}",
        "/no-such-page/",
    ]
    return urls
