from django import template

from peninsula.audience.counting import cached_most_read

register = template.Library()


@register.inclusion_tag("audience/blocks/most_read.html")
def most_read_this_month(number: int = 5, heading: str = "Most read this month"):
    """The home page's section: the same list as the block, by the site's own counts."""
    return {
        "value": {"heading": heading, "number": number},
        "most_read": cached_most_read(days=30, limit=number),
    }
