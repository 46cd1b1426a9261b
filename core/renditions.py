"""The image sizes the templates use, and fetching their renditions in one query however many images a page shows.

Templates render images with `{% responsive_image image "card" %}` (core/templatetags/responsive_images.py), so the
filter specs live here once and the prefetching below always asks for exactly the renditions the templates will use.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter


@dataclass(frozen=True)
class ImageStyle:
    # Wagtail's multi-spec syntax, as in the {% picture %} tag. WebP with a JPEG fallback: AVIF files are smaller
    # still, but encoding one 800px AVIF takes over a second on our two-core servers, and renditions are made
    # while a visitor waits for the first page that uses them (docs/performance.md).
    spec: str
    # The `sizes` attribute: how wide the image is drawn, so the browser picks the smallest file that is sharp.
    sizes: str
    # Cards repeat their link text, so their picture adds nothing for screen reader users.
    decorative: bool = False
    lazy: bool = True

    @cached_property
    def filters(self):
        # Filter objects, made once: Wagtail parses a filter's operations the first time it is used, and would
        # otherwise do so again for every image on every page.
        return [Filter(spec=spec) for spec in Filter.expand_spec(self.spec.split())]


IMAGE_STYLES = {
    "card": ImageStyle(
        spec="format-{webp,jpeg} fill-{400x225,800x450}",
        sizes="(min-width: 48em) 20rem, 100vw",
        decorative=True,
    ),
    # The image at the top of a news item, event or case study: the first thing seen, so never lazy.
    "hero": ImageStyle(
        spec="format-{webp,jpeg} width-{400,800,1200}", sizes="(min-width: 60em) 45rem, 100vw", lazy=False
    ),
    # Images inside a page's body. Same files as the hero, so one upload is resized once.
    "content": ImageStyle(spec="format-{webp,jpeg} width-{400,800,1200}", sizes="(min-width: 60em) 45rem, 100vw"),
    # The picture social media and search engines show for a page (BasePage.social_image); never drawn on the page.
    "social": ImageStyle(spec="fill-1200x630|format-jpeg", sizes=""),
}


def rendition_queryset(*style_names):
    Rendition = get_image_model().get_rendition_model()
    specs = {image_filter.spec for name in style_names for image_filter in IMAGE_STYLES[name].filters}
    return Rendition.objects.filter(filter_spec__in=sorted(specs))


def renditions_prefetch(image_lookup, *style_names):
    """A Prefetch for a queryset: `pages.prefetch_related(renditions_prefetch("listing_image", "card"))`.

    The image itself must come with select_related(image_lookup); this adds one query for all the renditions.
    """
    return Prefetch(
        f"{image_lookup}__renditions", queryset=rendition_queryset(*style_names), to_attr="prefetched_renditions"
    )


def attach_renditions(images, *style_names):
    """Fetch the renditions of several images in one query, where a page shows images from more than one queryset.

    Wagtail then finds them on each image (`prefetched_renditions`) instead of asking the database once per image.
    """
    images = list({id(image): image for image in images if image is not None}.values())
    if not images:
        return
    found = defaultdict(list)
    for rendition in rendition_queryset(*style_names).filter(image_id__in={image.pk for image in images}):
        found[rendition.image_id].append(rendition)
    for image in images:
        for rendition in found[image.pk]:
            rendition.image = image  # its alt text comes from the image
        already = getattr(image, "prefetched_renditions", [])
        known = {(rendition.filter_spec, rendition.focal_point_key) for rendition in already}
        image.prefetched_renditions = [
            *already,
            *(r for r in found[image.pk] if (r.filter_spec, r.focal_point_key) not in known),
        ]


def listing_images(pages):
    return [page.listing_image for page in pages if getattr(page, "listing_image_id", None)]
