"""Invented content in bulk, for the benchmark (scripts/bench.py) and the query budget and page weight tests.

Built with the project's factories (pages/factories.py and each content app's factories.py), which need the test
tools, factory_boy and wagtail-factories. The organisations and stories are invented: `load_synthetic_content`
refuses to add them to a site that has pages unless told to (see its --help).
"""

import datetime
import io
import logging
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import update_reference_index_on_save

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import HETImage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pages.models import HomePage, PolicyObjectivePage, PriorityPage, SubgroupPage
from seed.loader import welcome_pages
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, SocialLink

SEARCH_BATCH_SIZE = 200
IMAGE_COUNT = 6

OBJECTIVES = [
    "Give every child the best start in life",
    "Enable all children, young people and adults to maximise their capabilities and have control over their lives",
    "Create fair employment and good work for all",
    "Ensure a healthy standard of living for all",
    "Create and develop healthy and sustainable places and communities",
    "Strengthen the role and impact of ill health prevention",
    "Tackle racism, discrimination and their outcomes",
    "Pursue environmental sustainability and health equity together",
]
PRIORITIES = [
    "Reducing poverty",
    "Children and young people",
    "A healthy, fair and sustainable economy",
    "Homes and places",
    "Safe and connected communities",
]
SUBGROUPS = ["Best start in life", "Work and skills", "Housing and health", "Food and physical activity"]
PLACES = [
    "Marsh Farm",
    "Lewsey",
    "Farley Hill",
    "Bury Park",
    "High Town",
    "Stopsley",
    "Dallow",
    "Biscot",
    "Round Green",
    "Sundon Park",
    "Wigmore",
    "Leagrave",
]
ACTIVITIES = [
    "free blood pressure checks",
    "a community walking group",
    "cooking on a budget sessions",
    "a warm space for winter",
    "benefits advice drop-ins",
    "a youth mentoring scheme",
    "family hub play sessions",
    "English conversation classes",
    "a men's mental health peer group",
    "stop smoking clinics",
    "a community food pantry",
    "home energy advice visits",
]
PARTNERS = [
    "Farley Hill Community Kitchen",
    "Bury Park Youth Network",
    "Lewsey Family Support Trust",
    "Marsh Farm Residents' Forum",
    "High Town Advice Centre",
    "Stopsley Walking for Health",
    "Dallow Women's Wellbeing Group",
    "Round Green Allotment Society",
]
VENUES = [
    ("Venue 360", "Venue 360, Butterfield Business Park, Luton LU2 8DL"),
    ("Luton Central Library", "Luton Central Library, St George's Square, Luton LU1 2NG"),
    ("Town Hall", "Luton Town Hall, George Street, Luton LU1 2BQ"),
    ("Marsh Farm Futures", "Futures House, The Moakes, Luton LU3 3QB"),
]
COLOURS = [(0, 94, 165), (0, 112, 60), (212, 53, 28), (82, 40, 132), (244, 119, 56), (40, 161, 151)]
DOCUMENTS = [
    ("Healthy life expectancy by ward", "healthy-life-expectancy.csv", "ward,years\nMarsh Farm,57\nStopsley,66\n"),
    ("Health Equity Town annual summary", "annual-summary.txt", "What the Health Equity Town did this year.\n"),
]
STORY_MODELS = (NewsPage, EventPage, CaseStudyPage)


def pages_besides_welcome():
    """The pages below the tree's root other than Wagtail's welcome page: a site with none is empty."""
    root = Page.get_first_root_node()
    return Page.objects.descendant_of(root).exclude(pk__in=welcome_pages().values("pk"))


def paragraph(place, activity):
    return (
        f"<p>Residents in {place} can now take part in {activity}. The sessions are free, open to everyone and run "
        "by local people who know the area well. Nobody needs to book the first time.</p>"
        "<p>The work is part of Luton's commitment as a Marmot Town to close the gap in healthy life expectancy "
        f"between neighbourhoods. People from {place} told us what would help, and this is one of the answers.</p>"
    )


