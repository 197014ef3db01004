"""`peninsula search reindex` and `peninsula search query` (as `manage.py search`)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from peninsula.search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("search", *args, stdout=out)
    return out.getvalue()


def test_reindex_rebuilds_from_the_site(series, author):
    factories.ArticlePageFactory(series=series, title="Grid links", authors=[author])
    SearchDocument.objects.all().delete()
    output = run("reindex")
    assert "Indexed 3 documents." in output  # the series, the person and the article
    assert run("query", "grid").splitlines()[0] == "1 found for “grid”"
    assert run("query", '"grid links"').splitlines()[0] == '1 found for "grid links"'


def test_query_prints_json(series, author):
    factories.ArticlePageFactory(
        series=series, title="Sanctions at sea", summary="Ship transfers.", authors=[author]
    )
    data = json.loads(run("query", "sanctoins", "--json"))
    assert data["total"] == 1
    assert data["corrections"] == {"sanctoins": "sanction"}
    hit = data["hits"][0]
    assert hit["title"] == "Sanctions at sea" and hit["url"] == "/the-peninsula/sanctions-at-sea/"
    assert data["facets"]["author"] == {str(author.pk): 1}


def test_query_with_filters_and_text_output(series):
    factories.ArticlePageFactory(series=series, title="Sanctions at sea")
    factories.ReportPageFactory(series=series, title="Sanctions report")
    output = run("query", "sanctions", "--type", "report")
    assert "1 found" in output and "Sanctions report" in output and "at sea" not in output


def test_bad_page_is_a_clear_error():
    with pytest.raises(CommandError, match="--page must be 1 or more"):
        run("query", "x", "--page", "0")
