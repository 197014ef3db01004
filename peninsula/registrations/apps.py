from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "peninsula.registrations"
    verbose_name = "Registrations"

    def ready(self):
        from wagtail.signals import page_published

        from peninsula.publications.models import EventPage
        from peninsula.registrations.signals import fill_places_on_publish

        page_published.connect(fill_places_on_publish, sender=EventPage)
