"""Registrations in the admin: a list filtered by event and status, exported as CSV or
Excel (the listing's export menu) with the answers to the event's questions."""

import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from peninsula.registrations.models import Registration


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(queryset=None, label="Event")
    status = django_filters.ChoiceFilter(choices=Registration.Status.choices)

    class Meta:
        model = Registration
        fields = ["event", "status"]

    def __init__(self, *args, **kwargs):
        from peninsula.publications.models import EventPage

        super().__init__(*args, **kwargs)
        self.filters["event"].queryset = EventPage.objects.filter(
            takes_registrations=True
        ).order_by("-starts_at")


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = "Registrations"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_export = [
        "event_title",
        "event_start",
        "name",
        "email",
        "organisation",
        "status_label",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "answers_text",
    ]
    export_headings = {
        "event_title": "Event",
        "event_start": "Event starts (UTC)",
        "status_label": "Status",
        "created_at": "Registered at (UTC)",
        "promoted_at": "Given a place at (UTC)",
        "cancelled_at": "Cancelled at (UTC)",
        "answers_text": "Answers",
    }
    export_filename = "registrations"
    filterset_class = RegistrationFilterSet
    form_fields = ["name", "email", "organisation"]  # the status changes through actions only
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_registrations():
    # Not "registrations": that URL namespace is the site's own (registrations/urls.py).
    return RegistrationViewSet("event_registrations")
