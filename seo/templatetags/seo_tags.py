from django import template

from seo.structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD, for page types that describe themselves (see their structured_data())."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "structured_data"):
        return ""
    return json_ld_script(page.structured_data(request))


@register.filter
def absolute_url(url, request):
    return request.build_absolute_uri(url)
