import factory

from news import models
from pages.factories import BasePageFactory, text_body


class NewsIndexPageFactory(BasePageFactory):
    title = "News"

    class Meta:
        model = models.NewsIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    body = factory.LazyFunction(lambda: text_body("GoodGym engages adults in physical activity."))

    class Meta:
        model = models.NewsPage
