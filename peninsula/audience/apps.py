from django.apps import AppConfig


class AudienceConfig(AppConfig):
    name = "peninsula.audience"
    label = "audience"
    verbose_name = "Audience"
