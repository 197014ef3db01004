from django.urls import path, register_converter

from peninsula.registrations import views
from peninsula.security.hostile import IdConverter

register_converter(IdConverter, "id")

app_name = "registrations"
urlpatterns = [
    path("<id:event_id>/", views.register, name="register"),
    path("<id:event_id>/registered/", views.registered, name="registered"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
]
