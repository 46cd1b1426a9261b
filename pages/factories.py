import factory
from wagtail.models import Page, Site

from core.factories import BasePageFactory, rich_text, text_body
from pages import models


class HomePageFactory(BasePageFactory):
    title = "Luton's Health Equity Town"
    slug = "home"
    intro = rich_text("Health equity is the state in which everyone has a fair and just opportunity to be healthy.")

    class Meta:
        model = models.HomePage

    @classmethod
    def as_site_root(cls, **kwargs):
        """A home page served by the default site, replacing Wagtail's welcome page."""
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        for page in root.get_children():
            if site and site.root_page_id == page.pk:
                site.root_page = root
                site.save()
            page.delete()
        home = cls(parent=Page.objects.get(pk=root.pk), **kwargs)
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="HET")
        return home


class StandardPageFactory(BasePageFactory):
    body = factory.LazyFunction(lambda: text_body("Luton became a Marmot Place in 2021."))

    class Meta:
        model = models.StandardPage


class PolicyObjectiveIndexPageFactory(BasePageFactory):
    title = "Marmot policy objectives"

    class Meta:
        model = models.PolicyObjectiveIndexPage


class PolicyObjectivePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Policy objective {n}")
    body = factory.LazyFunction(lambda: text_body("What this objective means for residents."))

    class Meta:
        model = models.PolicyObjectivePage


class PriorityIndexPageFactory(BasePageFactory):
    title = "Luton 2040 priorities"

    class Meta:
        model = models.PriorityIndexPage


class PriorityPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Priority {n}")

    class Meta:
        model = models.PriorityPage


class SubgroupIndexPageFactory(BasePageFactory):
    title = "Driving change"

    class Meta:
        model = models.SubgroupIndexPage


class SubgroupPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Subgroup {n}")
    work_areas = factory.LazyFunction(
        lambda: [
            {"type": "work_area", "value": {"title": "Family Hubs programme", "points": ["Support for families."]}}
        ]
    )

    class Meta:
        model = models.SubgroupPage
