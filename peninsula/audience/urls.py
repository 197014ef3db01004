from django.urls import path

from peninsula.audience import views

app_name = "audience"
urlpatterns = [path("<int:page_id>/", views.count_view, name="count_view")]
