"""The shared base of every page type and the image model; no concrete page type lives here."""

from .base import REVIEW_INTERVAL, BasePage, BasePageForm, IndexPage, default_review_date
from .images import HETImage, HETRendition

__all__ = [
    "REVIEW_INTERVAL",
    "BasePage",
    "BasePageForm",
    "HETImage",
    "HETRendition",
    "IndexPage",
    "default_review_date",
]
