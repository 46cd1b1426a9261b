"""Read the Health Equity Town seed content from `seed/content/*.yaml` and build the site from it.

Each file holds one YAML document: a page, or the site's settings and menus. Files are read in the order of their
paths, so a page's parent (and every page it links to) comes before it. A page document looks like:

    type: NewsPage                  # the page type, as the code names it
    parent: /news/                  # the parent's path below the home page; "/" is the home page
    title: ShinyMind app
    slug: shinymind-app
    summary: ...
    body:                           # StreamField blocks, as Wagtail stores them
      - type: text
        value: |
          <p>Rich text, one paragraph or list item a line.</p>
      - type: call_to_action
        value: {text: Read about the event, page: /events/one-year-on/, url: ''}
    priorities: [population-wellbeing]   # related topics, by slug

In a multi-line text the line breaks are only layout: a break next to a <p>, <ul>, <ol> or <li> tag disappears, any
other becomes one space. Dates and times are ISO 8601 ("2023-12-14 09:30"), in UK time unless they give an offset.

`read_content(folder)` checks every document before anything is written and raises SeedContentError naming the
file and field. `SeedLoader(content).load()` builds what is missing and is safe to run again: pages are found by
slug under their parent, and a page, setting or menu that already exists is left alone, because officers may have
edited it since.

Every page made is owned by the Public Health team's account (editorial/ownership.py) and has a review date, spread over
the coming year by the page's place in the load order. A page loaded before owners and review dates were set is
given the missing ones, as a new published revision, only when that cannot disturb an officer's work: the page is
live, has no unpublished changes, is not locked, in moderation or scheduled. Other pages are reported for an officer
to set by hand.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page, Site, get_page_models

from editorial.ownership import spread_review_date, team_account
from pages.models import HomePage
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
from site_settings.site_address import parse_site_url

CONTENT_DIR = Path(__file__).resolve().parent / "content"
WELCOME_TITLE = "Welcome to your new Wagtail site!"
SUMMARY_MAX_LENGTH = 300
SITE_DOCUMENT = "Site"
SITE_PAGE_FIELDS = ("contact_page", "accessibility_page", "privacy_page")
SITE_FIELDS = ("type", "site_name", "contact_address", *SITE_PAGE_FIELDS, "main_menu", "footer_links")
MENUS = {"main_menu": MainMenuItem, "footer_links": FooterLink}
# Fields of Wagtail's own Page a seed document may set; the rest (tree position, workflow, locking) the loader owns.
PAGE_FIELDS = {"title", "slug", "seo_title", "search_description"}
# Set by the loader itself on every page it makes.
LOADER_FIELDS = {"next_review_date"}

# Line breaks next to a block tag are layout only; any other line break stands for one space.
BREAK_AT_BLOCK_TAG = re.compile(
    r"\s*\n\s*(?=</?(?:p|ul|ol|li)>)|(?:(?<=</p>)|(?<=</li>)|(?<=</ul>)|(?<=</ol>)|(?<=<ul>)|(?<=<ol>))\s*\n\s*"
)
LINE_BREAK = re.compile(r"\s*\n\s*")


class SeedContentError(Exception):
    """A seed document that cannot be loaded. The message names the file and, where there is one, the field."""

    def __init__(self, path, message, field_name=None):
        where = f"{path}, field '{field_name}'" if field_name else str(path)
        super().__init__(f"{where}: {message}")


class NoTimestampLoader(yaml.SafeLoader):
    """YAML without implicit dates, so every date reaches the loader as text and is checked in one place."""


NoTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class PageDocument:
    """One page: its model, its path below the home page ("" for the home page) and its field values.

    `fields` holds values ready for the model, except page paths (call to action buttons) and topic slugs, which
    stay as paths until the pages exist: `links` maps a topic field to the paths of the pages it names.
    """

    source: Path
    model: type
    parent: str | None
    path: str
    fields: dict
    links: dict = field(default_factory=dict)


@dataclass
class SeedContent:
    """Every page document in load order, and the site settings and menus (a dict, or None if no file sets them)."""

    pages: list
    site: dict | None = None
    site_source: Path | None = None

    def counts(self):
        """How many pages of each type the content has, by class name, e.g. {"NewsPage": 7, ...}."""
        return Counter(document.model.__name__ for document in self.pages)


def normalise_text(value):
    """A multi-line text as stored: layout line breaks removed, other line breaks made single spaces."""
    if not isinstance(value, str) or "\n" not in value:
        return value
    return LINE_BREAK.sub(" ", BREAK_AT_BLOCK_TAG.sub("", value.strip()))


def normalise(value):
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return normalise_text(value)


def as_path(value):
    """A page path as written ("/driving-change/net-zero/") as the loader keys it ("driving-change/net-zero")."""
    return value.strip().strip("/") if isinstance(value, str) else None


def parse_when(value, field_name, source, as_date):
    if isinstance(value, datetime.date):
        value = value.isoformat()
    try:
        parsed = datetime.date.fromisoformat(value) if as_date else datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        kind = "a date like 2023-12-14" if as_date else "a date and time like 2023-12-14 09:30"
        raise SeedContentError(source, f"{value!r} is not {kind}.", field_name) from None
    if not as_date and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def read_content(folder=CONTENT_DIR):
    """Read and check every `*.yaml` file under `folder` (default seed/content), in path order.

    Returns a SeedContent. Raises SeedContentError for a file that is not one YAML mapping, an unknown page type or
    field, a parent or linked page that no earlier document makes, a bad date, or a topic slug no document has.
    Nothing is written to the database.
    """
    folder = Path(folder)
    files = sorted(folder.rglob("*.yaml"), key=lambda path: path.relative_to(folder).as_posix())
    if not files:
        raise SeedContentError(folder, "there are no .yaml files in this folder.")
    page_types = {model.__name__: model for model in get_page_models() if model is not Page}
    content = SeedContent(pages=[])
    known = {}  # path below the home page -> PageDocument
    for path in files:
        source = shown_path(path)
        document = read_document(path, source)
        type_name = document.get("type")
        if type_name == SITE_DOCUMENT:
            content.site, content.site_source = read_site(document, source, known), source
            continue
        if type_name not in page_types:
            raise SeedContentError(
                source, f"{type_name!r} is not a page type; use one of {', '.join(sorted(page_types))}.", "type"
            )
        page = read_page(document, page_types[type_name], source, known)
        known[page.path] = page
        content.pages.append(page)
    if not content.pages or content.pages[0].model is not HomePage:
        raise SeedContentError(folder, "the first document must be the HomePage.")
    return content


def shown_path(path):
    """The file's path as an error shows it: from the project folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def read_document(path, source):
    try:
        documents = list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=NoTimestampLoader))  # noqa: S506
    except yaml.YAMLError as error:
        raise SeedContentError(source, f"this is not valid YAML: {error}") from None
    if len(documents) != 1 or not isinstance(documents[0], dict):
        raise SeedContentError(source, "a seed file holds exactly one YAML document, a mapping of field names.")
    return documents[0]


