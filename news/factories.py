import factory

from core.factories import BasePageFactory, text_body
from news import models


class NewsIndexPageFactory(BasePageFactory):
    title = "News"

    class Meta:
        model = models.NewsIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    body = factory.LazyFunction(lambda: text_body("GoodGym engages adults in physical activity."))

    class Meta:
        model = models.NewsPage
