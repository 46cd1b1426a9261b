"""Fill the site with a large, realistic-looking set of made-up content, for the benchmark and the query budget tests.

    manage.py load_synthetic_content --scale 1000

adds 1000 news items, 1000 events (half of them past) and 1000 case studies, each with a listing image, a body with
text and pictures, and links to the policy objectives, priorities and subgroups. On an empty database it first builds
the home page, every section, the topic pages, standard pages, images, documents, site settings and menus.
The organisations and stories are invented; never run this on the real site.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import update_reference_index_on_save

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import HETImage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pages.models import (
    HomePage,
    PolicyObjectiveIndexPage,
    PolicyObjectivePage,
    PriorityIndexPage,
    PriorityPage,
    StandardPage,
    SubgroupIndexPage,
    SubgroupPage,
)
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, SocialLink

BATCH_SIZE = 200

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


def paragraph(place, activity):
    return (
        f"<p>Residents in {place} can now take part in {activity}. The sessions are free, open to everyone and run "
        "by local people who know the area well. Nobody needs to book the first time.</p>"
        "<p>The work is part of Luton's commitment as a Marmot Town to close the gap in healthy life expectancy "
        f"between neighbourhoods. People from {place} told us what would help, and this is one of the answers.</p>"
    )


def make_image_file(index):
    """An abstract picture in the council's colours, made on the spot so the command needs no downloads."""
    width, height = 1600, 900
    background = COLOURS[index % len(COLOURS)]
    accent = COLOURS[(index + 2) % len(COLOURS)]
    picture = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    for step in range(12):
        radius = 60 + 25 * step
        x, y = (150 * step + 90 * index) % width, (70 * step * (index + 1)) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=accent, width=18)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"synthetic-{index}.jpg")


