"""Querysets for listings that cost the same few queries however much content the site holds."""

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from core.renditions import renditions_prefetch


def in_private_section(path="path"):
    """True for a page that is, or is below, a page with a view restriction; checked inside the page query itself.
    `path`: the field holding the page's tree path, such as "page__path" in a query of links to pages.

    Wagtail's own `.public()` first loads every restriction in a query of its own, once per listing.
    It is still the one to use before `.search()`, whose backends only accept plain field filters.
    The subquery starts from the restrictions (usually none) and looks up each one's path by primary key: joined
    to the page table instead, PostgreSQL may scan every page once for each page listed.
    """
    section = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    restrictions = PageViewRestriction.objects.annotate(section=section)
    return Exists(restrictions.filter(section=Substr(OuterRef(path), 1, Length("section"))))


def published(queryset):
    """Live pages that anyone may see, for any PageQuerySet (for example `page.get_children()`)."""
    return queryset.live().exclude(in_private_section())


class HETPageQuerySet(PageQuerySet):
    def published(self):
        return published(self)

    def for_listing(self, image_style="card"):
        """Published pages ready for cards: their listing image and its renditions come in one more query.

        Pass image_style=None when the page gathers images from several listings and fetches their renditions
        together with `core.renditions.attach_renditions`.
        """
        queryset = self.published().defer_streamfields().select_related("listing_image")
        if image_style:
            queryset = queryset.prefetch_related(renditions_prefetch("listing_image", image_style))
        return queryset


HETPageManager = PageManager.from_queryset(HETPageQuerySet)


def is_public(page):
    """Whether anyone may see `page`: live and not private. Reads `in_private_section` when the page was fetched
    with that annotation (no query); otherwise asks the database."""
    if page is None or not page.live:
        return False
    private = getattr(page, "in_private_section", None)
    if private is None:
        private = Page.objects.filter(pk=page.pk).filter(in_private_section()).exists()
    return not private
