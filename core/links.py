"""Links in content to pages, images and documents that visitors can no longer reach.

The rich text link handler stops a link to a page that was deleted, unpublished or made private from pointing
anywhere (Wagtail's own leaves it pointing at "Page not found"), and `broken_references()` finds, with the
extractor Wagtail's reference index uses, which pages hold such links (Reports > Broken links).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text.pages import PageLinkHandler

from core.query import in_private_section

MISSING = "deleted"
UNPUBLISHED = "unpublished"
PRIVATE = "private"


class PublicPageLinkHandler(PageLinkHandler):
    """Rich text page links: a real link only to a live, public page; otherwise a plain `<a>` with no address, which
    browsers show as text. One query for all the links in a field, as Wagtail's handler makes."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = Page.objects.filter(id__in=[i for i in ids if str(i).isdigit()]).defer_streamfields()
        by_id = {str(page.pk): page for page in pages.annotate(in_private_section=in_private_section())}
        return [by_id.get(str(i)) for i in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.localized.url)}">' if page and page.live and not page.in_private_section else "<a>"
            for page in cls.get_many(attrs_list)
        ]


def target_states(content_type, ids):
    """{id: state} for the references to `content_type` that visitors cannot follow; ids as strings."""
    model = content_type.model_class()
    if model is None:
        return {}
    if issubclass(model, Page):
        found = {
            str(pk): (UNPUBLISHED if not live else PRIVATE if private else None)
            for pk, live, private in Page.objects.filter(pk__in=ids)
            .annotate(private=in_private_section())
            .values_list("pk", "live", "private")
        }
    else:
        found = {str(pk): None for pk in model.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    return {id_: found.get(id_, MISSING) for id_ in ids if found.get(id_, MISSING) is not None}


def stored_chooser_values(block, raw, path):
    """(model path, chooser block, stored id) for every chooser in a StreamField's stored data.

    Read from the stored JSON, not from the block values: turning ids into objects drops an id whose object was
    deleted, which is exactly the reference this report is for. `path` is the field name; the model paths made from
    it are the dotted block names Wagtail's reference index uses.
    """
    if isinstance(block, blocks.ChooserBlock):
        if raw not in (None, ""):
            yield path, block, raw
    elif isinstance(block, blocks.StreamBlock):
        for child in raw or []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from stored_chooser_values(child_block, child.get("value"), f"{path}.{child['type']}")
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from stored_chooser_values(child_block, (raw or {}).get(name), f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        for item in raw or []:
            # Stored either as plain values or, since Wagtail 2.16, as {"type": "item", "value": ..., "id": ...}.
            value = item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            yield from stored_chooser_values(block.child_block, value, f"{path}.item")


def stored_stream_references(page):
    """(content type id, object id, model path, content path) for every chooser in the page's StreamFields."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            for model_path, block, stored_id in stored_chooser_values(field.stream_block, stream.raw_data, field.name):
                content_type = ReferenceIndex._get_base_content_type(block.model_class)
                yield content_type.id, str(stored_id), model_path, model_path


def page_references(page_ids=None):
    """Every reference each page's current content makes, as unsaved ReferenceIndex rows.

    Read from the pages themselves with the reference index's own extractor, and from the StreamFields' stored data
    for choosers, because Wagtail deletes the index rows that point at an object when the object is deleted: the
    index cannot tell which pages link to something deleted.
    """
    pages = Page.objects.all() if page_ids is None else Page.objects.filter(pk__in=page_ids)
    base_content_type = ContentType.objects.get_for_model(Page)
    for page in pages.exclude(depth=1).specific():
        content_type = ContentType.objects.get_for_model(page)
        found = {*ReferenceIndex._extract_references_from_object(page), *stored_stream_references(page)}
        for to_content_type_id, to_object_id, model_path, content_path in found:
            yield ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                to_content_type_id=to_content_type_id,
                to_object_id=str(to_object_id),
                model_path=model_path,
                content_path=content_path,
            )


def target_kind(content_type):
    """What an officer calls the target: "page", "document", or "image" (not the image model's own name)."""
    return "image" if content_type.model_class() is get_image_model() else content_type.name


def broken_references(page_ids=None):
    """{page id: [(field label, state, target kind), ...]} for pages whose content refers to a page, image or
    document that was deleted, or to a page that is unpublished or private. Queries: one per page type, then one
    per kind of target."""
    references = list(page_references(page_ids))
    ids_by_type = defaultdict(set)
    for reference in references:
        ids_by_type[reference.to_content_type_id].add(reference.to_object_id)
    states = {}
    for content_type_id, ids in ids_by_type.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        for id_, state in target_states(content_type, list(ids)).items():
            states[content_type_id, id_] = (state, content_type)
    broken = defaultdict(list)
    for reference in references:
        found = states.get((reference.to_content_type_id, reference.to_object_id))
        if found:
            state, content_type = found
            problem = (reference.describe_source_field(), state, target_kind(content_type))
            if problem not in broken[int(reference.object_id)]:
                broken[int(reference.object_id)].append(problem)
    return dict(broken)
