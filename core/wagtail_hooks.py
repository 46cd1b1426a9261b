from wagtail import hooks

from core.links import PublicPageLinkHandler


@hooks.register("register_rich_text_features", order=1)
def register_public_page_links(features):
    # After Wagtail's own registration (order 0), which this replaces.
    features.register_link_type(PublicPageLinkHandler)
