from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "peninsula.publications"
    label = "publications"
    verbose_name = "Publications"

    def ready(self):
        from peninsula.publications import signals  # noqa: F401
