from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "peninsula.search"
    label = "site_search"  # "search" is taken by wagtail.search
    verbose_name = "Site search"

    def ready(self):
        from peninsula.search import signals  # noqa: F401
