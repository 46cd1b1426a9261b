"""What empties the page cache, wired from PageCacheConfig.ready().

Visitors see a page change when it is published (from the admin, by a moderator's approval or by the scheduler),
unpublished or expired, moved, deleted while live, or added already live (as factories and imports do), and when
who may see it (its privacy) or which site answers an address changes. Saving a draft or a revision, a workflow
step, a lock, or the draft page of a partner's case study changes nothing they see, so stored pages are kept.

Other models count when core/visibility.py says visitors see them: their declaration lives with the model.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.visibility import change_is_seen
from page_cache.cache import invalidate


def row_saved(sender, instance, created, **kwargs):
    """Any model's post_save: empty the cache for a page added live, or a change to a model visitors see."""
    if issubclass(sender, Page):
        # A page's later saves are drafts and revisions; publishing sends page_published.
        if created and instance.live:
            invalidate()
    elif change_is_seen(sender, created=created):
        invalidate()


def row_deleted(sender, instance, **kwargs):
    """Any model's post_delete: empty the cache for a live page deleted, or a row of a model visitors see."""
    if sender is Page:
        # Every deleted page, whatever its type, has a row here; a draft never published was on no page.
        if instance.live:
            invalidate()
    elif not issubclass(sender, Page) and change_is_seen(sender):
        invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid="page-cache-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="page-cache-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page-cache-page-moved")
    # Connected for every model, so that a model declared visible after this runs is still heard.
    post_save.connect(row_saved, dispatch_uid="page-cache-row-saved")
    post_delete.connect(row_deleted, dispatch_uid="page-cache-row-deleted")
