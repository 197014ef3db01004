from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "peninsula.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from peninsula.newsletters import bounces, signals  # noqa: F401  (receivers)
