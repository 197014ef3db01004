from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from peninsula.audience import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/most-read/", admin_views.most_read_report, name="audience_most_read")]


@hooks.register("register_reports_menu_item")
def register_most_read_menu_item():
    return MenuItem("Most read", reverse("audience_most_read"), icon_name="view", order=50)
