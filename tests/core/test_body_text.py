"""A body's words for search, read from its stored JSON: the same words Wagtail finds by
converting it, with no query for the images it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peninsula.publications.models import ArticlePage
from peninsula.search.documents import publication_entry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(series):
    image = factories.ImageFactory()
    body = [
        ("heading", {"text": "Why it matters", "level": "h2"}),
        ("paragraph", "<p>The alliance <b>held</b> for seventy&nbsp;years.</p><p>Then trade.</p>"),
        ("quote", {"text": "Deterrence is a habit.", "attribution": "A diplomat"}),
        ("image", {"image": image, "caption": "Talks in Seoul", "credit": "Photo: Studio"}),
        ("embed", {"url": "https://www.youtube.com/watch?v=abc", "title": "The panel"}),
        (
            "table",
            {"data": [["Year", "Exports"], ["2024", "Chips"]], "first_row_is_table_header": True},
        ),
        ("footnotes", {"notes": ["<p>Signed in 1953.</p>", "<p>See the annex.</p>"]}),
    ]
    page = factories.ArticlePageFactory(series=series, title="Alliance", body=body)
    return ArticlePage.objects.get(pk=page.pk)  # fresh from the database: body unconverted


def test_body_words_match_wagtails_reading_without_choice_labels(article):
    with CaptureQueriesContext(connection) as queries:
        ours = article.body.stream_block.get_searchable_content(article.body)
    assert len(queries) == 0  # the image is never loaded
    text = " ".join(ours)
    for words in [
        "Why it matters", "The alliance held for seventy", "Then trade", "Deterrence is a habit",
        "A diplomat", "Talks in Seoul", "Photo: Studio", "The panel", "Exports", "Chips",
        "Signed in 1953.", "See the annex.",
    ]:  # fmt: skip
        assert words in text
    assert "h2" not in text.split() and "<" not in text
    # Wagtail's own reading, for comparison: the same words, plus the heading level's label.
    fresh = ArticlePage.objects.get(pk=article.pk)
    stream_block = fresh.body.stream_block
    theirs = super(type(stream_block), stream_block).get_searchable_content(fresh.body)
    level = stream_block.child_blocks["heading"].child_blocks["level"]
    labels = {word for _, label in level.field.choices for word in str(label).split()}
    their_words = set(" ".join(theirs).replace("\xa0", " ").split()) - labels
    assert set(text.replace("\xa0", " ").split()) >= {
        word for word in their_words if "<" not in word and "=" not in word
    }


def test_site_search_entry_reads_the_body_the_same_way(article):
    body = publication_entry(article).fields["body"]
    assert "Talks in Seoul" in body and "Signed in 1953." in body and "h2" not in body.split()