def image_file(index):
    """An abstract 1600x900 JPEG in the council's colours, made on the spot so nothing is downloaded."""
    width, height = 1600, 900
    accent = COLOURS[(index + 2) % len(COLOURS)]
    picture = Image.new("RGB", (width, height), COLOURS[index % len(COLOURS)])
    draw = ImageDraw.Draw(picture)
    for step in range(12):
        radius = 60 + 25 * step
        x, y = (150 * step + 90 * index) % width, (70 * step * (index + 1)) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=accent, width=18)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"synthetic-{index}.jpg")


@contextmanager
def indexing_deferred():
    """Skip the per-page search and reference index updates for the story pages, and Wagtail's "Page created" log
    line for each; the search index is filled in bulk afterwards (index_in_bulk), and
    `manage.py rebuild_references_index` fills the admin's usage counts if they are ever needed."""
    wagtail_log = logging.getLogger("wagtail")
    log_level = wagtail_log.level
    wagtail_log.setLevel(max(log_level, logging.WARNING))
    for model in STORY_MODELS:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(update_reference_index_on_save, sender=model)
    try:
        yield
    finally:
        wagtail_log.setLevel(log_level)
        for model in STORY_MODELS:
            post_save.connect(post_save_signal_handler, sender=model)
            if model in ReferenceIndex.tracked_models:
                post_save.connect(update_reference_index_on_save, sender=model)


def index_in_bulk(pages_by_model):
    for backend in get_search_backends():
        for model, pages in pages_by_model.items():
            for start in range(0, len(pages), SEARCH_BATCH_SIZE):
                backend.add_bulk(model, pages[start : start + SEARCH_BATCH_SIZE])


