from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "peninsula.publications"
    label = "publications"
    verbose_name = "Publications"
