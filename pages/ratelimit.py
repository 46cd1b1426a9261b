"""A per-client limit on how often a public form can be sent, kept in the Django cache."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from het_site.security import client_ip

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)s?\s*$")


def parse_rate(rate):
    """'5/hour' -> (5, 3600)."""
    match = RATE_PATTERN.match(rate or "")
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"A rate limit looks like '5/hour' (per second, minute, hour or day), not {rate!r}.")
    return int(match.group(1)), PERIODS[match.group(2)]


class RateLimit:
    """Counts what each client sends in a fixed window that starts with their first send."""

    def __init__(self, scope, rate=None, *, limit=None, period=None):
        """Give a rate such as '5/hour', or a limit and a period in seconds."""
        self.scope = scope
        self.limit, self.period = parse_rate(rate) if rate is not None else (limit, period)

    def key(self, request):
        # Hashed with the secret key, so the cache never holds people's IP addresses, even guessably.
        client = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request) or ''}".encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{client}"

    def is_exceeded(self, request):
        return cache.get(self.key(request), 0) >= self.limit

    def hit(self, request):
        key = self.key(request)
        cache.add(key, 0, timeout=self.period)
        try:
            cache.incr(key)
        except ValueError:
            # The entry expired between add() and incr().
            cache.set(key, 1, timeout=self.period)
