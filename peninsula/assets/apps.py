from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = "peninsula.assets"
    label = "assets"
    verbose_name = "Images and documents"
