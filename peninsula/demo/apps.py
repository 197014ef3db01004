from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "peninsula.demo"
    label = "demo"
    verbose_name = "Demo institute"
