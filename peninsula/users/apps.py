from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "peninsula.users"
    label = "users"
    verbose_name = "Users"
