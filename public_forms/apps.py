"""What every public form shares: GOV.UK form helpers, error summaries and rate limits."""

from django.apps import AppConfig


class PublicFormsConfig(AppConfig):
    name = "public_forms"
    verbose_name = "Public forms"
