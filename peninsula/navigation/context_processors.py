from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from peninsula.navigation import menus


def navigation(request):
    """The header and footer menus for the base template, read only when a template uses
    them (the admin's pages never do)."""

    def site():
        return Site.find_for_request(request)

    return {
        "header_links": SimpleLazyObject(lambda: menus.header_links(site())),
        "site_menus": SimpleLazyObject(lambda: menus.menus(site())),
    }