class Command(BaseCommand):
    help = "Adds N news items, N events and N case studies of invented content (and the site around them)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100, help="How many of each to add (default 100).")

    def handle(self, *args, scale, **options):
        if scale < 0:
            raise CommandError("--scale must be 0 or more.")
        with transaction.atomic():
            site = self.build_site()
        indexed_models = (NewsPage, EventPage, CaseStudyPage)
        # The search index is filled in bulk at the end rather than a page at a time; the admin's reference index
        # ("usage" counts) is skipped: `manage.py rebuild_references_index` fills it if it is ever needed.
        for model in indexed_models:
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.disconnect(update_reference_index_on_save, sender=model)
        try:
            created = {
                NewsPage: self.add_many(site["news"], scale, self.news_page),
                EventPage: self.add_many(site["events"], scale, self.event_page),
                CaseStudyPage: self.add_many(site["case_studies"], scale, self.case_study_page),
            }
        finally:
            for model in indexed_models:
                post_save.connect(post_save_signal_handler, sender=model)
                if model in ReferenceIndex.tracked_models:
                    post_save.connect(update_reference_index_on_save, sender=model)
        for backend in get_search_backends():
            for model, pages in created.items():
                for start in range(0, len(pages), BATCH_SIZE):
                    backend.add_bulk(model, pages[start : start + BATCH_SIZE])
        if connection.vendor == "postgresql":
            # Fresh planner statistics: until autovacuum gets round to it, PostgreSQL plans for near-empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"Added {scale} news items, {scale} events and {scale} case studies.")

    # The site around the content

    def build_site(self):
        home = HomePage.objects.first()
        if home is not None:
            return self.existing_site(home)
        self.images = self.make_images()
        self.documents = self.make_documents()
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        for page in root.get_children():
            if site and site.root_page_id == page.pk:
                site.root_page = root
                site.save()
            page.delete()
        root = Page.objects.get(pk=root.pk)
        home = root.add_child(
            instance=HomePage(
                title="Luton's Health Equity Town",
                slug="home",
                summary="How Luton is working to give everyone a fair and just chance to be healthy.",
                intro=paragraph("every part of Luton", "the work of the Health Equity Town"),
                listing_image=self.images[0],
            )
        )
        if site:
            site.root_page = home
            site.save()
        else:
            site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="HET")

        sections = {
            "objectives": (PolicyObjectiveIndexPage, "Marmot policy objectives", "policy-objectives"),
            "priorities": (PriorityIndexPage, "Luton 2040 priorities", "priorities"),
            "subgroups": (SubgroupIndexPage, "Driving change", "driving-change"),
            "news": (NewsIndexPage, "News", "news"),
            "events": (EventIndexPage, "What's on", "events"),
            "case_studies": (CaseStudyIndexPage, "Case studies", "case-studies"),
        }
        built = {"home": home}
        for key, (model, title, slug) in sections.items():
            built[key] = home.add_child(
                instance=model(title=title, slug=slug, summary=f"{title} in Luton's Health Equity Town.")
            )
        for model, parent, titles in (
            (PolicyObjectivePage, built["objectives"], OBJECTIVES),
            (PriorityPage, built["priorities"], PRIORITIES),
            (SubgroupPage, built["subgroups"], SUBGROUPS),
        ):
            for index, title in enumerate(titles):
                parent.add_child(
                    instance=model(
                        title=title,
                        slug=slugify(title)[:50],
                        summary=f"What '{title.lower()}' means for people in Luton, and what is being done.",
                        listing_image=self.images[index % len(self.images)],
                        body=[{"type": "text", "value": paragraph(PLACES[index], ACTIVITIES[index])}],
                    )
                )
        key_pages = {}
        about = home.add_child(instance=self.standard_page("About the Health Equity Town", 0, documents=True))
        for index, title in enumerate(["Our partners", "The Marmot review"], start=1):
            about.add_child(instance=self.standard_page(title, index))
        for index, title in enumerate(["Contact us", "Accessibility statement", "Privacy notice"], start=3):
            key_pages[title] = home.add_child(instance=self.standard_page(title, index))

        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "contact_email": "health.equity@luton.gov.uk",
                "contact_phone": "01582 546000",
                "contact_address": "Public Health, Luton Council\nTown Hall\nLuton LU1 2BQ",
                "contact_page": key_pages["Contact us"],
                "accessibility_page": key_pages["Accessibility statement"],
                "privacy_page": key_pages["Privacy notice"],
            },
        )
        navigation, _ = NavigationSettings.objects.get_or_create(site=site)
        menu = [built[key] for key in ("objectives", "priorities", "subgroups", "news", "events", "case_studies")]
        MainMenuItem.objects.bulk_create(
            MainMenuItem(setting=navigation, sort_order=order, page=page) for order, page in enumerate(menu)
        )
        FooterLink.objects.bulk_create(
            [
                *(
                    FooterLink(setting=navigation, sort_order=order, page=page)
                    for order, page in enumerate(key_pages.values())
                ),
                FooterLink(
                    setting=navigation, sort_order=3, url="https://www.luton.gov.uk/", label="Luton Council website"
                ),
            ]
        )
        SocialLink.objects.bulk_create(
            [
                SocialLink(setting=navigation, sort_order=0, service="Facebook", url="https://www.facebook.com/"),
                SocialLink(setting=navigation, sort_order=1, service="LinkedIn", url="https://www.linkedin.com/"),
            ]
        )
        return self.existing_site(home)

    def existing_site(self, home):
        if not hasattr(self, "images"):
            self.images = list(HETImage.objects.order_by("pk")[:6]) or self.make_images()
        if not hasattr(self, "documents"):
            self.documents = list(get_document_model().objects.order_by("pk")[:2]) or self.make_documents()
        self.topics = {
            "policy_objectives": list(PolicyObjectivePage.objects.order_by("path")),
            "priorities": list(PriorityPage.objects.order_by("path")),
            "subgroups": list(SubgroupPage.objects.order_by("path")),
        }
        return {
            "home": home,
            "news": NewsIndexPage.objects.get(),
            "events": EventIndexPage.objects.get(),
            "case_studies": CaseStudyIndexPage.objects.get(),
        }

    def make_images(self):
        images = []
        for index in range(6):
            image = HETImage(
                title=f"{ACTIVITIES[index].capitalize()} in {PLACES[index]}",
                description=f"An illustration in Luton Council colours for {ACTIVITIES[index]} in {PLACES[index]}.",
                file=make_image_file(index),
            )
            image._set_image_file_metadata()
            image.save()
            images.append(image)
        return images

    def make_documents(self):
        Document = get_document_model()
        files = [
            (
                "Healthy life expectancy by ward",
                "healthy-life-expectancy.csv",
                "ward,years\nMarsh Farm,57\nStopsley,66\n",
            ),
            ("Health Equity Town annual summary", "annual-summary.txt", "What the Health Equity Town did this year.\n"),
        ]
        documents = []
        for title, name, text in files:
            document = Document(title=title, file=ContentFile(text.encode(), name=name))
            document._set_document_file_metadata()
            document.save()
            documents.append(document)
        return documents

    def standard_page(self, title, index, documents=False):
        body = [
            {"type": "heading", "value": {"text": "What we do", "level": "h2"}},
            {"type": "text", "value": paragraph(PLACES[index], ACTIVITIES[index])},
            {"type": "image", "value": {"image": self.images[index % len(self.images)].pk, "caption": title}},
        ]
        if documents:
            body.append(
                {"type": "documents", "value": {"heading": "Downloads", "documents": [d.pk for d in self.documents]}}
            )
        return StandardPage(
            title=title, slug=slugify(title), summary=f"{title}: Luton's Health Equity Town.", body=body
        )

    # The content, many at a time

    def add_many(self, parent, count, build):
        """Add `count` pages under `parent`, a batch per transaction, then link them to topics in bulk inserts.

        Treebeard's add_child() looks up the last child and re-validates the slug against every sibling for each
        page; here the paths are numbered on from the last child once, and the parent's child count updated once
        per batch. The tests check the tree afterwards with treebeard's own find_problems().
        """
        parent = Page.objects.get(pk=parent.pk)
        last_child = parent.get_last_child()
        step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
        first = parent.numchild
        locale = Locale.get_default()
        pages = []
        for start in range(0, count, BATCH_SIZE):
            batch = []
            with transaction.atomic():
                for n in range(first + start, first + min(start + BATCH_SIZE, count)):
                    step += 1
                    page = build(n)
                    page.depth, page.path, page.numchild = (
                        parent.depth + 1,
                        Page._get_path(parent.path, parent.depth + 1, step),
                        0,
                    )
                    page.draft_title, page.locale, page._cached_parent_obj = page.title, locale, parent
                    page.save(clean=False)
                    batch.append(page)
                Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(batch))
                self.link_topics(batch, first + start)
            pages.extend(batch)
        return pages

    def link_topics(self, pages, first):
        for field_name, topics in self.topics.items():
            if not topics:
                continue
            field = type(pages[0])._meta.get_field(field_name)
            through = field.remote_field.through
            links = []
            for offset, page in enumerate(pages):
                n = first + offset
                chosen = {topics[n % len(topics)], topics[(n * 7 + 3) % len(topics)]}
                links.extend(
                    through(**{field.m2m_field_name(): page, field.m2m_reverse_field_name(): topic}) for topic in chosen
                )
            through.objects.bulk_create(links)

    def common(self, n, kind):
        place, activity = PLACES[n % len(PLACES)], ACTIVITIES[(n // len(PLACES)) % len(ACTIVITIES)]
        published = timezone.now() - datetime.timedelta(hours=6 * n + 1)
        return (
            place,
            activity,
            {
                "slug": f"{slugify(activity)}-{slugify(place)}-{kind}-{n}",
                "summary": f"{activity.capitalize()} for people in {place}, and how to join in.",
                "listing_image": self.images[n % len(self.images)],
                "first_published_at": published,
                "last_published_at": published,
            },
        )

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

    def news_page(self, n):
        place, activity, fields = self.common(n, "news")
        return NewsPage(
            title=f"{activity.capitalize()} in {place}",
            date=fields["first_published_at"].date(),
            body=self.story_body(n, place, activity, documents=True),
            **fields,
        )

    def event_page(self, n):
        place, activity, fields = self.common(n, "event")
        # Alternately to come and past, a few hours apart, so both listings fill up at every scale.
        hours = 5 * (n + 1) if n % 2 == 0 else -5 * (n + 1)
        start = (timezone.now() + datetime.timedelta(hours=hours)).replace(minute=0, second=0, microsecond=0)
        venue, address = VENUES[n % len(VENUES)]
        return EventPage(
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

    def case_study_page(self, n):
        place, activity, fields = self.common(n, "case-study")
        return CaseStudyPage(
            title=f"How {PARTNERS[n % len(PARTNERS)]} ran {activity}",
            partner_organisation=PARTNERS[n % len(PARTNERS)],
            body=self.story_body(n, place, activity, documents=False),
            outcomes=f"<p>{40 + n % 60} people from {place} took part in the first three months.</p>",
            **fields,
        )
