from django import template

from peninsula.newsletters.signals import public_lists

register = template.Library()


@register.inclusion_tag("newsletters/includes/signup_box.html", takes_context=True)
def signup_box(context, series=None, heading="Subscribe to our Mailing List"):
    """The sign-up form for every page; on a series page it also follows that series.

    It posts to a sign-up endpoint that needs no CSRF token, so the page stays the same
    for every reader and a shared cache can keep it."""
    return {
        "lists": public_lists(),
        "series": series,
        "heading": heading,
        "request": context.get("request"),
    }