def read_page(document, model, source, known):
    fields = {}
    for required in ("title", "slug"):
        if not document.get(required):
            raise SeedContentError(source, "every page needs one.", required)
    parent = as_path(document.get("parent"))
    if model is HomePage:
        if "parent" in document:
            raise SeedContentError(source, "the home page has no parent.", "parent")
        path = ""
    else:
        if parent is None:
            raise SeedContentError(source, "missing: give the parent page's path, '/' for the home page.", "parent")
        if parent not in known:
            raise SeedContentError(
                source, f"no earlier document makes the page '/{parent}/' (files load in name order).", "parent"
            )
        path = f"{parent}/{document['slug']}".strip("/")
    page = PageDocument(source=source, model=model, parent=parent, path=path, fields=fields)
    for name, value in document.items():
        if name in ("type", "parent"):
            continue
        model_field = page_field(model, name, source)
        if isinstance(model_field, models.ManyToManyField):
            page.links[name] = topic_paths(model_field, name, value, source, known)
        elif isinstance(model_field, models.DateTimeField | models.DateField):
            as_date = not isinstance(model_field, models.DateTimeField)
            fields[name] = None if value is None else parse_when(value, name, source, as_date)
        elif isinstance(model_field, StreamField):
            fields[name] = read_stream(model_field, name, value, source, known)
        else:
            fields[name] = normalise(value)
    if len(fields.get("summary") or "") > SUMMARY_MAX_LENGTH:
        raise SeedContentError(source, f"longer than {SUMMARY_MAX_LENGTH} characters.", "summary")
    return page


