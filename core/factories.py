import factory
import wagtail_factories
from django.utils.text import slugify

from core import models


def rich_text(text):
    return f"<p>{text}</p>"


def text_body(text):
    return [{"type": "text", "value": rich_text(text)}]


class HETImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description = factory.Sequence(lambda n: f"Residents taking part in community activity number {n}")

    class Meta:
        model = models.HETImage


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "A short summary that says what this page is about."

    class Meta:
        abstract = True
