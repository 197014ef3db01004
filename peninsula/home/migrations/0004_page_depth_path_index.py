"""An index on Wagtail's page (depth, path), so the menu (the home page's children, one
level down) is found without scanning every page in a large archive."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0003_page_url_path_index")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS peninsula_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS peninsula_page_depth_path",
        )
    ]
