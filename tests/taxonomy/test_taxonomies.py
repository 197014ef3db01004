"""The one list of taxonomies, and every place that reads it."""

import pytest

from peninsula.publications.models import PublicationPage
from peninsula.syndication.scopes import KINDS
from peninsula.taxonomy.models import TAXONOMIES, Region, Theme, Topic, taxonomy_named


def test_each_taxonomy_is_listed_by_its_publication_field():
    assert {"themes": Theme, "regions": Region, "topics": Topic} == TAXONOMIES
    for field, model in TAXONOMIES.items():
        assert model.publication_field == field
        assert PublicationPage._meta.get_field(field).related_model is model


@pytest.mark.parametrize("name", ["theme", "themes", "region", "regions", "topic", "topics"])
def test_taxonomy_named_singular_or_plural(name):
    assert taxonomy_named(name).publication_field == name.removesuffix("s") + "s"


def test_unknown_taxonomy_name_is_refused():
    with pytest.raises(KeyError):
        taxonomy_named("series")


def test_feeds_and_the_api_scope_every_taxonomy():
    assert [kind for kind in KINDS if kind in TAXONOMIES] == list(TAXONOMIES)
