from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "peninsula.press"
    label = "press"
    verbose_name = "News and press"
