"""Finding the site, its settings and the requested page in a fixed number of queries, whatever the tree's size.

Left to itself, Wagtail spends a query on the site, one on the site root paths, one on the site settings, and two
on every level of the page's URL (the child by slug, then its specific page). This middleware does the same work
in three queries and hands the results to Wagtail through the attributes Wagtail documents as its per-request
caches (`Site.find_for_request`, `Page.route_for_request`, `Page._get_site_root_paths`,
`BaseSiteSetting.for_request`). Wagtail reads them as if it had filled them itself; if a later Wagtail stops
reading them, pages are still served correctly, just with more queries (tests/test_performance_queries.py fails).
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)

from core.query import in_private_section
from site_settings.models import SiteSettings

SITE_SELECT_RELATED = (
    "root_page",
    "root_page__locale",
    "sitesettings",
    *(f"sitesettings__{name}" for name in SiteSettings.select_related),
)


def match_site(sites, hostname, port):
    """The same choice as Wagtail's `get_site_for_hostname`, made from a list already in memory."""

    def rank(site):
        if site.hostname == hostname:
            if site.port == port:
                return MATCH_HOSTNAME_PORT
            return MATCH_HOSTNAME_DEFAULT if site.is_default_site else MATCH_HOSTNAME
        return MATCH_DEFAULT if site.is_default_site else None

    ranked = sorted(((rank(site), site) for site in sites if rank(site) is not None), key=lambda pair: pair[0])
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return ranked[0][1]
    if ranked[0][0] == MATCH_DEFAULT:
        return ranked[len(ranked) == 2][1]
    return None


def site_root_paths(sites):
    """The same list as Wagtail's `Site.get_site_root_paths` (most specific root first), without i18n."""
    ordered = sorted(sites, key=lambda site: site.hostname)
    ordered.sort(key=lambda site: site.is_default_site, reverse=True)
    ordered.sort(key=lambda site: site.root_page.url_path, reverse=True)
    return [
        SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
        for site in ordered
    ]


def prime_site(request):
    """One query for every site with its root page and settings, instead of three."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) or hasattr(request, "_wagtail_site"):
        return
    # Whether each page the settings link to is private, in the same query, so the footer can leave it out.
    privacy = {
        f"{name}_private": in_private_section(f"sitesettings__{name}__path") for name in SiteSettings.select_related
    }
    sites = list(Site.objects.select_related(*SITE_SELECT_RELATED).annotate(**privacy))
    site = match_site(sites, split_domain_port(request.get_host())[0], request.get_port())
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = site_root_paths(sites)
    if site is not None and getattr(site, "sitesettings", None) is not None:
        for name in SiteSettings.select_related:
            linked = getattr(site.sitesettings, name)
            if linked is not None:
                linked.in_private_section = getattr(site, f"{name}_private")
        site.sitesettings._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), site.sitesettings)


def uses_own_routing(page):
    model = page.specific_class
    return model is None or model.route is not Page.route


def routes_itself(page, slugs):
    """Whether Wagtail would hand the rest of the path to `page` itself rather than look for a child page.

    A RoutablePageMixin page (the news index with its feeds, say) does so only for its own sub-routes, which its
    URL resolver can tell without a query; any other custom route() might do anything.
    """
    if not uses_own_routing(page):
        return False
    resolver = getattr(page.specific_class, "get_resolver", None)
    if resolver is None:
        return True
    if not page.live:
        return False  # Wagtail's RoutablePageMixin only offers the sub-routes of a live page
    try:
        resolver().resolve("/" + "".join(f"{slug}/" for slug in slugs))
    except Resolver404:
        return False
    return True


def prime_route(request, path):
    """Find the page for `path` in two queries: the pages along the path (with the site's sections), then the page.

    Sets `request.site_sections`: the live pages directly under the home page, which the home page, topic pages and
    anyone building section links can use without another query.
    """
    if hasattr(request, "_wagtail_route_for_request") or getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    root = site.root_page
    slugs = [component for component in path.split("/") if component]
    along_path = Q(depth=root.depth + 1)
    for level, slug in enumerate(slugs[1:], start=2):
        along_path |= Q(depth=root.depth + level, slug=slug)
    candidates = list(Page.objects.filter(along_path, path__startswith=root.path).order_by("path"))
    request.site_sections = [page for page in candidates if page.depth == root.depth + 1 and page.live]

    chain = [root]
    for slug in slugs:
        parent = chain[-1]
        child = next(
            (
                page
                for page in candidates
                if page.depth == parent.depth + 1 and page.slug == slug and page.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            break
        chain.append(child)
    if chain[-1].specific_class is None or any(
        routes_itself(page, slugs[position:]) for position, page in enumerate(chain[:-1])
    ):
        return  # leave it to Wagtail, which asks each page on the way how to route
    remaining = slugs[len(chain) - 1 :]
    if remaining and not uses_own_routing(chain[-1]):
        request._wagtail_route_for_request = None  # no page at this path: Wagtail would say "Page not found" too
        return

    page = fetch_for_serving(chain[-1])
    if len(chain) > 1:
        page._cached_parent_obj = chain[-2]  # treebeard's get_parent() reads it
    page.route_ancestors = chain[:-1]
    if any(ancestor.alias_of_id for ancestor in chain):
        del page.in_private_section  # aliases take their source page's restrictions: Wagtail works those out
    try:
        request._wagtail_route_for_request = page.route(request, remaining)
    except Http404:
        request._wagtail_route_for_request = None


def fetch_for_serving(page):
    """The specific page, with what its template needs from other tables (`serving_select_related`)."""
    model = page.specific_class
    queryset = model._default_manager.annotate(in_private_section=in_private_section())
    related = getattr(model, "serving_select_related", ())
    if related:
        queryset = queryset.select_related(*related)
    return queryset.get(pk=page.pk)


def site_sections(request):
    """The live pages directly under the home page: from the route query if this request had one."""
    sections = getattr(request, "site_sections", None)
    if sections is None:
        site = Site.find_for_request(request)
        if site is None:
            return []
        sections = list(site.root_page.get_children().live().order_by("path"))
        request.site_sections = sections
    return sections


def site_context_view(view):
    """Marks a view that renders site pages (with the header, footer and settings), so FastServingMiddleware
    fetches the site and its settings in one query for it, as it does for every page Wagtail serves."""
    view.uses_site_context = True
    return view


class FastServingMiddleware:
    """Looks up the site, its settings and the requested page in as few queries as Wagtail's models allow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            if view_func is wagtail_views.serve:
                prime_site(request)
                prime_route(request, view_args[0] if view_args else "")
            elif getattr(view_func, "uses_site_context", False):
                prime_site(request)
        except (OperationalError, InterfaceError):
            # The database is unreachable: the view's own first query fails too, inside the view, where
            # het_site.security turns it into the friendly "try again shortly" page.
            pass
