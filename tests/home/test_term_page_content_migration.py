"""home's 0008 moves a term's page content from the term's own fields (taxonomy before its
0004) to home's ThemePageContent (and siblings), and back when unapplied."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("home", "0007_term_page_content"), ("taxonomy", "0003_most_read_block")]
AFTER = [
    ("home", "0008_copy_term_page_content_from_terms"),
    ("taxonomy", "0004_page_content_moved_to_home"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def stream(*items):
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


@pytest.mark.django_db(transaction=True)
def test_page_content_moves_from_the_terms_to_home_and_back():
    apps = migrate(BEFORE)
    Theme = apps.get_model("taxonomy", "Theme")
    Topic = apps.get_model("taxonomy", "Topic")
    chosen = Theme.objects.create(
        name="Security",
        slug="security",
        featured_publications=stream(("publication", 11)),
        experts=stream(("person", 22), ("person", 23)),
        body=stream(("text", "<p>How we study security.</p>")),
    )
    Theme.objects.create(name="Trade", slug="trade")
    Topic.objects.create(name="Ports", slug="ports", experts=stream(("person", 22)))

    apps = migrate(AFTER)
    ThemePageContent = apps.get_model("home", "ThemePageContent")
    [content] = ThemePageContent.objects.all()  # Trade chose nothing: it gets no row
    assert content.term_id == chosen.pk
    assert [b.block_type for b in content.body] == ["text"]
    assert [item["value"] for item in content.experts.raw_data] == [22, 23]
    assert [item["value"] for item in content.featured_publications.raw_data] == [11]
    topic = apps.get_model("home", "TopicPageContent").objects.get()
    assert [item["value"] for item in topic.experts.raw_data] == [22] and not len(topic.body)

    apps = migrate(BEFORE)
    security = apps.get_model("taxonomy", "Theme").objects.get(slug="security")
    assert [item["value"] for item in security.experts.raw_data] == [22, 23]
    assert "How we study security." in json.dumps(list(security.body.raw_data))
    migrate(AFTER)
