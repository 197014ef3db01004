from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "peninsula.taxonomy"
    label = "taxonomy"
    verbose_name = "Themes, regions and topics"
