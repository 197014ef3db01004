from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "peninsula.people"
    label = "people"
    verbose_name = "People"