def page_field(model, name, source):
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    from_wagtail = model_field is not None and model_field.model is Page and name not in PAGE_FIELDS
    if model_field is None or from_wagtail or name in LOADER_FIELDS or not getattr(model_field, "editable", False):
        raise SeedContentError(source, f"{model.__name__} has no field of this name.", name)
    return model_field


def topic_paths(model_field, name, slugs, source, known):
    """The paths of the pages a topic field names by slug, checked against the documents read so far."""
    if not isinstance(slugs, list):
        raise SeedContentError(source, "give a list of slugs, like [population-wellbeing].", name)
    topic_model = model_field.related_model
    by_slug = {doc.fields["slug"]: path for path, doc in known.items() if issubclass(doc.model, topic_model)}
    unknown = [slug for slug in slugs if slug not in by_slug]
    if unknown:
        raise SeedContentError(
            source,
            f"no earlier {topic_model.__name__} has the slug {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(by_slug)) or 'none'}.",
            name,
        )
    return [by_slug[slug] for slug in slugs]


def read_stream(model_field, name, blocks, source, known):
    if not isinstance(blocks, list):
        raise SeedContentError(source, "give a list of blocks, each with a type and a value.", name)
    child_blocks = model_field.stream_block.child_blocks
    for position, block in enumerate(blocks, start=1):
        if not isinstance(block, dict) or block.get("type") not in child_blocks:
            found = block.get("type") if isinstance(block, dict) else block
            raise SeedContentError(
                source,
                f"block {position} has the type {found!r}; use one of {', '.join(child_blocks)}.",
                name,
            )
        check_page_links(block.get("value"), f"{name}, block {position}", source, known)
    return normalise(blocks)


def check_page_links(value, where, source, known):
    """Every "page" in a block's value must name a page made by an earlier document."""
    if isinstance(value, dict):
        page = value.get("page")
        if isinstance(page, str) and as_path(page) not in known:
            raise SeedContentError(source, f"the page '{page}' is not made by an earlier document.", where)
        for item in value.values():
            check_page_links(item, where, source, known)
    elif isinstance(value, list):
        for item in value:
            check_page_links(item, where, source, known)


def read_site(document, source, known):
    for name in document:
        if name not in SITE_FIELDS:
            raise SeedContentError(source, f"the site document has no field of this name; use {SITE_FIELDS}.", name)
    for name in SITE_PAGE_FIELDS:
        if name in document and as_path(document[name]) not in known:
            raise SeedContentError(source, f"the page '{document[name]}' is not made by an earlier document.", name)
    for name in MENUS:
        for position, link in enumerate(document.get(name) or [], start=1):
            if not isinstance(link, dict) or set(link) != {"label", "page"}:
                raise SeedContentError(source, f"item {position} needs a label and a page, and nothing else.", name)
            if as_path(link["page"]) not in known:
                raise SeedContentError(
                    source, f"item {position}: the page '{link['page']}' is not made by an earlier document.", name
                )
    return document


def expected_counts(folder=CONTENT_DIR):
    """How many pages of each type a first load of `folder` makes, by class name: derived from the files."""
    return read_content(folder).counts()


