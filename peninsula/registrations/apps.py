from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "peninsula.registrations"
    verbose_name = "Registrations"
