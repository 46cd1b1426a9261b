"""sitemap.xml in a fixed number of queries however many pages the site has."""

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.query import published


class PageSitemap(Sitemap):
    """Wagtail's sitemap, listing plain pages instead of specific ones.

    Wagtail fetches every page as its specific type, one query per page type, only to ask each for its
    `get_sitemap_urls()`. No page type of this site changes that method (tests/seo/test_seo.py checks), so the plain
    pages give the same addresses and dates. Private pages are left out, as Wagtail does.
    """

    def items(self):
        return published(self.get_wagtail_site().root_page.get_descendants(inclusive=True)).order_by("path")


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PageSitemap})