class SeedLoader:
    """Build the site from checked SeedContent; `load()` returns a LoadReport."""

    def __init__(self, content):
        self.content = content

    def load(self):
        self.report = LoadReport()
        # Every page found or created, by its path below the home page, for links and related topics.
        self.pages = {}
        with transaction.atomic():
            self.owner = team_account()
            self.review_start = timezone.localdate()
            home_document, *documents = self.content.pages
            home = self.home_page(home_document)
            site = self.site_for(home)
            for document in documents:
                self.child(document)
            if self.content.site:
                self.fill_site_settings(site, self.content.site)
                self.fill_navigation(site, self.content.site)
        return self.report

    def home_page(self, document):
        home = HomePage.objects.first()
        if home:
            self.give_owner_and_review_date(home)
            self.pages[""] = home
            return home
        root = Page.get_first_root_node()
        # Wagtail's welcome page also has the slug "home". Free it up; the page is deleted once no site uses it.
        for welcome in welcome_pages():
            Page.objects.filter(pk=welcome.pk).update(slug=f"wagtail-welcome-{welcome.pk}")
        home = self.create(root, document)
        self.pages[""] = home
        return home

    def site_for(self, home):
        site = Site.objects.filter(root_page=home).first()
        if site:
            return site
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = parse_site_url(settings.SITE_URL)
            site = Site(hostname=hostname, port=port, is_default_site=True)
        site.root_page = home
        site.site_name = site.site_name or (self.content.site or {}).get("site_name", "")
        site.save()
        # Deleting a page deletes any site rooted at it, so this waits until the site has moved.
        for welcome in welcome_pages():
            if not Site.objects.filter(root_page=welcome).exists():
                welcome.delete()
        self.report.changed.append("the site")
        return site

    def child(self, document):
        """Find the page with the document's slug under its parent, or create and publish it."""
        parent = self.pages[document.parent]
        model = document.model
        page = parent.get_children().filter(slug=document.fields["slug"]).first()
        if page is None and model.max_count == 1:
            # An index page an officer has given another slug.
            page = model.objects.child_of(parent).first()
        if page is None:
            page = self.create(parent, document)
        else:
            page = page.specific
            if not isinstance(page, model):
                raise SeedContentError(
                    document.source, f"{page.url_path} is a {type(page).__name__}, not a {model.__name__}.", "type"
                )
            self.give_owner_and_review_date(page)
        self.pages[document.path] = page

    def review_date(self):
        # The page about to be added to self.pages is at this position in the load order.
        return spread_review_date(len(self.pages), len(self.content.pages), start=self.review_start)

    def create(self, parent, document):
        fields = {name: self.resolve_links(value) for name, value in document.fields.items()}
        topics = {name: [self.pages[path] for path in paths] for name, paths in document.links.items()}
        page = document.model(live=False, owner=self.owner, next_review_date=self.review_date(), **fields, **topics)
        validate_streams(page, document.source)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(page)
        return page

    def resolve_links(self, value):
        """Page paths in block values ("page": "/contact/") become the pages' ids."""
        if isinstance(value, dict):
            return {
                key: self.pages[as_path(item)].pk
                if key == "page" and isinstance(item, str)
                else self.resolve_links(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self.resolve_links(item) for item in value]
        return value

    def give_owner_and_review_date(self, page):
        """Give a page loaded earlier the owner and review date it lacks, if no officer's work is in the way."""
        if page.owner_id and page.next_review_date:
            return
        in_use = (
            not page.live
            or page.has_unpublished_changes
            or page.locked
            or page.workflow_in_progress
            or page.scheduled_revision is not None
        )
        if in_use:
            self.report.not_given_review.append(page)
            return
        page.owner_id = page.owner_id or self.owner.pk
        page.next_review_date = page.next_review_date or self.review_date()
        page.save_revision(log_action=True).publish()
        self.report.given_review.append(page)

    def fill_site_settings(self, site, document):
        site_settings = SiteSettings.for_site(site)
        wanted = {name: self.pages[as_path(document[name])] for name in SITE_PAGE_FIELDS if name in document}
        if "contact_address" in document:
            wanted["contact_address"] = document["contact_address"]
        empty = [name for name in wanted if not site_settings.serializable_value(name)]
        for name in empty:
            setattr(site_settings, name, wanted[name])
        if empty:
            site_settings.save()
            self.report.changed.append("the site settings")

    def fill_navigation(self, site, document):
        navigation = NavigationSettings.for_site(site)
        for name, model in MENUS.items():
            if name not in document or model.objects.filter(setting=navigation).exists():
                continue
            for order, link in enumerate(document[name]):
                model.objects.create(
                    setting=navigation, page=self.pages[as_path(link["page"])], label=link["label"], sort_order=order
                )
            self.report.changed.append(f"the {model._meta.verbose_name_plural}")


@dataclass
class LoadReport:
    """What one load did: pages created, pages given an owner and review date, pages left for an officer."""

    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    given_review: list = field(default_factory=list)
    not_given_review: list = field(default_factory=list)


def welcome_pages():
    return Page.get_first_root_node().get_children().exact_type(Page).filter(title=WELCOME_TITLE)


def validate_streams(page, source):
    """Apply the limits the editor enforces, so every page loaded can be saved again by an officer."""
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            try:
                model_field.stream_block.clean(getattr(page, model_field.name))
            except ValidationError as error:
                raise SeedContentError(source, str(error), model_field.name) from error
