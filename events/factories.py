import datetime

import factory
from django.utils import timezone

from core.factories import BasePageFactory, text_body
from events import models


class EventIndexPageFactory(BasePageFactory):
    title = "What's on"

    class Meta:
        model = models.EventIndexPage


class EventPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    venue = "Venue 360"
    body = factory.LazyFunction(lambda: text_body("Speakers and agenda."))

    class Meta:
        model = models.EventPage
