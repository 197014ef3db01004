"""Every search example the README and the docs give works on the demo institute.

The examples are read from the documents themselves (README's "Try ..." sentence, the
reader's table in docs/search.md, `/search/?q=` addresses and `search query "..."`
commands anywhere in docs/), so an example added to the docs is checked too. The demo is
loaded once for the module, inside a transaction rolled back at the end."""

import re
from pathlib import Path

import pytest
from django.db import transaction

from peninsula.demo.loader import load_demo
from peninsula.search import actions
from peninsula.search.engine import search

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def documented_examples() -> list[tuple[str, str]]:
    """(query, where it is documented), in the order found."""
    found = []
    readme = (ROOT / "README.md").read_text()
    tries = re.search(r"Try\s+(.+?)\s+on the demo", readme, re.S)
    assert tries, "README no longer says 'Try ... on the demo'"
    found += [(q, "README.md") for q in re.findall(r"`([^`]+)`", tries.group(1))]

    search_doc = (ROOT / "docs" / "search.md").read_text()
    table = search_doc.split("## For readers", 1)[1].split("\n\n", 2)[1]
    for row in table.splitlines()[2:]:
        first_cell = row.split("|")[1]
        found += [(q, "docs/search.md") for q in re.findall(r"`([^`]+)`", first_cell)]

    for doc in sorted((ROOT / "docs").glob("*.md")):
        text = doc.read_text()
        found += [(q, doc.name) for q in re.findall(r"/search/\?q=([^`\s)…]+)", text)]
        found += [(q, doc.name) for q in re.findall(r'search query "([^".]+)"', text)]
    seen = set()
    return [(q, where) for q, where in found if not (q in seen or seen.add(q))]


EXAMPLES = documented_examples()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        actions.reindex_all()
        yield
        transaction.set_rollback(True)


def test_the_docs_give_the_examples_this_test_expects():
    queries = [q for q, _ in EXAMPLES]
    for expected in ("비핵화", "安全保障", '"extended deterrence"', "sanctoins", "THAAD 배치"):
        assert expected in queries
    assert len(queries) >= 12


@pytest.mark.parametrize("query, where", EXAMPLES, ids=[q for q, _ in EXAMPLES])
def test_documented_example_finds_something_in_the_demo(demo, query, where):
    results = search(query.replace("+", " "))
    assert results.total > 0, f"{query!r} ({where}) finds nothing in the demo"


@pytest.mark.parametrize(
    "query, corrected", [("sanctoins", "sanction"), ("trilaterlism", "trilater")]
)
def test_documented_misspellings_are_corrected(demo, query, corrected):
    results = search(query)
    assert any(term.startswith(corrected) for term in results.corrections.values())


def test_korean_examples_find_the_korean_brief(demo):
    for query in ("비핵화", "THAAD 배치"):
        titles = [hit.title for hit in search(query).hits]
        assert "비핵화 협상, 다시 시작할 수 있을까" in titles, query
