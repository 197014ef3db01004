"""The index's generation (see SearchStats): an existing index gets a random one, so no
two installations, or a database restored from a backup, share a stale number."""

import secrets

from django.db import migrations, models


def new_generation(apps, schema_editor):
    SearchStats = apps.get_model("site_search", "SearchStats")
    for stats in SearchStats.objects.all():
        stats.generation = secrets.randbits(62)
        stats.save(update_fields=["generation"])


class Migration(migrations.Migration):
    dependencies = [("site_search", "0004_postings_without_constraints")]

    operations = [
        migrations.AddField(
            model_name="searchstats",
            name="generation",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunPython(new_generation, migrations.RunPython.noop),
    ]
