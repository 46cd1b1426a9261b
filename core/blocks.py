"""StreamField blocks shared by every content area. Each page type picks the subset it needs."""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from core.query import in_private_section, is_public
from core.renditions import attach_renditions

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

# The addresses static/js/site.js knows how to turn into a privacy-enhanced player after a click.
VIDEO_URL_PATTERN = re.compile(
    r"^https?://(?:www\.)?(?:youtube\.com/watch\?(?:.*&)?v=[\w-]{6,}|youtu\.be/[\w-]{6,}|vimeo\.com/\d+)"
)


def field_error(field, message):
    return blocks.StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="Keep headings short and clear.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-section heading")],
        default="h2",
        help_text="Use a sub-section heading only after a section heading.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "components/streamfield/heading.html"
        preview_value = {"text": "Why health equity matters", "level": "h2"}
        description = "A heading that starts a new section of the page."


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "components/streamfield/text.html"
        preview_value = "<p>Health equity means everyone has a fair chance to be healthy.</p>"
        description = "Paragraphs, lists and links."


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        help_text="The image's description (alt text) from the media library is read out to people who cannot see it."
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Optional. Shown below the image.")

    def get_preview_value(self):
        # The block picker shows a real image from the media library, if there is one.
        image = get_image_model().objects.filter(is_decorative=False).order_by("-created_at").first()
        return self.normalize({"image": image, "caption": "An example caption, shown below the image."})

    class Meta:
        icon = "image"
        label = "Image"
        template = "components/streamfield/image.html"
        description = "A picture with its description and an optional caption."

    def bulk_to_python(self, values):
        # Wagtail loads every image block of a body together, in order: fetch all their renditions together too,
        # and mark the first, which may be near the top of the page and so should not wait to load.
        values = super().bulk_to_python(values)
        attach_renditions((value.get("image") for value in values), "content")
        if values:
            values[0].is_first_image = True
        return values


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who said it, for example 'Sally, resident'."
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "components/streamfield/quote.html"
        preview_value = {
            "quote": "We are doing really well, and there is more to do.",
            "attribution": "Conference delegate",
        }
        description = "Words someone said, with who said them."


class LinkedPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser whose pages come with `in_private_section`, in the same one query for all of a body's blocks,
    so templates can tell whether visitors may follow the link (see core.query.is_public). The chosen page is
    kept even when it is unpublished or private, so editors see and keep their choice."""

    def bulk_to_python(self, values):
        ids = [value for value in values if value is not None]
        pages = self.model_class.objects.annotate(in_private_section=in_private_section()).in_bulk(ids)
        return [pages.get(value) for value in values]


class CallToActionValue(blocks.StructValue):
    @property
    def public_page(self):
        """The chosen page if visitors can see it; None when it was deleted, unpublished or made private."""
        page = self.get("page")
        return page if is_public(page) else None


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, help_text="What the button says, for example 'Submit a case study'.")
    page = LinkedPageChooserBlock(required=False, help_text="Choose a page on this site, or enter a web address below.")
    url = blocks.URLBlock(required=False, label="Web address")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise field_error("page", "Choose a page or enter a web address, not both.")
        return value

    class Meta:
        icon = "link"
        label = "Call to action button"
        template = "components/streamfield/call_to_action.html"
        value_class = CallToActionValue
        preview_value = {"text": "Submit a case study", "url": "https://example.org/"}
        description = "A button that takes people to the next thing to do."


class AccordionSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    content = TextBlock()

    class Meta:
        icon = "doc-full"
        label = "Section"


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, help_text="Optional heading above the sections.")
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordion"
        template = "components/streamfield/accordion.html"
        preview_value = {
            "heading": "Summary of presentations",
            "sections": [{"title": "Collaborative working", "content": "<p>Working together is a must.</p>"}],
        }
        description = "Sections that open and close, with a 'Show all sections' button."


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text="The number or short fact, for example '80+' or '130'.")
    label = blocks.CharBlock(max_length=120, help_text="What the figure means, for example 'delegates attended'.")


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "pick"
        label = "Key facts"
        template = "components/streamfield/key_facts.html"
        preview_value = {"heading": "", "facts": [{"figure": "80+", "label": "delegates came together"}]}
        description = "Up to six headline figures with what they mean."


class DataTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200, help_text="Says what the table shows. Read out before the table.")
    table = TableBlock(
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        }
    )

    class Meta:
        icon = "table"
        label = "Table"
        template = "components/streamfield/table.html"
        preview_value = {
            "caption": "Attendance at HET events",
            "table": {
                "data": [["Event", "People"], ["HealthFest", "120"], ["Conference", "80"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
            },
        }
        description = "A table of figures or facts, with a caption."


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    def get_preview_value(self):
        documents = list(get_document_model().objects.order_by("-created_at")[:3])
        return self.normalize({"heading": "Downloads", "documents": documents})

    class Meta:
        icon = "doc-full-inverse"
        label = "Document downloads"
        template = "components/streamfield/document_list.html"
        description = "Files to download; the page shows each file's type and size."


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, help_text="What the video is about. Shown as the link text.")
    url = blocks.URLBlock(help_text="The address of the video on YouTube or Vimeo.")
    transcript = TextBlock(
        required=False, help_text="Optional transcript for people who cannot watch or hear the video."
    )

    def clean(self, value):
        value = super().clean(value)
        if not VIDEO_URL_PATTERN.match(value.get("url") or ""):
            raise field_error(
                "url",
                "Enter the address of a single video on YouTube or Vimeo, for example "
                "https://www.youtube.com/watch?v=abc123xyz or https://vimeo.com/123456789.",
            )
        return value

    class Meta:
        icon = "media"
        label = "Video"
        template = "components/streamfield/video.html"
        preview_value = {"title": "What health equity means for Luton", "url": "https://vimeo.com/"}
        description = "A video that only loads from YouTube or Vimeo when the visitor asks for it."


def body_blocks(*names):
    """The shared content blocks with these names, as (name, block) pairs for a StreamBlock."""
    available = {
        "heading": HeadingBlock(),
        "text": TextBlock(),
        "image": CaptionedImageBlock(),
        "quote": QuoteBlock(),
        "call_to_action": CallToActionBlock(),
        "accordion": AccordionBlock(),
        "key_facts": KeyFactsBlock(),
        "table": DataTableBlock(),
        "documents": DocumentListBlock(),
        "video": VideoBlock(),
    }
    return [(name, available[name]) for name in names]


class StandardBodyBlock(blocks.StreamBlock):
    """Everything, for general pages such as the toolkit and activities pages."""

    def __init__(self, **kwargs):
        super().__init__(
            body_blocks(
                "heading",
                "text",
                "image",
                "quote",
                "call_to_action",
                "accordion",
                "key_facts",
                "table",
                "documents",
                "video",
            ),
            **kwargs,
        )


class StoryBodyBlock(blocks.StreamBlock):
    """News and case studies tell a story: no accordions or data tables."""

    def __init__(self, **kwargs):
        super().__init__(
            body_blocks("heading", "text", "image", "quote", "key_facts", "documents", "video", "call_to_action"),
            **kwargs,
        )
