"""What text the site stores and sends: one policy for characters that are legal to type but break other formats.

People paste text from Word, phones and other programs. It can carry characters that HTML shrugs off but XML
(RSS and Atom), iCalendar, spreadsheets and email headers reject: C0 and C1 control characters, U+FFFE and
U+FFFF, and lone surrogates (which cannot even be encoded as UTF-8 for the database).

The policy, applied to everything saved (see `connect_signals`) and again by each strict output for old data:
- Line breaks of any kind (CR LF, CR, vertical tab, form feed, NEL, U+2028, U+2029) become "\\n" in multi-line
  text and a space in one-line text. A tab is kept in multi-line text and becomes a space in one-line text.
- Every other control character (U+0000-U+001F, U+007F-U+009F), U+FFFE, U+FFFF and lone surrogates are removed:
  none of them shows as anything, so nothing a person can see is lost.
- All other characters are kept as they are: Urdu, Polish, emoji, non-breaking spaces, zero-width joiners.

This module depends on nothing in the site (only Django and Wagtail), so any app may use it.
"""

import json
import re

from django.db import models
from wagtail.fields import StreamField

LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
REMOVED = [
    *(chr(c) for c in range(0x20) if chr(c) not in "\t\n" + LINE_BREAKS),
    *(chr(c) for c in range(0x7F, 0xA0) if chr(c) not in LINE_BREAKS),
    "\ufffe",
    "\uffff",
    *(chr(c) for c in range(0xD800, 0xE000)),
]
MULTILINE_TABLE = {ord(char): None for char in REMOVED} | {ord(char): "\n" for char in LINE_BREAKS}
ONE_LINE_TABLE = MULTILINE_TABLE | {ord(char): " " for char in "\t\n" + LINE_BREAKS}
# Everything either table changes, so clean text (almost all of it) costs one regex search.
MULTILINE_DIRTY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
ONE_LINE_DIRTY = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value, multiline=True):
    """`value` (str) with the policy above applied; any other type is returned unchanged.

    multiline: True for text that may hold line breaks (a TextField, rich text, a StreamField's text),
    False for one-line text (a title, a name, an email subject).
    """
    if not isinstance(value, str):
        return value
    dirty = MULTILINE_DIRTY if multiline else ONE_LINE_DIRTY
    if not dirty.search(value):
        return value
    return value.replace("\r\n", "\n").translate(MULTILINE_TABLE if multiline else ONE_LINE_TABLE)


def clean_line(value):
    """One-line text, such as a title or an email subject: `clean_text(value, multiline=False)`."""
    return clean_text(value, multiline=False)


def clean_data(data):
    """JSON-shaped data (dicts, lists, strings, numbers) with every string, key or value, cleaned as multi-line
    text. Returns `data` itself when nothing changed, so callers can tell with `is`."""
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, dict):
        cleaned = {clean_text(key): clean_data(value) for key, value in data.items()}
        pairs = zip(data.items(), cleaned.items(), strict=False)
        unchanged = len(cleaned) == len(data) and all(a is b and x is y for (a, x), (b, y) in pairs)
        return data if unchanged else cleaned
    if isinstance(data, (list, tuple)):
        cleaned = [clean_data(item) for item in data]
        return data if all(a is b for a, b in zip(data, cleaned, strict=True)) else cleaned
    return data


class CleanTextFormMixin:
    """For a form people type into (the public forms, the admin's page forms): what was sent is cleaned before it is
    validated, so an invisible control character is dropped rather than refused (Django's "Null characters are not
    allowed"). Cleaned before the form is built, so child formsets (inline panels) get the same data."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(clean_form_data(data) if data else data, *args, **kwargs)


def clean_form_data(data):
    """A copy of submitted form `data` (a QueryDict or a dict) with every text value cleaned as multi-line
    text; the model layer then makes one-line fields one line."""
    if hasattr(data, "lists"):
        cleaned = data.copy()
        for key, values in data.lists():
            cleaned.setlist(key, [clean_text(value) for value in values])
        return cleaned
    return {key: clean_text(value) for key, value in data.items()}


def spreadsheet_cell(value):
    """A CSV cell that is data, never a formula: cleaned text, with "'" put before a formula trigger."""
    value = clean_text(value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def clean_field_value(field, value):
    """`value` of model `field` (as on an instance, or as serialised in a revision) cleaned for its kind of field.
    Returns `value` itself when nothing changed."""
    if isinstance(field, StreamField):
        if isinstance(value, str):
            # Revisions store a StreamField as a JSON string inside their JSON.
            try:
                raw = json.loads(value)
            except ValueError:
                return clean_text(value)
            cleaned = clean_data(raw)
            return value if cleaned is raw else json.dumps(cleaned, cls=field.json_field.encoder)
        raw = field.get_prep_value(value)
        cleaned = clean_data(raw)
        return value if cleaned is raw else cleaned
    if isinstance(field, models.TextField):
        return clean_text(value)
    if isinstance(field, models.CharField):
        return clean_line(value)
    if isinstance(field, models.JSONField):
        return clean_data(value)
    return value


def clean_serialised_instance(model, content):
    """A revision's content (a dict of field name to serialised value, with child objects as lists of dicts)
    cleaned in place by the rules for `model`'s fields; other keys are cleaned as JSON data."""
    fields = {field.name: field for field in model._meta.concrete_fields}
    for name, value in content.items():
        field = fields.get(name)
        cleaned = clean_field_value(field, value) if field is not None else clean_data(value)
        if cleaned is not value:
            content[name] = cleaned


# Apps whose text is the framework's own bookkeeping, never typed by anyone.
SKIPPED_APPS = {"contenttypes", "sessions", "admin"}


def clean_instance(sender, instance, **kwargs):
    """pre_save handler: clean every text, StreamField and JSON field of `instance` before it is written."""
    from wagtail.models import Revision

    if sender._meta.app_label in SKIPPED_APPS:
        return
    for field in sender._meta.concrete_fields:
        # Read from __dict__: getattr would load a deferred field with a query.
        value = instance.__dict__.get(field.attname)
        if value is None or field.is_relation:
            continue
        if isinstance(instance, Revision) and field.name == "content":
            clean_revision_content(instance)
            continue
        cleaned = clean_field_value(field, value)
        if cleaned is not value:
            setattr(instance, field.attname, cleaned)


def clean_revision_content(revision):
    """A revision holds a draft or a preview of an object: its content is cleaned by the rules of the object's
    model, so a draft published later, or a preview, is as clean as a saved object."""
    from django.contrib.contenttypes.models import ContentType

    if not isinstance(revision.content, dict):
        revision.content = clean_data(revision.content)
        return
    # ContentType's manager caches content types, so this costs no query once the type has been used.
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    if model is None:
        revision.content = clean_data(revision.content)
    else:
        clean_serialised_instance(model, revision.content)


def connect_signals():
    from django.db.models.signals import pre_save

    pre_save.connect(clean_instance, dispatch_uid="core.text.clean_instance")
