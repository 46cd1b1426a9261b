import factory

from case_studies import models
from core.factories import BasePageFactory, rich_text, text_body


class CaseStudyIndexPageFactory(BasePageFactory):
    title = "Case studies"

    class Meta:
        model = models.CaseStudyIndexPage


class CaseStudyPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Case study {n}")
    partner_organisation = "Noah Enterprise"
    body = factory.LazyFunction(lambda: text_body("Welfare support for people who are homeless."))
    outcomes = rich_text("More people found a home.")

    class Meta:
        model = models.CaseStudyPage
