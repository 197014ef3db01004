from django.apps import AppConfig
from django.db.models.signals import post_migrate


def grant_editors_newsletters(app_config=None, **kwargs):
    """post_migrate: Editors run the newsletters. Waits for the last app, as core's roles do,
    so that every permission exists; idempotent."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    from peninsula.core.roles import EDITORS

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config is not with_models[-1]:
        return
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletters", codename__regex=r"^(add|change|delete|view)_"
        )
    )


class NewslettersConfig(AppConfig):
    name = "peninsula.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from peninsula.newsletters import bounces, signals  # noqa: F401  (receivers)

        post_migrate.connect(grant_editors_newsletters, dispatch_uid="newsletters-editors")
