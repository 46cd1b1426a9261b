"""schema.org structured data (JSON-LD) for search engines, built as Python dicts and serialised safely."""

import json

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.text import clean_data

# Escaped so text from a page, such as a title containing "</script>", cannot end the script element early.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}
COUNCIL = {"@type": "GovernmentOrganization", "name": "Luton Council", "url": "https://www.luton.gov.uk/"}


def json_ld_script(data):
    """`data` (a dict) as a JSON-LD script element. Its texts are cleaned first: control characters would only
    be escaped, and a lone surrogate could not be encoded for the response at all."""
    text = json.dumps(clean_data(data), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def organization(request, full=False):
    """The Health Equity Town as an organisation; with `full`, its contact details too (for the home page)."""
    data = {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": request.build_absolute_uri("/"),
    }
    if full:
        from site_settings.models import SiteSettings

        site_settings = SiteSettings.for_request(request)
        data["parentOrganization"] = COUNCIL
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        if site_settings.contact_phone:
            data["telephone"] = site_settings.contact_phone
        if site_settings.contact_address:
            data["address"] = ", ".join(line.strip() for line in site_settings.contact_address.splitlines() if line)
    return data


def with_context(data):
    return {"@context": "https://schema.org", **data}


def image_urls(page, request):
    image = page.social_image
    return [request.build_absolute_uri(image.url)] if image else []
