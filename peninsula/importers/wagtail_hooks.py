from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from peninsula.importers import views
from peninsula.importers.redirects import redirect_wordpress_id

app_name = "importers"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.run_detail, name="run"),
    path("<int:pk>/status/", views.run_status, name="run_status"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("import/", include((urlpatterns, "importers"), namespace="importers"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("importers.add_importrun")


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ImportMenuItem(
        "Import from WordPress", reverse("importers:index"), icon_name="download", order=900
    )


hooks.register("before_serve_page", redirect_wordpress_id)
