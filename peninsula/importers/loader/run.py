"""The import run: its stages in order, the state they share, and what it remembers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from wagtail.models import Page

from peninsula.core import cache_version
from peninsula.home.models import HomePage
from peninsula.importers.indexing import per_save_indexing_off
from peninsula.importers.links import UrlIndex
from peninsula.importers.loader.media import MediaLoading
from peninsula.importers.loader.pages import PageLoading
from peninsula.importers.loader.people import PeopleLoading
from peninsula.importers.loader.redirects import RedirectLoading
from peninsula.importers.loader.series import SeriesLoading
from peninsula.importers.loader.terms import TermLoading
from peninsula.importers.mapping import Mapping
from peninsula.importers.media import MediaLibrary
from peninsula.importers.models import ImportedItem
from peninsula.importers.report import Report
from peninsula.importers.sources.base import Source
from peninsula.pagewriter import PageWriter
from peninsula.publications.models import SeriesPage

ProgressCallback = Callable[[str, int, int], None]


class Loader(MediaLoading, PageLoading, PeopleLoading, TermLoading, SeriesLoading, RedirectLoading):
    """One import run: reads the source, then loads media, entries, moves and redirects."""

    def __init__(
        self,
        source: Source,
        *,
        uploads_dir: str | None = None,
        mapping: Mapping | None = None,
        mapping_text: str = "",
        report: Report | None = None,
        progress: ProgressCallback | None = None,
    ):
        self.source = source
        self.mapping = mapping or Mapping()
        self.mapping_text = mapping_text
        self.library = MediaLibrary(uploads_dir)
        self.report = report or Report()
        self.progress = progress or (lambda stage, done, total: None)
        self.media: dict[str, tuple[str, int, str, str]] = {}  # key -> (kind, id, caption, url)
        self.page_ids: dict[str, int] = {}  # entry key -> page id
        self.person_ids: dict[str, int] = {}
        self.series: dict[str, SeriesPage] = {}
        self.terms: dict[tuple[str, str], object] = {}
        self.sibling_slugs: dict[int, set[str]] = {}
        self.moves: list[tuple[int, str]] = []  # (page id, parent entry key)
        self.touched: dict[str, set[int]] = {}  # "app.model" -> ids, to index at the end
        self.redirects: dict[str, tuple[int | None, str]] = {}  # old path -> (page id, link)
        self.batch = PageWriter()  # new publications, written together

    # The run -----------------------------------------------------------------------------
    def run(self) -> Report:
        with per_save_indexing_off():
            self._run()
        return self.report

    def queue_indexing(self):
        """One task that indexes everything this run touched (call after it is committed)."""
        from peninsula.importers.tasks import index_imported

        if self.touched:
            index_imported.enqueue(self.touched_ids())

    def index_touched(self):
        """Index everything this run touched here and now (call after it is committed); for
        the command line, where no worker may be running to take a queued task."""
        from peninsula.importers.indexing import index_objects

        if self.touched:
            index_objects(self.touched_ids(), progress=self.progress)

    def touched_ids(self) -> dict[str, list[int]]:
        return {label: sorted(ids) for label, ids in self.touched.items()}

    def touch(self, obj):
        self.touched.setdefault(obj._meta.label_lower, set()).add(obj.pk)

    def _run(self):
        self.index = self.source.scan(lambda done, total: self.progress("Reading", done, total))
        for reason, count in self.index.skipped.items():
            examples = self.index.skipped_examples.get(reason) or [""]
            self.report.skip(reason, examples[0], count)
            for example in examples[1:]:  # each duplicate id is worth naming, for one
                self.report.skip(reason, example, 0)
        self.urls = UrlIndex(self.index)
        self.origin = self.index.origin
        self.home = HomePage.objects.first()
        if self.home is None:
            raise LookupError("There is no home page: run `peninsula manage migrate` first.")
        self.known = {
            (item.kind, item.source_id): item
            for item in ImportedItem.objects.filter(source=self.source.name, origin=self.origin)
        }
        live_ids = set(
            Page.objects.values_list("pk", flat=True).filter(
                pk__in=[
                    item.object_id for item in self.known.values() if item.kind in {"post", "page"}
                ]
            )
        )
        for (kind, key), item in self.known.items():
            if kind in {"post", "page"} and item.object_id in live_ids:
                self.page_ids[key] = item.object_id
        self.import_media()
        self.settings_digest = hashlib.sha256(
            (self.mapping_text + "|" + ",".join(sorted(self.media))).encode()
        ).hexdigest()[:16]
        forward = self.import_entries()
        if forward:
            self.import_entries(only=forward)
        self.move_pages()
        self.add_redirects()
        self.save_redirects()
        cache_version.forget()  # listings and counts: the archive changed in bulk

    def remember(
        self, kind: str, key: str, obj, checksum: str = "", old_url: str = "", pending=False
    ):
        values = {
            "object_id": obj.pk,
            "object_model": obj._meta.label_lower,
            "checksum": checksum,
            "old_url": old_url[:1000],
        }
        item = self.known.get((kind, key))
        if item is None:
            item = ImportedItem(
                source=self.source.name, origin=self.origin, kind=kind, source_id=key, **values
            )
            if pending:  # written with its page, in the batch
                self.batch.add_row(item)
            else:
                item.save()
            self.known[(kind, key)] = item
        elif any(getattr(item, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(item, name, value)
            item.save()
