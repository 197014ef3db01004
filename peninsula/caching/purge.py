"""What shows a page, and purging it all from the front-end caches in one batch.

A publication is shown by its own URL, its series page, the publication listings (all and
its type), its themes', regions' and topics' pages, the home page, its authors' pages,
the feeds that list it (the site's, and its series', terms', authors' and type's), the
podcast feed or events calendar it is in, the sitemaps and the API. Other pages are shown
by their own URL, their parent and the home page (and a person's or a series' own feeds).
URLs with a query string are not named here: shared caches keep those a minute at most
(peninsula.caching.headers.QUERY_SECONDS).
"""

import functools

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django_tasks.base import TASK_MAX_PRIORITY
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageLogEntry, Site

from peninsula.people.models import PersonPage
from peninsula.publications.models import PublicationPage, PublicationType, SeriesPage

FORMATS = ("rss", "atom", "json")
PURGE_QUEUE = "purge"


def purge_on_commit(*pages) -> None:
    """Purge what shows each of `pages` (their state now) once the transaction commits:
    purged earlier, a reader's request in between would put the old page back."""
    if not settings.WAGTAILFRONTENDCACHE:
        return  # no cache to purge (a laptop): no URLs worked out, no task queued
    batch = PurgeBatch()
    for page in pages:
        if page is not None:
            add_page_and_what_shows_it(batch, page)
    if batch.urls:
        transaction.on_commit(functools.partial(enqueue_purge, list(batch.urls)))


def purge_published(page, revision=None) -> None:
    """`page` was published: what shows it now, and what showed the version readers saw
    until now (an edit may have changed the series, the themes or the authors)."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_on_commit(page, _previously_published(page, revision))


def purge_moved(page, url_path_before=None, parent_page_before=None) -> None:
    """`page` moved: what shows it at its new address and what showed it at the old one."""
    page = page.specific
    if not page.live or not settings.WAGTAILFRONTENDCACHE:
        return
    before = None
    if url_path_before and url_path_before != page.url_path:
        before = page.specific_class.objects.get(pk=page.pk)
        before.url_path = url_path_before  # the old address, on the old parent
        before.path = parent_page_before.path + page.path[-Page.steplen :]
    purge_on_commit(page, before)


def purge_archive_on_commit(page_ids) -> None:
    """After a bulk write (an import, generated content): each page's own URL, and on every
    site the pages that list the archive (home, listings, feeds, sitemaps, the API's lists).
    Term and author pages are not worked out page by page for thousands of pages: shared
    caches keep them PENINSULA_CACHE_SECONDS at most."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    ids = list(page_ids)
    for start in range(0, len(ids), 500):
        for page in Page.objects.filter(pk__in=ids[start : start + 500]).only("url_path"):
            batch.add_page(page)
    paths = [
        reverse("syndication:sitemap"),
        _sitemap("pages"),
        _sitemap("publications"),
        _sitemap("listings"),
        reverse("publications:all"),
        *(
            reverse("publications:type", kwargs={"type_slug": kind.slug})
            for kind in PublicationType
        ),
        reverse("api:list_publications"),
        *_feeds("", ""),
    ]
    for site in Site.objects.select_related("root_page"):
        batch.add_page(site.root_page)
        batch.add_urls(site.root_url + path for path in paths)
    if batch.urls:
        transaction.on_commit(functools.partial(enqueue_purge, list(batch.urls)))


def _previously_published(page, revision):
    """The page as readers saw it before this publish (None for a first publish)."""
    if revision is None:
        return None
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action__startswith="wagtail.publish")
        .exclude(revision=revision)
        .exclude(revision=None)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def enqueue_purge(urls: list[str]) -> None:
    """Wagtail's purge task, ahead of everything else queued: after an import or the demo's
    loading the queue holds thousands of indexing tasks, and an editor's published change
    must not wait behind them. It goes on the purge queue, which `peninsula worker` serves
    first on RQ, at the highest priority, which the database worker takes first (RQ's
    backend refuses priorities)."""
    task = purge_urls_from_cache_task
    if PURGE_QUEUE in task.get_backend().queues:  # a TASKS setting without it: the default
        task = task.using(queue_name=PURGE_QUEUE)
    if task.get_backend().supports_priority:
        task = task.using(priority=TASK_MAX_PRIORITY)
    task.enqueue(urls, None, None)


def add_page_and_what_shows_it(batch: PurgeBatch, page) -> None:
    url_parts = page.get_url_parts()
    if url_parts is None:  # not routable on any site
        return
    _, root_url, _ = url_parts
    batch.add_page(page)
    site = page.get_site()
    if site is not None:
        batch.add_page(site.root_page)  # the home page
    paths = [reverse("syndication:sitemap"), _sitemap("pages")]
    if isinstance(page, PublicationPage):
        paths += _publication_paths(batch, page)
    else:
        parent = page.get_parent()
        if parent is not None and parent.depth > 1:
            batch.add_page(parent)
        if isinstance(page, SeriesPage):
            paths += _feeds("series", page.slug)
            paths += [reverse("syndication:podcast", args=[page.slug]), reverse("api:list_series")]
        elif isinstance(page, PersonPage):
            paths += _feeds("authors", page.slug)
            paths += [
                reverse("api:list_people"),
                reverse("api:get_person", kwargs={"person_id": page.pk}),
            ]
    batch.add_urls(root_url + path for path in paths)


def _publication_paths(batch: PurgeBatch, page) -> list[str]:
    kind = PublicationType(page.publication_type)
    paths = [
        reverse("publications:all"),
        reverse("publications:type", kwargs={"type_slug": kind.slug}),
        _sitemap("publications"),
        _sitemap("listings"),
        reverse("api:list_publications"),
        reverse("api:get_publication", kwargs={"publication_id": page.pk}),
        *_feeds("", ""),
        *_feeds("types", kind.slug),
    ]
    series = page.get_parent().specific_deferred
    if isinstance(series, SeriesPage):
        batch.add_page(series)
        paths += _feeds("series", series.slug)
        if kind == PublicationType.PODCAST:
            paths.append(reverse("syndication:podcast", args=[series.slug]))
    if kind == PublicationType.EVENT:
        paths.append(reverse("syndication:events_ics"))
        paths.append(reverse("syndication:event_ics", args=[page.pk]))
    for field in ("themes", "regions", "topics"):
        for term in getattr(page, field).all():
            paths += [term.get_absolute_url(), *_feeds(field, term.slug)]
    for authorship in page.authors.all():
        if person := authorship.person:
            batch.add_page(person)
            paths += _feeds("authors", person.slug)
    return paths


def _sitemap(section: str) -> str:
    return reverse("syndication:sitemap_section", kwargs={"section": section})


def _feeds(kind: str, slug: str) -> list[str]:
    if not kind:
        return [reverse("syndication:site_feed", kwargs={"fmt": fmt}) for fmt in FORMATS]
    kwargs = {"kind": kind, "slug": slug}
    return [reverse("syndication:feed", kwargs={**kwargs, "fmt": fmt}) for fmt in FORMATS]
