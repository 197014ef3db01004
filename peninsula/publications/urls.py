from django.urls import path

from peninsula.publications import views

app_name = "publications"
urlpatterns = [
    path("", views.publication_list, name="all"),
    path("<slug:type_slug>/", views.publication_list, name="type"),
]
