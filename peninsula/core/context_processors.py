from wagtail.models import Site

from peninsula.core import chrome


def site_chrome(request):
    """Institute settings and the menu, for the base template."""
    site = Site.find_for_request(request)
    return {
        "institute": chrome.institute_settings(site),
        "menu_items": chrome.menu_items(site),
    }
