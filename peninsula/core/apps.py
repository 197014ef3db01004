from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "peninsula.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_migrate

        from peninsula.core.roles import ensure_editorial_roles

        post_migrate.connect(ensure_editorial_roles)

        from peninsula.core import admin_mail

        admin_mail.install()  # comment notifications: a warning, not a 500, when mail is down
