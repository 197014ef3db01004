from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "peninsula.security"
    label = "security"
    verbose_name = "Security"
