from django.apps import AppConfig


class SeedConfig(AppConfig):
    """The Health Equity Town seed content (seed/content/*.yaml), its loader, and the synthetic benchmark content."""

    name = "seed"
