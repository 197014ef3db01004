from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "peninsula.navigation"
    label = "navigation"
    verbose_name = "Menus"

    def ready(self):
        from peninsula.navigation import menus  # noqa: F401  (connects its receivers)
