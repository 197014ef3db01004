"""A term's page content (chosen publications, experts, blocks) moved to home's
ThemePageContent, RegionPageContent and TopicPageContent: home's 0008 copied it there first."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('taxonomy', '0003_most_read_block'),
        ('home', '0008_copy_term_page_content_from_terms'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='region',
            name='body',
        ),
        migrations.RemoveField(
            model_name='region',
            name='experts',
        ),
        migrations.RemoveField(
            model_name='region',
            name='featured_publications',
        ),
        migrations.RemoveField(
            model_name='theme',
            name='body',
        ),
        migrations.RemoveField(
            model_name='theme',
            name='experts',
        ),
        migrations.RemoveField(
            model_name='theme',
            name='featured_publications',
        ),
        migrations.RemoveField(
            model_name='topic',
            name='body',
        ),
        migrations.RemoveField(
            model_name='topic',
            name='experts',
        ),
        migrations.RemoveField(
            model_name='topic',
            name='featured_publications',
        ),
    ]
