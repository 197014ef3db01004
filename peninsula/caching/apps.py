from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "peninsula.caching"
    verbose_name = "Caching"

    def ready(self):
        from peninsula.caching import signals

        signals.replace_wagtail_purge_handlers()
