"""The header menu, footer links and social links, read in one query for every page."""

from dataclasses import dataclass, field

from django.db.models import BigIntegerField, BooleanField, CharField, F, Value
from django.db.models.functions import Cast
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from core.freshness import remember
from core.query import in_private_section
from site_settings.models import FooterLink, MainMenuItem, SocialLink


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    page_id: int | None = None


@dataclass
class Navigation:
    main_menu: list = field(default_factory=list)
    footer_links: list = field(default_factory=list)
    social_links: list = field(default_factory=list)


def _columns(kind, queryset, label, page_fields):
    # Every column is an annotation, named and ordered the same in each part, so the UNION lines up.
    return (
        queryset.order_by()
        .annotate(
            link_kind=Value(kind, output_field=CharField()),
            link_order=F("sort_order"),
            link_url=F("url"),
            link_label=label,
            **page_fields,
        )
        .values(
            "link_kind",
            "link_order",
            "link_url",
            "link_label",
            "link_page_id",
            "link_title",
            "link_path",
            "link_live",
            "link_private",
        )
    )


def load_navigation(request):
    """The request's site's menus (a Navigation), kept until visitors next see a change (core/freshness.py)."""
    site = Site.find_for_request(request)
    if site is None:
        return Navigation()
    return remember(f"navigation:{site.pk}", lambda: navigation_for_site(site, request))


def navigation_for_site(site, request):
    """The site's main menu, footer and social links as a Navigation, in one query; links as `request` needs them
    (relative within its site)."""
    navigation = Navigation()
    page_fields = {
        "link_page_id": F("page_id"),
        "link_title": F("page__title"),
        "link_path": F("page__url_path"),
        "link_live": F("page__live"),
        "link_private": in_private_section("page__path"),
    }
    no_page = {
        "link_page_id": Cast(Value(None), output_field=BigIntegerField()),
        "link_title": Cast(Value(None), output_field=CharField()),
        "link_path": Cast(Value(None), output_field=CharField()),
        "link_live": Cast(Value(None), output_field=BooleanField()),
        "link_private": Cast(Value(None), output_field=BooleanField()),
    }
    rows = (
        _columns("main", MainMenuItem.objects.filter(setting__site=site), F("label"), page_fields)
        .union(
            _columns("footer", FooterLink.objects.filter(setting__site=site), F("label"), page_fields),
            _columns("social", SocialLink.objects.filter(setting__site=site), F("service"), no_page),
            all=True,
        )
        .order_by("link_kind", "link_order")
    )
    lists = {"main": navigation.main_menu, "footer": navigation.footer_links, "social": navigation.social_links}
    for row in rows:
        if row["link_page_id"] is None:
            if not row["link_url"]:
                continue
            link = Link(href=row["link_url"], text=row["link_label"])
        elif row["link_live"] and not row["link_private"]:
            page = Page(id=row["link_page_id"], url_path=row["link_path"], title=row["link_title"])
            link = Link(href=page.get_url(request), text=row["link_label"] or page.title, page_id=page.pk)
        else:
            continue  # an unpublished or private page: visitors would meet "Page not found" or a login form
        lists[row["link_kind"]].append(link)
    return navigation


def navigation(request):
    """Context processor: `navigation.main_menu`, `navigation.footer_links`, `navigation.social_links`.

    Lazy, so pages that never show the menus (the admin, for one) never run the query.
    """
    return {"navigation": SimpleLazyObject(lambda: load_navigation(request))}
