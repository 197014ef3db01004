from django import template

from peninsula.newsletters.signals import public_lists

register = template.Library()


@register.inclusion_tag("newsletters/includes/signup_box.html", takes_context=True)
def signup_box(context, series=None, heading="Subscribe to our Mailing List"):
    """The sign-up form for every page; on a series page it also follows that series."""
    return {
        "lists": public_lists(),
        "series": series,
        "heading": heading,
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
