"""Wagtail's own purge handlers, replaced.

Wagtail's frontend_cache app purges a published page's own URL, at once, inside the
publishing transaction; peninsula.publishing.actions purges instead everything that shows
the page, in one batch, after the commit (peninsula.caching.purge).
"""

from django.apps import apps
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished


def replace_wagtail_purge_handlers() -> None:
    """Disconnect wagtail.contrib.frontend_cache's per-page handlers (see the module
    docstring). Runs in ready(): INSTALLED_APPS lists this app after Wagtail's."""
    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(wagtail_handlers.page_published_signal_handler, model)
            page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, model)
