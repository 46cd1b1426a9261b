from .base import BasePage, IndexPage, RelatedTopicsMixin
from .images import HETImage, HETRendition
from .settings import (
    FooterLink,
    MainMenuItem,
    NavigationSettings,
    SiteSettings,
    SocialLink,
)
from .site import (
    HomePage,
    PolicyObjectiveIndexPage,
    PolicyObjectivePage,
    PriorityIndexPage,
    PriorityPage,
    StandardPage,
    SubgroupIndexPage,
    SubgroupPage,
    TopicPage,
)

__all__ = [
    "BasePage",
    "FooterLink",
    "HETImage",
    "HETRendition",
    "HomePage",
    "IndexPage",
    "MainMenuItem",
    "NavigationSettings",
    "PolicyObjectiveIndexPage",
    "PolicyObjectivePage",
    "PriorityIndexPage",
    "PriorityPage",
    "RelatedTopicsMixin",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
    "SubgroupIndexPage",
    "SubgroupPage",
    "TopicPage",
]
