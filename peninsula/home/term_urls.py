from django.urls import path

from peninsula.home import term_pages as views
from peninsula.taxonomy.models import Region, Theme, Topic

# The terms' own namespace (Theme.url_name is "taxonomy:theme"); the pages are home's.
app_name = "taxonomy"
urlpatterns = [
    path("themes/", views.term_index, {"model": Theme}, name="themes"),
    path("themes/<str:slug>/", views.term_detail, {"model": Theme}, name="theme"),
    path("regions/", views.term_index, {"model": Region}, name="regions"),
    path("regions/<str:slug>/", views.term_detail, {"model": Region}, name="region"),
    path("topics/", views.term_index, {"model": Topic}, name="topics"),
    path("topics/<str:slug>/", views.term_detail, {"model": Topic}, name="topic"),
]
