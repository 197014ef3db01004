from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "peninsula.home"
    label = "home"
    verbose_name = "Home and general pages"
