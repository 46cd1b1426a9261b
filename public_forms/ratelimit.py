"""A limit on how often a public form can be sent, per client address or per email address, kept in the Django cache."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)s?\s*$")


def parse_rate(rate):
    """'5/hour' -> (5, 3600)."""
    match = RATE_PATTERN.match(rate or "")
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"A rate limit looks like '5/hour' (per second, minute, hour or day), not {rate!r}.")
    return int(match.group(1)), PERIODS[match.group(2)]


def client_ip(request):
    """The visitor's address: the socket's peer, or the one the nearest trusted proxy saw.

    Proxies append to X-Forwarded-For, so with N trusted proxies the Nth address from the right is the one
    that connected to the outermost proxy; anything further left could have been made up by the client.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if count > 0 and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


class RateLimit:
    """Counts what each client sends in a fixed window that starts with their first send."""

    def __init__(self, scope, rate=None, *, limit=None, period=None):
        """Give a rate such as '5/hour', or a limit and a period in seconds."""
        self.scope = scope
        self.limit, self.period = parse_rate(rate) if rate is not None else (limit, period)

    def key(self, request, identity=None):
        """Counts by the client's address, or by `identity` (an email address, say) when given."""
        if identity is None:
            identity = client_ip(request) or ""
        # Hashed with the secret key, so the cache never holds people's IP or email addresses, even guessably.
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}"

    def is_exceeded(self, request, identity=None):
        return cache.get(self.key(request, identity), 0) >= self.limit

    def hit(self, request, identity=None):
        key = self.key(request, identity)
        cache.add(key, 0, timeout=self.period)
        try:
            cache.incr(key)
        except ValueError:
            # The entry expired between add() and incr().
            cache.set(key, 1, timeout=self.period)
