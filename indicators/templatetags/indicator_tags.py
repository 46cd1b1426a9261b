from django import template
from django.db.models import Q

from core.query import published
from indicators.charts import key_swatch, key_words, sparkline
from indicators.figures import format_value, headline_values, headlines
from indicators.models import Indicator, IndicatorIndexPage, Value

register = template.Library()

# The objective and priority pages' topic fields (pages.models.TopicPage.topic_field) that indicators link to.
INDICATOR_TOPIC_FIELDS = {"policy_objectives", "priorities"}


@register.filter
def indicator_value(number, indicator):
    """{{ value.value|indicator_value:indicator }} -> "77.9 years"."""
    return format_value(indicator, number)


@register.simple_tag
def chart_key(line):
    return key_swatch(line)


@register.filter
def line_style(line):
    return key_words(line)


@register.simple_tag
def trend_sparkline(headline):
    return sparkline(headline.recent)


@register.inclusion_tag("indicators/topic_indicators.html", takes_context=True)
def indicators_for_topic(context, page):
    """The indicators shown on the site that inform this objective or priority page, with their latest figures."""
    topic_field = getattr(page, "topic_field", None)
    if topic_field not in INDICATOR_TOPIC_FIELDS or page.pk is None:
        return {"indicators": []}
    indicators = list(Indicator.objects.shown().filter(Q(**{topic_field: page})).distinct())
    index = published(IndicatorIndexPage.objects.all()).first() if indicators else None
    if index is None:
        return {"indicators": []}
    values = headline_values(Value.objects.all(), [indicator.pk for indicator in indicators])
    base_url = index.get_url(context.get("request"))
    for indicator in indicators:
        indicator.url = base_url + index.reverse_subpage("indicator", args=[indicator.fingertips_id])
        indicator.headlines = headlines(indicator, values.get(indicator.pk, []))
    return {"indicators": indicators, "indicator_index": index, "request": context.get("request")}
