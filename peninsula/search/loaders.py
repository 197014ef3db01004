"""Entries for many pages at once: the related rows of a batch in a few queries.

Indexing one publication through its own properties costs a handful of queries (authors,
taxonomy terms, series); a rebuild of 100,000 publications would spend most of its time
there, so batches load those rows together and hand them to the same entry builders.
"""

from collections import defaultdict
from types import SimpleNamespace

from wagtail.models import Page, PageViewRestriction

from peninsula.core.chrome import page_url, site_root_paths
from peninsula.search.documents import Entry, entry_for_page, publication_entry

BATCH = 500


def restricted_paths() -> list[str]:
    """Tree paths under a view restriction (their pages are never indexed)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_restricted(path: str, restricted: list[str]) -> bool:
    return any(path.startswith(prefix) for prefix in restricted)


def load_specific(page_ids: list[int]) -> dict:
    """{id: specific page}, one query per page type. Wagtail's .specific() builds a base
    Page object for every row first, which costs as much again."""
    from django.contrib.contenttypes.models import ContentType

    by_type = defaultdict(list)
    for pk, content_type in Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type"):
        by_type[content_type].append(pk)
    pages = {}
    for content_type, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is None:  # a page type whose app is gone: index it as a plain page
            model = Page
        pages.update((page.pk, page) for page in model.objects.filter(pk__in=ids))
    return pages


def page_entries(page_ids: list[int]) -> tuple[list[Entry], list[int]]:
    """(entries of the live, public pages among these ids, ids that are not to be found)."""
    from peninsula.publications.models import PublicationPage

    entries, gone = [], []
    restricted = restricted_paths()
    pages = load_specific(page_ids)
    publications = [
        page
        for page in pages.values()
        if isinstance(page, PublicationPage)
        and page.live
        and not is_restricted(page.path, restricted)
    ]
    _prefetch_publications(publications)
    for pk in page_ids:
        page = pages.get(pk)
        if page is None or not page.live or is_restricted(page.path, restricted):
            gone.append(pk)
        elif isinstance(page, PublicationPage):
            entries.append(publication_entry(page))
        else:
            entry = entry_for_page(page, check_restrictions=False)
            if entry is None:
                gone.append(pk)
            else:
                entries.append(entry)
    return entries, gone


def _prefetch_publications(pages: list):
    """Fill each page's `author_people`, `classification` and `search_url` in bulk."""
    from peninsula.publications.listing import with_bylines
    from peninsula.publications.models import PublicationPage
    from peninsula.taxonomy.models import TAXONOMIES

    if not pages:
        return
    ids = [page.pk for page in pages]
    # Bylines (id, name, URL path), not person pages: building thousands of page objects
    # costs more than everything else indexing does with them.
    with_bylines(pages)
    terms = {name: defaultdict(list) for name in TAXONOMIES}
    for name, model in TAXONOMIES.items():
        through = getattr(PublicationPage, name).through
        column = f"{model._meta.model_name}_id"
        names = dict(model.objects.values_list("pk", "name"))
        slugs = dict(model.objects.values_list("pk", "slug"))
        for page_id, term_id in through.objects.filter(publicationpage_id__in=ids).values_list(
            "publicationpage_id", column
        ):
            terms[name][page_id].append(
                SimpleNamespace(pk=term_id, name=names[term_id], slug=slugs[term_id])
            )
    roots = site_root_paths()
    for page in pages:
        page.__dict__["search_url"] = page_url(page.url_path, roots) or ""
        page.__dict__["classification"] = {name: terms[name][page.pk] for name in TAXONOMIES}
