# The "Total Index" count is read from the search index's own figure
# (site_search.SearchStats.publications, peninsula.search.counts): no copy kept here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0004_event_registration_recording_and_podcast_apps"),
    ]

    operations = [
        migrations.DeleteModel(name="PublishedCounter"),
    ]
