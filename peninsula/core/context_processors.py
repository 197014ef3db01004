from wagtail.models import Site

from peninsula.core import chrome
from peninsula.publications.counts import published_count


def site_chrome(request):
    """Institute settings, the menu and the index count, for the base template."""
    site = Site.find_for_request(request)
    return {
        "institute": chrome.institute_settings(site),
        "menu_items": chrome.menu_items(site),
        "published_count": published_count(),
    }
