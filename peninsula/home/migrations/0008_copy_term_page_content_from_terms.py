"""Copy each theme's, region's and topic's page content (chosen publications, experts, body
blocks) from the term's own fields to its new page content row; taxonomy's 0004 then drops
those fields. Backwards, the rows are moved onto the terms again (taxonomy's 0004 reversed
first brings the fields back)."""

import json

from django.db import migrations

FIELDS = ("featured_publications", "experts", "body")
MODELS = {"Theme": "ThemePageContent", "Region": "RegionPageContent", "Topic": "TopicPageContent"}


def _raw(stream) -> str:
    return json.dumps(list(stream.raw_data))


def to_home(apps, schema_editor):
    for term_name, content_name in MODELS.items():
        Term = apps.get_model("taxonomy", term_name)
        Content = apps.get_model("home", content_name)
        for term in Term.objects.all():
            values = {field: getattr(term, field) for field in FIELDS}
            if any(len(stream) for stream in values.values()):
                Content.objects.create(
                    term=term, **{field: _raw(stream) for field, stream in values.items()}
                )


def to_terms(apps, schema_editor):
    for term_name, content_name in MODELS.items():
        Term = apps.get_model("taxonomy", term_name)
        Content = apps.get_model("home", content_name)
        for content in Content.objects.select_related("term"):
            for field in FIELDS:
                setattr(content.term, field, _raw(getattr(content, field)))
            content.term.save(update_fields=list(FIELDS))
        Content.objects.all().delete()  # moved back, not copied: applying again recreates them


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_term_page_content"),
        ("taxonomy", "0003_most_read_block"),
    ]

    operations = [migrations.RunPython(to_home, to_terms)]
