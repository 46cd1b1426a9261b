from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.renditions import IMAGE_STYLES

register = template.Library()


@register.simple_tag
def responsive_image(image, style_name, lazy=None, css_class=""):
    """A <picture> with WebP and JPEG sources, a srcset of widths, and the width and height of the fallback image.

    `{% responsive_image page.listing_image "hero" %}`. Pass lazy=False for an image near the top of the page.
    """
    if not image:
        return ""
    style = IMAGE_STYLES[style_name]
    renditions = get_renditions_or_not_found(image, style.filters)
    attrs = {"sizes": style.sizes, "alt": "" if style.decorative else image.alt_text, "decoding": "async"}
    if style.lazy if lazy is None else lazy:
        attrs["loading"] = "lazy"
    else:
        attrs["fetchpriority"] = "high"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs).__html__()
