"""GET filters for the news, events and case study listings: by policy objective, priority and subgroup.

The parameter names (objective, priority, subgroup) are the ones topic pages use in their links to filtered
listings, and they appear in addresses people bookmark, so they must not change.
"""

from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from wagtail.models import Page

from core.query import published

# (GET parameter, many-to-many field on news, events and case studies, topic page model, label)
TOPIC_FILTERS = [
    ("objective", "policy_objectives", "PolicyObjectivePage", "Policy objective"),
    ("priority", "priorities", "PriorityPage", "Luton 2040 priority"),
    ("subgroup", "subgroups", "SubgroupPage", "HET subgroup"),
]
TOPIC_FIELDS = {param: field for param, field, _model, _label in TOPIC_FILTERS}
TOPIC_PARAMETERS = {field: param for param, field in TOPIC_FIELDS.items()}


def topic_choices():
    """The live, public topic pages as (id, title) choices for each filter, in tree order, in one query."""
    param_by_content_type = {
        ContentType.objects.get_for_model(apps.get_model("pages", model_name)).pk: param
        for param, _field, model_name, _label in TOPIC_FILTERS
    }
    choices = {param: [] for param, *_rest in TOPIC_FILTERS}
    rows = (
        published(Page.objects.all())
        .filter(content_type_id__in=param_by_content_type)
        .order_by("path")
        .values_list("pk", "title", "content_type_id")
    )
    for pk, title, content_type_id in rows:
        choices[param_by_content_type[content_type_id]].append((str(pk), title))
    return choices


def live_topics_prefetches():
    """Prefetch each item's live topic pages, so a listing makes three queries for them however long it is."""
    return [
        Prefetch(field, queryset=apps.get_model("pages", model_name).objects.live().order_by("path"))
        for _param, field, model_name, _label in TOPIC_FILTERS
    ]


class TopicFilterForm(forms.Form):
    """Bound to request.GET. Invalid values are reported politely and that filter is left out."""

    # Fields that travel with the filters but are not filters themselves, such as events' 'when=past'.
    carried_fields = ()

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        choices = topic_choices()
        topic_fields = {}
        for param, _field, _model, label in TOPIC_FILTERS:
            topic_fields[param] = forms.TypedChoiceField(
                label=label,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", "All")] + choices[param],
                error_messages={
                    "invalid_choice": f"We could not find that {label.lower()}, so the results are not filtered by it."
                },
            )
        # Topic filters come first, then any fields the subclass declares.
        self.fields = {**topic_fields, **self.fields}
        self.titles = {param: dict(options) for param, options in choices.items()}

    def clean_values(self):
        """The valid, non-empty values; a field with an invalid value is left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, queryset):
        values = self.clean_values()
        for param, field in TOPIC_FIELDS.items():
            if param in values:
                queryset = queryset.filter(**{field: values[param]})
        return queryset

    @property
    def chosen_topics(self):
        """Titles of the topics being filtered on, for the results count."""
        values = self.clean_values()
        return [self.titles[param][str(values[param])] for param in TOPIC_FIELDS if param in values]

    @property
    def is_filtered(self):
        return any(value for name, value in self.clean_values().items() if name not in self.carried_fields)

    @property
    def filter_query(self):
        """The query string for the chosen filters alone, for links such as the calendar feed."""
        values = {name: value for name, value in self.clean_values().items() if name not in self.carried_fields}
        return "?" + urlencode(values, doseq=True) if values else ""

    @property
    def clear_query(self):
        """The query string that keeps the carried fields and drops the filters."""
        values = self.clean_values()
        kept = {name: values[name] for name in self.carried_fields if name in values}
        return "?" + urlencode(kept) if kept else ""
