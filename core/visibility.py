"""Which models visitors see on public pages, declared where each model is defined.

A model whose rows show on public pages (settings, menu and footer links, images, promoted search results) says so
in one of two ways:

- the site's own models inherit `VisibleToVisitors`;
- a model defined by Wagtail or another package is declared with `show_to_visitors(Model)` from the
  `AppConfig.ready()` of the app that shows it.

The page cache (page_cache/signal_handlers.py) starts afresh whenever such a row is saved or deleted. Pages are
not declared here: visitors see a page change when it is published, unpublished, moved or deleted, not whenever a
draft of it is saved, and the page cache listens for those events itself.

This module depends on nothing in the site, so any app may use it, including those the page cache depends on.
"""

_declared = {}


class VisibleToVisitors:
    """Mixin for a model whose rows show on public pages, so that saving or deleting one is seen by visitors.

    Set `visible_when_created = False` on a model whose new rows show nowhere until something else that is seen
    (a published page, say) starts using them.
    """

    visible_when_created = True


def show_to_visitors(model, *, when_created=True):
    """Declare that rows of `model` (a model class defined outside the site, such as Wagtail's document model) show
    on public pages. `when_created=False` when a new row shows nowhere until a published page uses it: only its
    changes and its deletion are then seen. Call it from the AppConfig.ready() of the app that shows the model."""
    _declared[model] = when_created


def change_is_seen(model, *, created=False):
    """Whether visitors see a change to a row of `model` (a model class): True for an edit or deletion of a row of
    a declared model, and for an added row (`created`) unless the model said its new rows show nowhere at once."""
    if issubclass(model, VisibleToVisitors):
        return not created or model.visible_when_created
    for cls in model.__mro__:
        if cls in _declared:
            return not created or _declared[cls]
    return False
