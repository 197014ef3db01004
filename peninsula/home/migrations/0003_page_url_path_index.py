"""An index on Wagtail's page URL paths, so HomePage.route finds any page in one lookup."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS peninsula_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS peninsula_page_url_path",
        )
    ]
