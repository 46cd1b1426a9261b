"""The site's own address (settings.SITE_URL), written into Wagtail's default Site record.

Wagtail builds every absolute link from that record (Site.root_url: http on port 80, https on port 443, otherwise
http with the port), so canonical links, the sitemap, feeds, calendar files and emails all follow SITE_URL once
`migrate` or `manage.py set_site_address` has run.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def parse_site_url(url):
    """'https://het.luton.gov.uk' -> ('het.luton.gov.uk', 443); 'http://127.0.0.1:8000' -> ('127.0.0.1', 8000).

    Raises ImproperlyConfigured for anything a Wagtail Site cannot stand for: another scheme, a path, or https on a
    port other than 443 and http on 443 (Wagtail assumes https exactly when the port is 443).
    """
    parts = urlsplit(url or "")
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must look like https://het.luton.gov.uk, not {url!r}.")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"SITE_URL must be the site's address alone, with no path: not {url!r}.")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise ImproperlyConfigured(f"SITE_URL has an invalid port: {url!r}.") from error
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"SITE_URL {url!r} cannot be used: the site's links use https exactly when the port is 443."
        )
    return parts.hostname, port


def apply_site_address(using="default"):
    """Give the default Site the host name and port of SITE_URL. Returns the Site, or None if there is none yet
    (load_het_content creates it with this address)."""
    hostname, port = parse_site_url(settings.SITE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return site
    site.hostname, site.port = hostname, port
    site.save(using=using)
    return site


def apply_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: every deployment's migrate brings the Site record in line with SITE_URL."""
    apply_site_address(using=using)


@checks.register()
def check_site_url(app_configs, **kwargs):
    try:
        parse_site_url(settings.SITE_URL)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="site_settings.E001")]
    return []


@checks.register(deploy=True)
def check_site_url_is_public(app_configs, **kwargs):
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme != "https" or (parts.hostname or "") in LOOPBACK_HOSTS:
        return [
            checks.Warning(
                f"SITE_URL is {settings.SITE_URL!r}, so the site's links, sitemap and emails point there.",
                hint="Set SITE_URL to the site's public https address, such as https://het.luton.gov.uk.",
                id="site_settings.W001",
            )
        ]
    return []
