from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "peninsula.importers"
    label = "importers"
    verbose_name = "Importers"
