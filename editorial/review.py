"""Content review: which live pages have passed their "next review" date, and who should be told."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, get_page_models
from wagtail.permissions import policy_registry

from core.models import BasePage


def review_page_models():
    return [model for model in get_page_models() if issubclass(model, BasePage) and not model._meta.abstract]


def overdue_pages(user=None, today=None):
    """Live pages whose review date is before today (UK time), oldest first.

    With a user, only the pages that user may edit. Pages never given a review date, and unpublished pages,
    are not overdue: nobody is reading them.
    """
    today = today or timezone.localdate()
    editable = None
    if user is not None:
        editable = policy_registry.get_by_type(Page).instances_user_has_any_permission_for(user, ["change"])
    pages = {}
    for model in review_page_models():
        queryset = model.objects.live().filter(next_review_date__lt=today).select_related("owner")
        if editable is not None:
            queryset = queryset.filter(pk__in=editable.values("pk"))
        pages.update((page.pk, page) for page in queryset)
    return sorted(pages.values(), key=lambda page: (page.next_review_date, page.path))


@dataclass
class ReviewReminders:
    """Overdue pages grouped by the owner to email, and the pages whose owner cannot be emailed (with why)."""

    by_owner: dict = field(default_factory=dict)
    unreachable: list = field(default_factory=list)


def reminders_for(pages):
    by_owner = defaultdict(list)
    unreachable = []
    for page in pages:
        owner = page.owner
        if owner is None:
            unreachable.append((page, "the page has no owner"))
        elif not owner.is_active:
            unreachable.append((page, f"its owner '{owner.get_username()}' no longer has an active account"))
        elif not owner.email:
            unreachable.append((page, f"its owner '{owner.get_username()}' has no email address"))
        else:
            by_owner[owner].append(page)
    return ReviewReminders(by_owner=dict(by_owner), unreachable=unreachable)


def pages_missing_review():
    """Live pages that no review would ever reach: no owner to remind, or no review date. In tree order.

    One queryset of Page; the review date lives on each page type's own table, so those are asked in subqueries.
    """
    no_review_date = Q()
    for model in review_page_models():
        no_review_date |= Q(pk__in=model.objects.filter(next_review_date__isnull=True).values("pk"))
    reviewable = Q(content_type__in=[ContentType.objects.get_for_model(model) for model in review_page_models()])
    return Page.objects.live().filter(reviewable).filter(Q(owner__isnull=True) | no_review_date).order_by("path")
