"""What visitors see, remembered until it changes: the content "generation" and values kept under it.

The generation is a random token in Django's cache (Redis in production) that is replaced whenever anything visitors
see changes: a page published, unpublished, moved or deleted, a menu or a setting edited (page_cache/signal_handlers.py
says what counts). The page cache stores whole pages under it, and `remember()` keeps the parts every page repeats
(the menus, the section links, breadcrumbs) under it, so a page rendered afresh does not fetch them again. A new
generation makes all of them out of date in one write, however many there are.

This module depends on nothing in the site, so the lowest layers (core, site_settings) may use it.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "het:page-cache:generation"
# Values under an old generation are never read again; this only bounds how long they take up room.
REMEMBER_SECONDS = 60 * 60
_MISSING = object()


def new_generation(**kwargs):
    """Start a new generation: everything kept under the old one is out of date. Takes a signal's arguments.

    Done at once and again after the transaction commits, so a value computed from the old data while the change
    was being saved cannot be kept under the new generation.
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def start_generation_if_none():
    """Start a generation if the cache has none (it was emptied or restarted), without replacing a newer one."""
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def current_generation():
    """The current generation's token, starting one if there is none; None when the cache keeps nothing (Django's
    dummy cache, as the query budget tests use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        start_generation_if_none()
        generation = cache.get(GENERATION_KEY)
    return generation


def remember(name, compute):
    """`compute()`'s value, kept until visitors next see a change. `name` says what it is and for which site or page
    (for example "navigation:3"); the value must pickle. Computed every time when the cache keeps nothing."""
    generation = current_generation()
    if generation is None:
        return compute()
    key = f"het:remembered:{generation}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout=REMEMBER_SECONDS)
    return value
