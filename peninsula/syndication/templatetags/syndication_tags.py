from django import template

from peninsula.syndication.metadata import page_metadata

register = template.Library()


@register.inclusion_tag("syndication/head.html", takes_context=True)
def head_metadata(context):
    """Canonical URL, social cards, JSON-LD, citation tags and feed links for <head>."""
    page = context.get("page")
    return {
        "meta": page_metadata(context),
        "has_description": bool(getattr(page, "search_description", "")),
    }
