"""Realistic content for the browser tests: one page of every type, with pictures, documents, settings and menus."""

import datetime

import wagtail_factories
from django.utils import timezone
from wagtail.models import Site

from case_studies.factories import CaseStudyPageFactory
from core.factories import HETImageFactory, rich_text
from events.factories import EventPageFactory
from news.factories import NewsPageFactory
from pages.factories import (
    PolicyObjectivePageFactory,
    PriorityPageFactory,
    StandardPageFactory,
    SubgroupPageFactory,
)
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, SocialLink
from tests.support.case_studies import OBJECTIVES
from tests.support.site import build_site

PRIORITIES = ["A healthy, fair and happy population", "An inclusive economy"]
# Enough news items for the listing to need a second page.
NEWS_TITLES = [
    "ShinyMind wellbeing app launched for school staff",
    "GoodGym runners help older residents",
    "Walking maps for every ward",
    "Marmot Town conference brings 80 partners together",
    "Free swimming for children in the summer holidays",
    "Family Hubs open in three neighbourhoods",
    "Cost of living support at the library",
    "Community champions trained in mental health first aid",
    "Warm spaces directory updated",
    "Healthy Start vouchers: how to apply",
    "New cycle route to the hospital",
]


def _image(title, description):
    return HETImageFactory(title=title, description=description, file__width=1200, file__height=800)


def _standard_body(documents):
    return [
        {"type": "heading", "value": {"text": "What Luton is doing", "level": "h2"}},
        {
            "type": "text",
            "value": rich_text(
                "Luton became a Marmot Town in 2021. Partners across the town are working on the "
                "<a href='https://www.instituteofhealthequity.org/'>Marmot principles</a>."
            ),
        },
        {
            "type": "key_facts",
            "value": {
                "heading": "The year in numbers",
                "facts": [
                    {"figure": "80+", "label": "partner organisations"},
                    {"figure": "130", "label": "delegates at the conference"},
                    {"figure": "8", "label": "Marmot policy objectives"},
                ],
            },
        },
        {
            "type": "accordion",
            "value": {
                "heading": "Summary of presentations",
                "sections": [
                    {"title": "Collaborative working", "content": rich_text("Working together is a must.")},
                    {"title": "Children and young people", "content": rich_text("Every child deserves a good start.")},
                ],
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Healthy life expectancy at birth, in years",
                "table": {
                    "data": [["Area", "Women", "Men"], ["Luton", "58.9", "60.1"], ["England", "63.9", "63.1"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                },
            },
        },
        {
            "type": "quote",
            "value": {"quote": "We are doing really well, and there is more to do.", "attribution": "Sally, resident"},
        },
        {"type": "documents", "value": {"heading": "Reports to download", "documents": [d.pk for d in documents]}},
    ]


def build_showcase_site():
    """Builds the site (tests/support/site.py) with realistic content in every section, the site settings and the
    menus; returns the address of one page of every type, keyed by a short name ("home", "news item", "404")."""
    now = timezone.now().replace(microsecond=0)
    site = build_site()
    home = site["home"]
    photo = _image("Conference", "Delegates listening to a talk at the Marmot Town conference")

    objective_index = site["objectives"]
    objectives = [
        PolicyObjectivePageFactory(parent=objective_index, title=title, listing_image=photo) for title in OBJECTIVES[:3]
    ]
    priority_index = site["priorities"]
    priorities = [PriorityPageFactory(parent=priority_index, title=title) for title in PRIORITIES]
    subgroup_index = site["subgroups"]
    subgroup = SubgroupPageFactory(parent=subgroup_index, title="Housing and health")

    news_index = site["news"]
    news = [
        NewsPageFactory(
            parent=news_index,
            title=title,
            date=datetime.date(2024, 6, 1) - datetime.timedelta(days=7 * n),
            listing_image=photo if n < 2 else None,
            policy_objectives=[objectives[0]],
        )
        for n, title in enumerate(NEWS_TITLES)
    ]

    event_index = site["events"]
    upcoming = EventPageFactory(
        parent=event_index,
        title="HealthFest 2040",
        summary="A free day of health checks, activities and advice for all the family.",
        start=now + datetime.timedelta(days=10),
        venue="Venue 360",
        address="Barnfield Road\nLuton LU2 9PH",
        cost="Free",
        booking_url="https://www.eventbrite.co.uk/",
        step_free_access=True,
        hearing_loop=True,
        quiet_space=True,
        accessibility_notes="Free parking next to the main entrance. Accessible toilets on every floor.",
        policy_objectives=[objectives[0]],
        priorities=[priorities[0]],
    )
    EventPageFactory(
        parent=event_index,
        title="Marmot Town conference",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=6),
        address="Town Hall\nGeorge Street\nLuton LU1 2BQ",
        british_sign_language=True,
    )

    case_study_index = site["case_studies"]
    case_study = CaseStudyPageFactory(
        parent=case_study_index,
        title="Period poverty in schools",
        partner_organisation="Noah Enterprise",
        listing_image=photo,
        policy_objectives=[objectives[0]],
        subgroups=[subgroup],
    )
    CaseStudyPageFactory(parent=case_study_index, title="Welfare advice at the foodbank", subgroups=[subgroup])

    documents = [
        wagtail_factories.DocumentFactory(title="Marmot Town annual report 2024", file__filename="report.pdf"),
        wagtail_factories.DocumentFactory(title="Conference slides", file__filename="slides.pdf"),
    ]
    activities = StandardPageFactory(parent=home, title="HET activities", body=_standard_body(documents))
    accessibility = StandardPageFactory(parent=home, title="Accessibility statement")

    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "contact_email": "publichealth@luton.gov.uk",
            "contact_phone": "01582 546000",
            "contact_address": "Public Health, Luton Council\nTown Hall\nLuton LU1 2BQ",
            "accessibility_page": accessibility,
            "alert_active": True,
            "alert_level": "warning",
            "alert_message": "HealthFest has moved to Venue 360.",
            "alert_link": "https://www.luton.gov.uk/",
        },
    )
    navigation, _ = NavigationSettings.objects.get_or_create(site=site)
    for page in (objective_index, priority_index, subgroup_index, news_index, event_index, case_study_index):
        MainMenuItem.objects.create(setting=navigation, page=page, label="")
    FooterLink.objects.create(setting=navigation, page=accessibility)
    SocialLink.objects.create(setting=navigation, service="Facebook", url="https://www.facebook.com/LutonCouncil")

    return {
        "home": home.url,
        "objective index": objective_index.url,
        "priority index": priority_index.url,
        "subgroup index": subgroup_index.url,
        "news index": news_index.url,
        "event index": event_index.url,
        "case study index": case_study_index.url,
        "policy objective": objectives[0].url,
        "priority": priorities[0].url,
        "subgroup": subgroup.url,
        "standard page": activities.url,
        "news item": news[0].url,
        "event": upcoming.url,
        "case study": case_study.url,
        "search": "/search/?q=health",
        "404": "/no-such-page/",
    }
