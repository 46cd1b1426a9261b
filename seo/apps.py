"""What search engines and sharing read: structured data, meta tags, the sitemap and robots.txt."""

from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = "Search engines"
