from django.urls import path, register_converter
from django.urls.converters import get_converters

from peninsula.registrations import views
from peninsula.security.hostile import IdConverter

# A name of its own: syndication registers the same converter as "id" unconditionally.
if "id64" not in get_converters():
    register_converter(IdConverter, "id64")

app_name = "registrations"
urlpatterns = [
    path("<id64:event_id>/", views.register, name="register"),
    path("<id64:event_id>/registered/", views.registered, name="registered"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
]
