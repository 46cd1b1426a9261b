"""The page tree editors can build, and creating every page type through the real admin forms."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from case_studies.factories import CaseStudyIndexPageFactory
from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from events.factories import EventIndexPageFactory
from events.models import EventIndexPage, EventPage
from indicators.models import IndicatorIndexPage
from news.factories import NewsIndexPageFactory
from news.models import NewsIndexPage, NewsPage
from pages.factories import (
    HomePageFactory,
    PolicyObjectiveIndexPageFactory,
    PolicyObjectivePageFactory,
    PriorityIndexPageFactory,
    SubgroupIndexPageFactory,
)
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

INDEX_CHILDREN = {
    PolicyObjectiveIndexPage: PolicyObjectivePage,
    PriorityIndexPage: PriorityPage,
    SubgroupIndexPage: SubgroupPage,
    NewsIndexPage: NewsPage,
    EventIndexPage: EventPage,
    CaseStudyIndexPage: CaseStudyPage,
}


def text_stream(text):
    return streamfield([("text", rich_text(f"<p>{text}</p>"))])


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(HomePage, {*INDEX_CHILDREN, IndicatorIndexPage, StandardPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_the_indicators_page_sits_under_home_and_holds_no_pages(self):
        # Each indicator has its own page as a route of this one (indicators/models.py), not a page in the tree.
        self.assertAllowedParentPageTypes(IndicatorIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(IndicatorIndexPage, set())

    def test_each_index_holds_only_its_own_pages(self):
        for index_model, child_model in INDEX_CHILDREN.items():
            self.assertAllowedSubpageTypes(index_model, {child_model})
            self.assertAllowedParentPageTypes(index_model, {HomePage})
            self.assertAllowedParentPageTypes(child_model, {index_model})
            self.assertAllowedSubpageTypes(child_model, set())

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_there_is_one_home_page_and_one_of_each_index(self):
        home = HomePageFactory.as_site_root()
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        NewsIndexPageFactory(parent=home)
        self.assertFalse(NewsIndexPage.can_create_at(home))
        self.assertTrue(EventIndexPage.can_create_at(home))


class AdminCreatesEveryPageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePageFactory.as_site_root()
        self.objectives = PolicyObjectiveIndexPageFactory(parent=self.home)
        self.objective = PolicyObjectivePageFactory(parent=self.objectives, title="Give every child the best start")

    def test_home_page(self):
        root = Page.get_first_root_node()
        self.home.delete()
        self.assertCanCreate(
            Page.objects.get(pk=root.pk),
            HomePage,
            nested_form_data(
                {
                    "title": "Luton's Health Equity Town",
                    "intro": rich_text("<p>Health equity is a fair chance for everyone to be healthy.</p>"),
                    "body": streamfield([]),
                    "case_study_call_heading": "Share your work",
                    "case_study_call_text": "Tell us how you tackle health inequalities.",
                }
            ),
        )

    def test_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {"title": "Privacy notice", "summary": "How we use your data.", "body": text_stream("We keep little.")}
            ),
        )

    def test_index_pages(self):
        self.home.get_children().exclude(pk=self.objectives.pk).delete()
        for index_model, title in (
            (PriorityIndexPage, "Luton 2040 priorities"),
            (SubgroupIndexPage, "Driving change"),
            (NewsIndexPage, "News"),
            (EventIndexPage, "What's on"),
            (CaseStudyIndexPage, "Case studies"),
        ):
            self.assertCanCreate(
                self.home, index_model, nested_form_data({"title": title, "intro": rich_text("<p>Intro</p>")})
            )

    def test_topic_pages(self):
        self.assertCanCreate(
            self.objectives,
            PolicyObjectivePage,
            nested_form_data(
                {"title": "Create fair employment and good work for all", "body": text_stream("Good work.")}
            ),
        )
        self.assertCanCreate(
            PriorityIndexPageFactory(parent=self.home),
            PriorityPage,
            nested_form_data({"title": "Becoming a child friendly town", "body": text_stream("Children thrive.")}),
        )
        work_areas = streamfield(
            [("work_area", {"title": "Family Hubs programme", "points": streamfield([("item", "Parenting support")])})]
        )
        self.assertCanCreate(
            SubgroupIndexPageFactory(parent=self.home),
            SubgroupPage,
            nested_form_data(
                {
                    "title": "Children and young people",
                    "body": text_stream("Quality improvement."),
                    "work_areas": work_areas,
                }
            ),
        )

    def test_news_event_and_case_study_pages_with_topics(self):
        topics = {"policy_objectives": [str(self.objective.pk)]}
        self.assertCanCreate(
            NewsIndexPageFactory(parent=self.home),
            NewsPage,
            nested_form_data(
                {
                    "title": "ShinyMind app",
                    "summary": "A wellbeing app.",
                    "date": "2024-06-01",
                    "body": text_stream("Self-help."),
                }
            )
            | topics,
        )
        self.assertEqual(list(NewsPage.objects.get().policy_objectives.all()), [self.objective])
        self.assertCanCreate(
            EventIndexPageFactory(parent=self.home),
            EventPage,
            nested_form_data(
                {
                    "title": "Health equity town event: one year on",
                    "start": "2023-12-14 09:30",
                    "end": "2023-12-14 16:00",
                    "venue": "Venue 360",
                    "body": text_stream("Speakers and panel."),
                }
            )
            | topics,
        )
        self.assertEqual(EventPage.objects.get().when, "Thursday 14 December 2023, 9:30am to 4pm")
        self.assertCanCreate(
            CaseStudyIndexPageFactory(parent=self.home),
            CaseStudyPage,
            nested_form_data(
                {
                    "title": "Period poverty scheme",
                    "partner_organisation": "Luton Council Sustainable Development",
                    "body": text_stream("Free reusable products delivered at home."),
                    "outcomes": rich_text("<p>Less stigma.</p>"),
                }
            )
            | topics,
        )

    def test_event_must_end_after_it_starts(self):
        events = EventIndexPageFactory(parent=self.home)
        url = f"/admin/pages/add/events/eventpage/{events.pk}/"
        data = nested_form_data(
            {
                "title": "Backwards",
                "slug": "backwards",
                "start": "2024-01-02 10:00",
                "end": "2024-01-01 10:00",
                "body": streamfield([]),
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("The end must be after the start.", response.content.decode())
        self.assertFalse(EventPage.objects.exists())
