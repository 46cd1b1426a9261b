from wagtail import blocks

from core.blocks import body_blocks


class EventBodyBlock(blocks.StreamBlock):
    """Events need an agenda, speakers and downloads."""

    def __init__(self, **kwargs):
        super().__init__(
            body_blocks(
                "heading", "text", "image", "quote", "accordion", "key_facts", "documents", "video", "call_to_action"
            ),
            **kwargs,
        )