class SyntheticSite:
    """Builds the invented site with the factories module `f` (an object with the project's factory classes)."""

    def __init__(self, f):
        self.f = f

    def build(self):
        """A whole invented site on an empty database: home page, sections, topics, standard pages, images,
        documents, settings and menus. Returns the three story indexes, as existing() does."""
        self.images = self.make_images()
        self.documents = self.make_documents()
        home = self.f.HomePageFactory.as_site_root(
            summary="How Luton is working to give everyone a fair and just chance to be healthy.",
            intro=paragraph("every part of Luton", "the work of the Health Equity Town"),
            listing_image=self.images[0],
        )
        sections = {
            key: factory(parent=home, title=title, slug=slug, summary=f"{title} in Luton's Health Equity Town.")
            for key, factory, title, slug in [
                ("objectives", self.f.PolicyObjectiveIndexPageFactory, "Marmot policy objectives", "policy-objectives"),
                ("priorities", self.f.PriorityIndexPageFactory, "Luton 2040 priorities", "priorities"),
                ("subgroups", self.f.SubgroupIndexPageFactory, "Driving change", "driving-change"),
                ("news", self.f.NewsIndexPageFactory, "News", "news"),
                ("events", self.f.EventIndexPageFactory, "What's on", "events"),
                ("case_studies", self.f.CaseStudyIndexPageFactory, "Case studies", "case-studies"),
            ]
        }
        for factory, parent, titles in [
            (self.f.PolicyObjectivePageFactory, sections["objectives"], OBJECTIVES),
            (self.f.PriorityPageFactory, sections["priorities"], PRIORITIES),
            (self.f.SubgroupPageFactory, sections["subgroups"], SUBGROUPS),
        ]:
            for index, title in enumerate(titles):
                factory(
                    parent=parent,
                    title=title,
                    slug=slugify(title)[:50],
                    summary=f"What '{title.lower()}' means for people in Luton, and what is being done.",
                    listing_image=self.images[index % len(self.images)],
                    body=[{"type": "text", "value": paragraph(PLACES[index], ACTIVITIES[index])}],
                )
        about = self.standard_page(home, "About the Health Equity Town", 0, documents=True)
        for index, title in enumerate(["Our partners", "The Marmot review"], start=1):
            self.standard_page(about, title, index)
        key_pages = [
            self.standard_page(home, title, index)
            for index, title in enumerate(["Contact us", "Accessibility statement", "Privacy notice"], start=3)
        ]
        self.fill_settings(Site.objects.get(root_page=home), sections, key_pages)
        return self.existing()

    def fill_settings(self, site, sections, key_pages):
        contact, accessibility, privacy = key_pages
        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "contact_email": "health.equity@luton.gov.uk",
                "contact_phone": "01582 546000",
                "contact_address": "Public Health, Luton Council\nTown Hall\nLuton LU1 2BQ",
                "contact_page": contact,
                "accessibility_page": accessibility,
                "privacy_page": privacy,
            },
        )
        navigation, _ = NavigationSettings.objects.get_or_create(site=site)
        menu = [sections[key] for key in ("objectives", "priorities", "subgroups", "news", "events", "case_studies")]
        MainMenuItem.objects.bulk_create(
            MainMenuItem(setting=navigation, sort_order=order, page=page) for order, page in enumerate(menu)
        )
        footer = [FooterLink(setting=navigation, sort_order=order, page=page) for order, page in enumerate(key_pages)]
        footer.append(
            FooterLink(setting=navigation, sort_order=3, url="https://www.luton.gov.uk/", label="Luton Council website")
        )
        FooterLink.objects.bulk_create(footer)
        SocialLink.objects.bulk_create(
            [
                SocialLink(setting=navigation, sort_order=0, service="Facebook", url="https://www.facebook.com/"),
                SocialLink(setting=navigation, sort_order=1, service="LinkedIn", url="https://www.linkedin.com/"),
            ]
        )

    def existing(self):
        """The story indexes of the site as it is, e.g. {"news": <NewsIndexPage>, ...}; images and documents are
        reused if there are any. Raises LookupError naming the index page the site lacks."""
        if not hasattr(self, "images"):
            self.images = list(HETImage.objects.order_by("pk")[:IMAGE_COUNT]) or self.make_images()
        if not hasattr(self, "documents"):
            self.documents = list(get_document_model().objects.order_by("pk")[:2]) or self.make_documents()
        self.topics = {
            "policy_objectives": list(PolicyObjectivePage.objects.order_by("path")),
            "priorities": list(PriorityPage.objects.order_by("path")),
            "subgroups": list(SubgroupPage.objects.order_by("path")),
        }
        indexes = {}
        for key, model in [("news", NewsIndexPage), ("events", EventIndexPage), ("case_studies", CaseStudyIndexPage)]:
            indexes[key] = model.objects.first()
            if indexes[key] is None:
                raise LookupError(f"the site has no {model._meta.verbose_name}")
        if not HomePage.objects.exists():
            raise LookupError("the site has no home page")
        return indexes

    def make_images(self):
        images = []
        for index in range(IMAGE_COUNT):
            image = self.f.HETImageFactory(
                title=f"{ACTIVITIES[index].capitalize()} in {PLACES[index]}",
                description=f"An illustration in Luton Council colours for {ACTIVITIES[index]} in {PLACES[index]}.",
                file=image_file(index),
            )
            image._set_image_file_metadata()
            image.save()
            images.append(image)
        return images

    def make_documents(self):
        documents = []
        for title, name, text in DOCUMENTS:
            document = self.f.DocumentFactory(title=title, file=ContentFile(text.encode(), name=name))
            document._set_document_file_metadata()
            document.save()
            documents.append(document)
        return documents

    def standard_page(self, parent, title, index, documents=False):
        body = [
            {"type": "heading", "value": {"text": "What we do", "level": "h2"}},
            {"type": "text", "value": paragraph(PLACES[index], ACTIVITIES[index])},
            {"type": "image", "value": {"image": self.images[index % len(self.images)].pk, "caption": title}},
        ]
        if documents:
            body.append(
                {"type": "documents", "value": {"heading": "Downloads", "documents": [d.pk for d in self.documents]}}
            )
        return self.f.StandardPageFactory(
            parent=parent, title=title, summary=f"{title}: Luton's Health Equity Town.", body=body
        )

    # The stories, many at a time

    def add_stories(self, indexes, count):
        """Add `count` news items, events and case studies under the indexes; returns the pages by model."""
        with indexing_deferred():
            added = {
                NewsPage: self.add_many(indexes["news"], count, self.news_item),
                EventPage: self.add_many(indexes["events"], count, self.event),
                CaseStudyPage: self.add_many(indexes["case_studies"], count, self.case_study),
            }
        index_in_bulk(added)
        return added

    def add_many(self, parent, count, build):
        first = parent.get_children().count()
        pages = [build(parent, n) for n in range(first, first + count)]
        self.link_topics(pages, first)
        return pages

    def link_topics(self, pages, first):
        """Link the n-th story to two topics of each kind, in one insert per kind: given to the factory instead,
        each page's topics would be saved with several queries per field."""
        for field_name, topics in self.topics.items():
            if not pages or not topics:
                continue
            model_field = type(pages[0])._meta.get_field(field_name)
            through = model_field.remote_field.through
            links = []
            for n, page in enumerate(pages, start=first):
                for topic in {topics[n % len(topics)], topics[(n * 7 + 3) % len(topics)]}:
                    links.append(
                        through(**{model_field.m2m_field_name(): page, model_field.m2m_reverse_field_name(): topic})
                    )
            through.objects.bulk_create(links)

    def common(self, n, kind):
        place, activity = PLACES[n % len(PLACES)], ACTIVITIES[(n // len(PLACES)) % len(ACTIVITIES)]
        published = timezone.now() - datetime.timedelta(hours=6 * n + 1)
        fields = {
            "slug": f"{slugify(activity)}-{slugify(place)}-{kind}-{n}",
            "summary": f"{activity.capitalize()} for people in {place}, and how to join in.",
            "listing_image": self.images[n % len(self.images)],
            "first_published_at": published,
            "last_published_at": published,
        }
        return place, activity, fields

    def story_body(self, n, place, activity, documents):
        body = [
            {"type": "text", "value": paragraph(place, activity)},
            {"type": "image", "value": {"image": self.images[(n + 1) % len(self.images)].pk, "caption": place}},
            {
                "type": "quote",
                "value": {"quote": "It made a real difference to our family.", "attribution": "Resident"},
            },
        ]
        if documents:
            body.append(
                {
                    "type": "documents",
                    "value": {"heading": "Find out more", "documents": [d.pk for d in self.documents]},
                }
            )
        return body

    def news_item(self, parent, n):
        place, activity, fields = self.common(n, "news")
        return self.f.NewsPageFactory(
            parent=parent,
            title=f"{activity.capitalize()} in {place}",
            date=fields["first_published_at"].date(),
            body=self.story_body(n, place, activity, documents=True),
            **fields,
        )

    def event(self, parent, n):
        place, activity, fields = self.common(n, "event")
        # Alternately to come and past, a few hours apart, so both listings fill up at every scale.
        hours = 5 * (n + 1) if n % 2 == 0 else -5 * (n + 1)
        start = (timezone.now() + datetime.timedelta(hours=hours)).replace(minute=0, second=0, microsecond=0)
        venue, address = VENUES[n % len(VENUES)]
        return self.f.EventPageFactory(
            parent=parent,
            title=f"{activity.capitalize()}: {place}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue=venue,
            address=address,
            booking_url="https://www.eventbrite.co.uk/",
            cost="Free",
            step_free_access=n % 2 == 0,
            hearing_loop=n % 3 == 0,
            body=[
                {"type": "text", "value": paragraph(place, activity)},
                {
                    "type": "accordion",
                    "value": {
                        "heading": "Agenda",
                        "sections": [
                            {"title": "Welcome and introductions", "content": "<p>Tea and coffee from 9:30am.</p>"},
                            {"title": "What we have learned", "content": f"<p>People from {place} share stories.</p>"},
                        ],
                    },
                },
                {"type": "key_facts", "value": {"heading": "", "facts": [{"figure": "80+", "label": "places"}]}},
            ],
            **fields,
        )

    def case_study(self, parent, n):
        place, activity, fields = self.common(n, "case-study")
        return self.f.CaseStudyPageFactory(
            parent=parent,
            title=f"How {PARTNERS[n % len(PARTNERS)]} ran {activity}",
            partner_organisation=PARTNERS[n % len(PARTNERS)],
            body=self.story_body(n, place, activity, documents=False),
            outcomes=f"<p>{40 + n % 60} people from {place} took part in the first three months.</p>",
            **fields,
        )
