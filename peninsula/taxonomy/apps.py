from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "peninsula.taxonomy"
    label = "taxonomy"
    verbose_name = "Themes, regions and topics"

    def ready(self):
        from peninsula.taxonomy import terms  # noqa: F401 (connects the cache's signals)
