"""Template helpers for links to pages that may have been unpublished or made private since they were chosen."""

from django import template

from core.query import is_public

register = template.Library()


@register.filter(name="is_public")
def is_public_filter(page):
    """`{% if page|is_public %}`: the page exists, is live and is not private, so a visitor can follow a link to it."""
    return is_public(page)
