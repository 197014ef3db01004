from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running a site: `peninsula check`, the health endpoints, backup and restore."""

    name = "peninsula.operations"
    verbose_name = "Operations"
