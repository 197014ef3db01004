"""Everything that changes the search index goes through these functions: the signal
handlers, the background tasks, the `search` command and the importers all call them."""

from collections.abc import Callable, Iterable, Iterator

from django.db import transaction

from peninsula.search import indexing
from peninsula.search.documents import page_key, taxonomy_entry
from peninsula.search.loaders import BATCH, page_entries
from peninsula.search.models import (
    DocumentKind,
    SearchDocument,
    SearchFacetValue,
    SearchPosting,
    SearchTerm,
)


def index_pages(page_ids: list[int]):
    """Bring these pages' entries up to date: indexed if live and public, removed if not."""
    for chunk in _chunks(page_ids):
        _write_pages(*analyze_pages(chunk))


def analyze_pages(page_ids: list[int]) -> tuple[list[indexing.Analyzed], list[int]]:
    """(analyzed entries of the live, public pages among these ids, ids to remove): the
    reading half of indexing, which a rebuild runs in worker processes (parallel.py)."""
    entries, gone = page_entries(page_ids)
    return indexing.analyze_entries(entries), gone


def _chunks(page_ids: list[int]) -> list[list[int]]:
    return [page_ids[start : start + BATCH] for start in range(0, len(page_ids), BATCH)]


def _write_pages(analyzed: list[indexing.Analyzed], gone: list[int]):
    """One chunk's analyzed entries written and its vanished pages removed, together."""
    with transaction.atomic():
        indexing.write_analyzed(analyzed)
        indexing.remove_keys([page_key(pk) for pk in gone])


def unindex_pages(page_ids: list[int]):
    indexing.remove_keys([page_key(pk) for pk in page_ids])


def index_term(term):
    indexing.write_entries([taxonomy_entry(term)])


def unindex_term(kind: str, pk: int):
    indexing.remove_keys([f"{kind}:{pk}"])


def indexable_page_ids() -> list[int]:
    """Every live page whose kind the index holds (publications, people, series, pages)."""
    from wagtail.models import Page

    from peninsula.home.models import StandardPage
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import PublicationPage, SeriesPage

    ids = []
    for model in (SeriesPage, PersonPage, StandardPage, PublicationPage):
        ids += list(Page.objects.type(model).live().order_by("path").values_list("pk", flat=True))
    return ids


def reindex_all(
    on_progress: Callable[[int, int], None] | None = None,
    analyze_chunks: Callable[[list[list[int]]], Iterable[tuple[list, list[int]]]] | None = None,
) -> int:
    """Rebuild the whole index from the site's content; returns the documents indexed.

    The index is emptied and refilled in one transaction per batch; readers see results
    disappear and come back during a rebuild, which `peninsula search reindex` says. Pages
    are read and analyzed here, or by `analyze_chunks` (chunks of page ids to
    analyze_pages() of each, in order): the command passes its worker processes
    (parallel.in_workers).
    """
    from peninsula.taxonomy.models import TAXONOMIES

    indexing.clear()
    terms = [term for model in TAXONOMIES.values() for term in model.objects.all()]
    indexing.write_entries([taxonomy_entry(term) for term in terms])
    ids = indexable_page_ids()
    total = len(ids) + len(terms)
    done = len(terms)
    if on_progress:
        on_progress(done, total)
    chunks = _chunks(ids)
    analyzed_chunks = (analyze_chunks or _analyze_here)(chunks)
    for chunk, (analyzed, gone) in zip(chunks, analyzed_chunks, strict=True):
        _write_pages(analyzed, gone)
        done += len(chunk)
        if on_progress:
            on_progress(done, total)
    refresh_statistics()
    return SearchDocument.objects.count()


def _analyze_here(chunks: list[list[int]]) -> Iterator[tuple[list, list[int]]]:
    return (analyze_pages(chunk) for chunk in chunks)


def refresh_statistics():
    """Let the query planner see the index as it now is. After a rebuild its tables went
    from empty to full at once; with stale statistics PostgreSQL picks nested loops over
    millions of rows (seconds, where a hash join takes milliseconds), and autovacuum may
    be off or slow to notice."""
    from django.db import connection

    from peninsula.search.backends import postgres

    tables = [
        model._meta.db_table
        for model in (SearchDocument, SearchPosting, SearchTerm, SearchFacetValue)
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # VACUUM also marks pages all-visible, so postings are read from the index alone;
            # it cannot run inside a transaction.
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            cursor.execute(f"{command} {', '.join([*tables, postgres.TABLE])}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


def publications_mentioning(kind: str, pk: int) -> list[int]:
    """Live publications whose entry carries this person, series or term (to re-index
    them when its name changes)."""
    from peninsula.publications.models import PublicationAuthor, PublicationPage

    if kind == DocumentKind.PERSON:
        return list(
            PublicationAuthor.objects.filter(person_id=pk).values_list("page_id", flat=True)
        )
    if kind == DocumentKind.SERIES:
        return list(
            PublicationPage.objects.listed().filter(series_page_id=pk).values_list("pk", flat=True)
        )
    from peninsula.taxonomy.models import taxonomy_named

    field = taxonomy_named(kind).publication_field
    return list(PublicationPage.objects.listed().filter(**{field: pk}).values_list("pk", flat=True))


# What publishing asks of the index (peninsula.publishing.actions) ---------------------------
SUBTREE_INLINE_LIMIT = 50


def index_published(page):
    """`page` went live: its entry now, so a reader finds it the moment it is live; the
    publications that carry its name (a person's, a series') later, in a task."""
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import SeriesPage

    index_pages([page.pk])
    page = page.specific_deferred
    kind = (
        DocumentKind.PERSON if isinstance(page, PersonPage)
        else DocumentKind.SERIES if isinstance(page, SeriesPage)
        else None
    )  # fmt: skip
    if kind:
        index_later(publications_mentioning(kind, page.pk))


def index_subtree(page):
    """Every page under a moved or renamed page has a new URL: indexed now if few, else in
    a task."""
    from wagtail.models import Page

    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    if len(ids) <= SUBTREE_INLINE_LIMIT:
        index_pages(ids)
    else:
        index_later(ids)


def index_later(page_ids: list[int]):
    """index_pages() in a background task, queued once the transaction commits."""
    from peninsula.search.tasks import index_pages_task

    if page_ids:
        transaction.on_commit(lambda: index_pages_task.enqueue(page_ids))
