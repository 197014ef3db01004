from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "peninsula.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from peninsula.publishing import signals  # noqa: F401  (receivers)
