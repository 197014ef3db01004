from django.db import migrations

STARTER_LISTS = [
    ("Institute updates", "News from the institute: new work, people and announcements.", 0),
    ("Weekly brief", "Our analysts' short read on the week, every Friday.", 1),
    ("Events", "Invitations to conferences, book talks and roundtables.", 2),
]


def create_lists(apps, schema_editor):
    MailingList = apps.get_model("newsletters", "MailingList")
    for name, description, order in STARTER_LISTS:
        MailingList.objects.get_or_create(
            name=name, defaults={"description": description, "sort_order": order}
        )


class Migration(migrations.Migration):
    """Three public lists to start with, so the sign-up form works on a fresh site; editors
    rename or remove them under Newsletters → Mailing lists."""

    dependencies = [("newsletters", "0001_initial")]

    operations = [migrations.RunPython(create_lists, migrations.RunPython.noop)]
